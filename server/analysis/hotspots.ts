// Hot spots of incidents (docs/domain-notes.md §4): binning into H3 or square cells, Getis-Ord Gi* with FDR, and the
// comparison of two periods over the same cells. The pieces live in cells.ts, gi-star.ts and fdr.ts.
import type { BBox } from '../kernel/geo.ts'
import type { CellScheme, PointItem } from './cells.ts'
import { binIncidents } from './cells.ts'
import type { GiBin, GiStarOptions, GiStarResult } from './gi-star.ts'
import { computeGiStar } from './gi-star.ts'

export { HotspotRefusalError } from './gi-star.ts'
export type { CellScheme, PointItem } from './cells.ts'
export type { GiBin, GiStarOptions, GiStarResult, HotspotCell } from './gi-star.ts'

export interface FindHotspotsOptions extends GiStarOptions {
  bbox: BBox // the study area, e.g. the district's bounds: every cell in it takes part, counted or not
  cellScheme?: CellScheme // default { kind: 'h3', resolution: 10 }
}

export interface HotspotResult extends GiStarResult {
  scheme: 'h3' | 'grid'
  resolution: number | null // H3 resolution, or null for the grid
  sizeMeters: number | null // grid cell size in metres, or null for H3
  dropped: number // items outside every study cell, not counted
}

/**
 * Gi* hot and cold spots of `incidents` (already filtered by the caller) over the cells of `bbox`; band
 * in metres. Throws HotspotRefusalError (→ 422) with fewer than 30 study cells or when every cell has
 * the same count — so no incidents at all is a refusal, not an empty map, since "no hot spot" would be
 * a claim the data cannot support. Does not mutate its input.
 */
export function findHotspots(incidents: readonly PointItem[] | Float64Array, options: FindHotspotsOptions): HotspotResult {
  const cells = binIncidents(incidents, options.bbox, options.cellScheme ?? { kind: 'h3' })
  const result = computeGiStar(cells, { bandMeters: options.bandMeters, fdr: options.fdr, inference: options.inference, permutations: options.permutations, seed: options.seed })
  return {
    ...result,
    scheme: cells.scheme,
    resolution: cells.resolution,
    sizeMeters: cells.lattice?.sizeMeters ?? null,
    dropped: cells.dropped,
  }
}

// ---------------------------------------------------------------------------------------------------
// Period comparison

/**
 * How a cell's hot-spot status moved from an earlier to a later period. "Hot" means a positive bin
 * (+1/+2/+3: a hot spot at 90/95/99 % confidence, FDR-corrected if the results were), and strength is
 * the bin, not the raw z, so that noise inside one confidence level does not count as a change:
 *  - new: hot now, not hot before (cold or not significant before);
 *  - intensifying: hot in both, higher bin now;
 *  - persistent: hot in both, same bin;
 *  - diminishing: hot in both, lower bin now (hot before and weaker now, but still significant);
 *  - gone: hot before, not hot now;
 *  - none: hot in neither (cold spots are not trended here).
 */
export type HotspotTrend = 'new' | 'intensifying' | 'persistent' | 'diminishing' | 'gone' | 'none'

export interface HotspotTrendCell {
  id: string
  trend: HotspotTrend
  before: { bin: GiBin; z: number; count: number }
  after: { bin: GiBin; z: number; count: number }
}

/** Classifies the bins of two Gi* runs as a {@link HotspotTrend}. */
export function classifyHotspotTrend(before: GiBin, after: GiBin): HotspotTrend {
  const hotBefore = before > 0
  const hotAfter = after > 0
  if (hotAfter && !hotBefore) return 'new'
  if (hotBefore && !hotAfter) return 'gone'
  if (!hotBefore) return 'none'
  return after > before ? 'intensifying' : after < before ? 'diminishing' : 'persistent'
}

/**
 * Per-cell trend between two Gi* results over the same study cells (same ids in the same order, as
 * two `findHotspots` calls with the same bbox and cell scheme give). Throws a RangeError when the cells
 * differ. Two empty results → []. Does not mutate its input.
 */
export function compareHotspotPeriods(before: Pick<GiStarResult, 'cells'>, after: Pick<GiStarResult, 'cells'>): HotspotTrendCell[] {
  if (before.cells.length !== after.cells.length) {
    throw new RangeError(`compareHotspotPeriods: the periods have ${before.cells.length} and ${after.cells.length} cells; compare results over the same bbox and cell scheme`)
  }
  return before.cells.map((b, i) => {
    const a = after.cells[i]!
    if (a.id !== b.id) throw new RangeError(`compareHotspotPeriods: cell ${i} is ${b.id} before and ${a.id} after; compare results over the same bbox and cell scheme`)
    return {
      id: b.id,
      trend: classifyHotspotTrend(b.bin, a.bin),
      before: { bin: b.bin, z: b.z, count: b.count },
      after: { bin: a.bin, z: a.z, count: a.count },
    }
  })
}
