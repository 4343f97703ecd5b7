// The overview's filters (categories, period, cell size, FDR) and the API queries built from them. One place builds
// every query, so the map, the top ten, a cell's incidents and the counts always describe the same selection.
import type { CellIncidentsQuery } from '../api/get-cell-incidents.ts'
import type { HotspotCell, HotspotsQuery } from '../api/get-hotspots.ts'
import type { HotspotTrendsQuery } from '../api/get-hotspot-trends.ts'
import type { IncidentStatsQuery } from '../api/get-incident-stats.ts'
import type { IntersectionHotspotsQuery } from '../api/get-intersection-hotspots.ts'
import type { Period, PeriodChoice } from './hotspot-period.ts'

/** The H3 resolutions offered: 10 is nearest the bureau's ~10,000 m² unit-grid cell (docs/domain-notes.md §4). */
export const CELL_CHOICES = ['h3-9', 'h3-10', 'h3-11'] as const satisfies readonly HotspotCell[]
export type CellChoice = (typeof CELL_CHOICES)[number]

export interface HotspotFilters {
  /** Incident category codes; empty means every category. */
  categories: readonly string[]
  period: PeriodChoice
  cell: CellChoice
  /** Benjamini–Hochberg false-discovery-rate correction of the confidence bins. */
  fdr: boolean
}

export const DEFAULT_HOTSPOT_FILTERS: HotspotFilters = {
  categories: [],
  period: { preset: '90d' }, // the server's own default: enough incidents per cell for a stable statistic
  cell: 'h3-10',
  fdr: true,
}

/** Street-vending categories for the intersection ranking: 无照经营游商, 店外经营, 露天烧烤 (docs/domain-notes.md §1). */
export const VENDING_CATEGORIES = ['0501', '0504', '0510'] as const

// the category list in code order, so ticking A then B or B then A asks (and caches) the same query
const categoryParam = (categories: readonly string[]) =>
  categories.length === 0 ? {} : { category: [...new Set(categories)].sort().join(',') }

export function buildHotspotsQuery(filters: HotspotFilters, period: Period): HotspotsQuery {
  return { ...categoryParam(filters.categories), from: period.from, to: period.to, cell: filters.cell, fdr: filters.fdr ? 'true' : 'false' }
}

/** The comparison takes no FDR switch (the server refuses one): it always classes both periods from FDR-corrected bins. */
export function buildTrendsQuery(filters: HotspotFilters, period: Period): HotspotTrendsQuery {
  return { ...categoryParam(filters.categories), from: period.from, to: period.to, cell: filters.cell }
}

export function buildCellIncidentsQuery(filters: HotspotFilters, period: Period): CellIncidentsQuery {
  return { ...categoryParam(filters.categories), from: period.from, to: period.to, cell: filters.cell }
}

export function buildIntersectionsQuery(period: Period, limit: number): IntersectionHotspotsQuery {
  return { ...categoryParam(VENDING_CATEGORIES), from: period.from, to: period.to, limit: String(limit) }
}

export function buildStatsQuery(categories: readonly string[], period: Period): IncidentStatsQuery {
  return { ...categoryParam(categories), from: period.from, to: period.to }
}

/** `categories` with `code` added or taken out. */
export function toggleCategory(categories: readonly string[], code: string): string[] {
  return categories.includes(code) ? categories.filter((c) => c !== code) : [...categories, code]
}
