// The lighting feature's query keys: coverage, the dark stretches (whole and ranked) and the crew's work list.
import type { DarkZoneRankingQuery } from './get-dark-zone-ranking.ts'
import type { DarkZonesQuery } from './get-dark-zones.ts'
import type { WorkListQuery } from './get-work-list.ts'

export const coverageKeys = {
  all: ['coverage'] as const,
}

export const darkZoneKeys = {
  all: ['dark-zones'] as const,
  list: (query: DarkZonesQuery) => [...darkZoneKeys.all, query] as const,
}

export const darkZoneRankingKeys = {
  all: ['dark-zone-ranking'] as const,
  list: (query: DarkZoneRankingQuery) => [...darkZoneRankingKeys.all, query] as const,
}

export const workListKeys = {
  all: ['work-list'] as const,
  list: (query: WorkListQuery) => [...workListKeys.all, query] as const,
}
