// The hotspots feature's query keys: Gi* cells, their incidents and trends, the statistics, the intersection ranking.
import type { CellIncidentsQuery } from './get-cell-incidents.ts'
import type { HotspotTrendsQuery } from './get-hotspot-trends.ts'
import type { HotspotsQuery } from './get-hotspots.ts'
import type { IncidentStatsQuery } from './get-incident-stats.ts'
import type { IntersectionHotspotsQuery } from './get-intersection-hotspots.ts'

export const hotspotKeys = {
  all: ['hotspots'] as const,
  list: (query: HotspotsQuery) => [...hotspotKeys.all, query] as const,
}

export const cellIncidentKeys = {
  all: ['cell-incidents'] as const,
  list: (id: string, query: CellIncidentsQuery) => [...cellIncidentKeys.all, id, query] as const,
}

export const hotspotTrendKeys = {
  all: ['hotspot-trends'] as const,
  list: (query: HotspotTrendsQuery) => [...hotspotTrendKeys.all, query] as const,
}

export const incidentStatKeys = {
  all: ['incident-stats'] as const,
  list: (query: IncidentStatsQuery) => [...incidentStatKeys.all, query] as const,
}

export const intersectionHotspotKeys = {
  all: ['intersection-hotspots'] as const,
  list: (query: IntersectionHotspotsQuery) => [...intersectionHotspotKeys.all, query] as const,
}
