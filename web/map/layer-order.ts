// The one z-order of every layer the app draws, bottom to top. Features add their layers at any time and in any
// order; each is slotted below the next layer listed here, so the stack never depends on which request came back first.
export const LAYER_ORDER = [
  // basemap, from the offline style
  'base-background',
  'base-water-area',
  'base-water-line',
  'base-buildings',
  'base-streets-casing',
  'base-streets',
  // thematic surfaces and lines: density under the lines so street colours stay readable through it
  'incidents-density',
  'streets-category',
  'zones-outline', // above the streets: zone boundaries often run along one
  // lighting views: dark stretches glow over the streets, the crew's route runs on top of them
  'dark-zones-glow',
  'dark-zones',
  'dark-zones-selected',
  'work-route',
  // points that sit under the labels
  'intersections',
  'lamps',
  'retrofit-proposals', // hollow rings around the spots, so the lamps beside them stay visible
  'work-stops', // the broken lamps the crew visits sit on top of the other lamps
  // labels
  'base-water-label',
  'base-streets-label',
  'zones-label',
  'work-stops-label', // stop numbers must never hide under a street name
  // incidents stay on top: they are what a user clicks most
  'incidents-clusters',
  'incidents-cluster-count',
  'incidents-points',
] as const

export type LayerId = (typeof LAYER_ORDER)[number]

/** The id of the first layer above `id` in LAYER_ORDER that is on the map, or undefined to add on top. */
export function findLayerAbove(id: LayerId, hasLayer: (id: string) => boolean): string | undefined {
  const index = LAYER_ORDER.indexOf(id)
  return LAYER_ORDER.slice(index + 1).find(hasLayer)
}
