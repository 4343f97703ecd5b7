// The planning feature's query keys: guidance points and suggested sites, one street and its category history.
import type { GuidancePointsQuery } from './get-guidance-points.ts'
import type { GuidanceSuggestionsQuery } from './get-guidance-suggestions.ts'

export const guidancePointKeys = {
  all: ['guidance-points'] as const,
  list: (query: GuidancePointsQuery) => [...guidancePointKeys.all, query] as const,
}

export const guidanceSuggestionKeys = {
  all: ['guidance-point-suggestions'] as const,
  list: (query: GuidanceSuggestionsQuery | undefined) => [...guidanceSuggestionKeys.all, query] as const,
}

export const streetDetailKeys = {
  all: ['street'] as const,
  detail: (id: string) => [...streetDetailKeys.all, { id }] as const,
}

export const streetHistoryKeys = {
  all: ['street-history'] as const,
  detail: (id: string) => [...streetHistoryKeys.all, { id }] as const,
}
