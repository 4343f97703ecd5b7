// The overview's shared state: the filters, the comparison switch and the picked cell. The page keeps it (in the
// URL, so a reload or a link shows the same hotspots) and hands it here; the side panel and the map layer both read
// the view built from it, so it survives switching tabs.
import type { HotspotFilters } from './hotspot-filters.ts'
import type { Period } from './hotspot-period.ts'
import { resolvePeriod } from './hotspot-period.ts'

export interface HotspotView {
  filters: HotspotFilters
  setFilters: (filters: HotspotFilters) => void
  /** The chosen period as the API takes it (China dates). */
  period: Period
  /** 本期 vs 上期: the map shows the trend classes instead of the bins. */
  compare: boolean
  setCompare: (compare: boolean) => void
  /** The cell whose incidents are listed, picked in the top ten or on the map. */
  selectedCellId: string | undefined
  selectCell: (id: string | undefined) => void
}

/** Where the page keeps the view's state: what is chosen now, and one update for any part of it. */
export interface HotspotViewState {
  filters: HotspotFilters
  compare: boolean
  selectedCellId: string | undefined
  update: (patch: Partial<Omit<HotspotViewState, 'update'>>) => void
}

export function useHotspotView({ filters, compare, selectedCellId, update }: HotspotViewState): HotspotView {
  // dates, not instants: the query stays the same (and cached) all day, and moves on at China midnight
  const period = resolvePeriod(filters.period, new Date())
  return {
    filters,
    // a cell id belongs to one cell size and one selection: a new selection starts with nothing picked
    setFilters: (next) => update({ filters: next, selectedCellId: undefined }),
    period,
    compare,
    setCompare: (next) => update({ compare: next }),
    selectedCellId,
    selectCell: (id) => update({ selectedCellId: id }),
  }
}
