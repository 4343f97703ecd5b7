// Folds the dark stretches a lamp change returns into a cached dark-zones collection, so the map shows the change at
// once without refetching the district's layer. The answer names the streets whose lighting the change touched and
// carries every dark stretch now on them; every other street's stretches are unchanged.

/** A dark stretch as far as merging needs it: the street it lies on. */
export interface DarkZoneLine {
  properties: { street_id: string }
}

export interface DarkZoneChange<F> {
  /** The streets the change touched: their cached stretches are all replaced. */
  street_ids: readonly string[]
  /** Every dark stretch now on those streets; a touched street with none here is fully lit. */
  features: readonly F[]
}

/**
 * The cached stretches with those on the changed streets replaced by the change's stretches, in cache order with the
 * new ones at the end. An empty change returns a copy of the cache. Does not mutate its input.
 */
export function mergeDarkZones<F extends DarkZoneLine>(cached: readonly F[], change: DarkZoneChange<F>): F[] {
  const touched = new Set(change.street_ids)
  return [...cached.filter((f) => !touched.has(f.properties.street_id)), ...change.features]
}
