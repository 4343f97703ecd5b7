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
  // leader overview: Gi* hotspot cells (or the period comparison's trend classes) over the streets, under the zone
  // boundaries and every label, so a hot cell still reads with its street and zone names
  'hotspots-fill',
  'hotspot-trends-fill',
  'hotspots-outline',
  // thematic surfaces and lines: density under the lines so street colours stay readable through it
  'incidents-density',
  'streets-category',
  'zones-outline', // above the streets: zone boundaries often run along one
  'streets-selected', // planning view: the street open in the panel, outlined over its category colour
  // lighting views: dark stretches glow over the streets, the crew's route runs on top of them
  'dark-zones-glow',
  'dark-zones',
  'dark-zones-selected',
  'work-route',
  // planning view: guidance-point areas over the streets they stand beside; a red outline marks broken rules
  'guidance-points-fill',
  'guidance-points-outline',
  'guidance-points-violations-outline',
  // points that sit under the labels
  'intersections',
  'lamps-cells', // lamps counted per cell (below z15), under the single lamps of a denser tile beside them
  'lamps',
  'retrofit-proposals', // hollow rings around the spots, so the lamps beside them stay visible
  'work-stops', // the broken lamps the crew visits sit on top of the other lamps
  'guidance-points-circle',
  'guidance-points-violations', // a red ring around a point that breaks a rule
  'guidance-suggestions', // suggested sites over the points they would join
  // data view: the file being imported, as mapped, over every data layer it is checked against
  'import-preview-fill',
  'import-preview-line',
  'import-preview-points',
  // labels
  'base-water-label',
  'base-streets-label',
  'zones-label',
  'work-stops-label', // stop numbers must never hide under a street name
  'guidance-points-label',
  'guidance-suggestions-label', // suggestion ranks, like stop numbers, above street names
  'guidance-suggestions-served',
  // case view: open cases over every label (they are what the user works), escalated bubbles above the plain
  // dots with their report counts on top, and the ring of the case open in the panel above all of them
  'cases-open',
  'cases-escalated',
  'cases-escalated-count',
  'cases-selected',
  'cases-picked-point', // the spot picked for a new case, over every case dot near it
  // incidents stay on top: they are what a user clicks most
  'incidents-clusters',
  'incidents-cluster-count',
  'incidents-points',
  // terra-draw's own layers (prefix 'guidance-draw', added by its MapLibre adapter, not by useMapLayer): what the
  // planner is drawing or dragging is above everything. Listed so layers added later slot in below them.
  'guidance-draw-polygon',
  'guidance-draw-polygon-outline',
  'guidance-draw-linestring',
  'guidance-draw-point',
  'guidance-draw-point-marker',
] as const

export type LayerId = (typeof LAYER_ORDER)[number]

/** The id of the first layer above `id` in LAYER_ORDER that is on the map, or undefined to add on top. */
export function findLayerAbove(id: LayerId, hasLayer: (id: string) => boolean): string | undefined {
  const index = LAYER_ORDER.indexOf(id)
  return LAYER_ORDER.slice(index + 1).find(hasLayer)
}
