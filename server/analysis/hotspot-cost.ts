// How much work a Gi* request asks for, estimated from the study area alone (no binning, no neighbour search), so a
// route can refuse an oversized request before doing any of it.
import { getHexagonAreaAvg } from 'h3-js'
import type { BBox } from '../kernel/geo.ts'
import { type CellScheme, DEFAULT_GRID_SIZE_METERS, DEFAULT_H3_RESOLUTION, createLocalProjection } from './cells.ts'
import { defaultNeighbourCount } from './gi-star.ts'

export interface GiStarCostEstimate {
  cells: number // study cells: bbox area / mean cell area
  neighbours: number // cells within the band, the cell itself included: band disc area / cell area, at most `cells`
  pairs: number // cells × neighbours: the (cell, neighbour) pairs the k-d tree search of computeGiStarStatistics visits
}

/**
 * Estimated study cells, neighbours per cell and (cell, neighbour) pairs of Gi* over `bbox` under `scheme`, band in
 * metres. The cell count uses the mean H3 hexagon area (h3 `getHexagonAreaAvg`), which is within a few per cent at
 * mid latitudes; the neighbours ignore the bbox edge, so they overestimate for bands comparable to the area. Without
 * a band the automatic one holds about K + 1 cells (K = defaultNeighbourCount). A degenerate bbox → 0 cells, 0 pairs.
 */
export function estimateGiStarCost(bbox: BBox, scheme: CellScheme, bandMeters?: number): GiStarCostEstimate {
  const [west, south, east, north] = bbox
  const projection = createLocalProjection([(west + east) / 2, (south + north) / 2])
  const areaM2 = Math.max(0, east - west) * projection.metersPerDegreeLng * Math.max(0, north - south) * projection.metersPerDegreeLat
  const cellM2 = scheme.kind === 'h3' ? getHexagonAreaAvg(scheme.resolution ?? DEFAULT_H3_RESOLUTION, 'm2') : (scheme.sizeMeters ?? DEFAULT_GRID_SIZE_METERS) ** 2
  const cells = Math.round(areaM2 / cellM2)
  if (cells === 0) return { cells: 0, neighbours: 0, pairs: 0 }
  const neighbours = bandMeters === undefined ? defaultNeighbourCount(cells) + 1 : Math.min(cells, Math.max(1, Math.round((Math.PI * bandMeters * bandMeters) / cellM2)))
  return { cells, neighbours, pairs: cells * neighbours }
}
