// The overview's shared state: the filters, the comparison switch and the picked cell. The app holds it (the side
// panel and the map layer both read it), so it survives switching tabs.
import { useState } from 'react'
import type { HotspotFilters } from './hotspot-filters.ts'
import { DEFAULT_HOTSPOT_FILTERS } from './hotspot-filters.ts'
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

export function useHotspotView(): HotspotView {
  const [filters, setFiltersState] = useState(DEFAULT_HOTSPOT_FILTERS)
  const [compare, setCompare] = useState(false)
  const [selectedCellId, selectCell] = useState<string>()
  // dates, not instants: the query stays the same (and cached) all day, and moves on at China midnight
  const period = resolvePeriod(filters.period, new Date())
  const setFilters = (next: HotspotFilters) => {
    setFiltersState(next)
    // a cell id belongs to one cell size and one selection: a new selection starts with nothing picked
    selectCell(undefined)
  }
  return { filters, setFilters, period, compare, setCompare, selectedCellId, selectCell }
}
