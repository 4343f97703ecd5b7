// Folds the dark zones a lamp change returns into the district's cached collection, so the map shows the change at
// once instead of after the refetch of the whole layer.
import { bboxPolygon, booleanIntersects } from '@turf/turf'
import type { BBox, Feature, LineString } from 'geojson'

/** A dark zone as far as merging needs it: a line with the API's string id. */
export type DarkZoneLine = Feature<LineString> & { id: string }

export interface DarkZoneChange<F> {
  /** The box the server recomputed: every dark zone touching it is in `features`, all others are unchanged. */
  bbox?: BBox | number[]
  features: F[]
}

const asBBox = (box: BBox | number[]): BBox | undefined => {
  const [west, south, east, north] = box
  return west === undefined || south === undefined || east === undefined || north === undefined ? undefined : [west, south, east, north]
}

/**
 * The cached features with every one touching the change's box (or sharing an id with a changed one) replaced by
 * the changed features. Without a box only same-id features are replaced. Does not mutate its input.
 */
export function mergeDarkZones<F extends DarkZoneLine>(cached: readonly F[], change: DarkZoneChange<F>): F[] {
  const box = change.bbox === undefined ? undefined : asBBox(change.bbox)
  const area = box && bboxPolygon(box)
  const changedIds = new Set(change.features.map((f) => f.id))
  const kept = cached.filter((f) => !changedIds.has(f.id) && !(area && booleanIntersects(area, f)))
  return [...kept, ...change.features]
}
