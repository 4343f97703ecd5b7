// Street classes: the four kinds of street the lighting norms and a city's own road ledger both speak of. An OSM
// street keeps its `highway` tag and falls into a class by it; a street imported from a city's GIS carries its
// class as its `highway` value, so one table serves both.

export const STREET_CLASSES = ['alley', 'branch', 'secondary', 'arterial'] as const
/** 巷/小街 · 支路 · 次干路 · 主干路 (and faster roads). */
export type StreetClass = (typeof STREET_CLASSES)[number]

const CLASS_OF_HIGHWAY: Readonly<Record<string, StreetClass>> = {
  footway: 'alley', pedestrian: 'alley', living_street: 'alley', service: 'alley', path: 'alley', steps: 'alley',
  cycleway: 'alley', track: 'alley',
  residential: 'branch', unclassified: 'branch', tertiary: 'branch', tertiary_link: 'branch', road: 'branch',
  secondary: 'secondary', secondary_link: 'secondary',
  primary: 'arterial', primary_link: 'arterial', trunk: 'arterial', trunk_link: 'arterial', motorway: 'arterial', motorway_link: 'arterial',
  alley: 'alley', branch: 'branch', arterial: 'arterial',
}

/** The class of a street from its `highway` value; a value no table names counts as a branch road. */
export function classOfHighway(highway: string): StreetClass {
  return Object.hasOwn(CLASS_OF_HIGHWAY, highway) ? (CLASS_OF_HIGHWAY[highway] ?? 'branch') : 'branch'
}

export const isStreetClass = (value: string): value is StreetClass => (STREET_CLASSES as readonly string[]).includes(value)
