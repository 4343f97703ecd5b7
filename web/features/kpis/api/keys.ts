// The overview's query keys: the case tiles, the unit league table and the rectification measures.
import type { UnitLeagueQuery } from './get-unit-league.ts'

export const casesOverviewKeys = {
  all: ['cases-overview'] as const,
}

export const unitLeagueKeys = {
  all: ['unit-league'] as const,
  list: (query: UnitLeagueQuery) => [...unitLeagueKeys.all, query] as const,
}

export const measureKeys = {
  all: ['measures'] as const,
}
