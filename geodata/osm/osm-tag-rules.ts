// Which OSM ways Gridwatch keeps and how it names them: the one place these tag rules live, so the whole-string
// parser (parse-osm.ts) and the streaming file reader (server/import/osm/) cannot drift apart.

/**
 * OSM highway values that are linear streets or paths (https://wiki.openstreetmap.org/wiki/Key:highway).
 * Left out on purpose: point features (bus_stop, crossing, traffic_signals, motorway_junction, street_lamp …),
 * platforms, and ways that are not (yet) streets (construction, proposed, abandoned, raceway).
 */
export const STREET_HIGHWAYS: readonly string[] = [
  'motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link',
  'tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street', 'service', 'road', 'busway',
  'pedestrian', 'footway', 'path', 'cycleway', 'steps', 'track', 'bridleway', 'corridor',
]

/** natural/waterway/landuse values drawn as water areas (closed ways). */
export const WATER_AREA_TAGS: readonly (readonly [string, string])[] = [
  ['natural', 'water'],
  ['waterway', 'riverbank'],
  ['landuse', 'reservoir'],
]

/** waterway values drawn as water lines. */
export const WATERWAY_LINES: readonly string[] = ['river', 'stream', 'canal', 'drain']

/**
 * Every way tag key the rules below read. A reader may drop all other tags while decoding (the PBF reader does,
 * which saves decoding millions of strings); keep this list in step with the rules.
 */
export const WAY_TAG_KEYS_USED: readonly string[] = [
  'highway', 'area', 'building', 'name', 'name:zh', 'name:en',
  ...new Set(WATER_AREA_TAGS.map(([key]) => key)),
]

export type OsmTags = ReadonlyMap<string, string>

/** A tag value, or null when absent or only whitespace. */
export function nonEmptyTag(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value
}

/** A feature's name: `name`, falling back to `name:zh` (the bureau reads Chinese). */
export function chooseName(tags: OsmTags): string | null {
  return nonEmptyTag(tags.get('name')) ?? nonEmptyTag(tags.get('name:zh'))
}

/** The English name, when mapped. */
export function chooseEnglishName(tags: OsmTags): string | null {
  return nonEmptyTag(tags.get('name:en'))
}

/** What a highway-tagged way is: a street, a highway that is not one (area=yes or a value not listed), or no highway. */
export function classifyHighway(tags: OsmTags, streetHighways: ReadonlySet<string>): 'street' | 'other-highway' | 'none' {
  const highway = tags.get('highway')
  if (highway === undefined) return 'none'
  return streetHighways.has(highway) && tags.get('area') !== 'yes' ? 'street' : 'other-highway'
}

/** Any `building=*` value counts, even building=no: it is rare on a closed way, and the rule has always been "has the key". */
export function isBuilding(tags: OsmTags): boolean {
  return tags.has('building')
}

/** A water area (needs a closed ring), a water line, or neither. Areas win when a way is tagged as both. */
export function classifyWater(tags: OsmTags): 'area' | 'line' | 'none' {
  if (WATER_AREA_TAGS.some(([k, v]) => tags.get(k) === v)) return 'area'
  const waterway = tags.get('waterway')
  return waterway !== undefined && WATERWAY_LINES.includes(waterway) ? 'line' : 'none'
}
