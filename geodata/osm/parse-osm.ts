// OSM XML (API 0.6 / osmconvert output) → Gridwatch's real layers: streets, intersections, buildings, water.
// Pure: a string in, plain data out. Relations are skipped (the Chengdu extract's multipolygons are cut).

import { length as measureLength, lineString } from '@turf/turf'
import { XMLParser } from 'fast-xml-parser'
import { z } from 'zod'
import type { BBox, LngLat } from '../../server/kernel/geo.ts'
import type { Building, Intersection, Street, WaterFeature } from '../../server/kernel/records.ts'

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
const WATER_AREA_TAGS: readonly (readonly [string, string])[] = [
  ['natural', 'water'],
  ['waterway', 'riverbank'],
  ['landuse', 'reservoir'],
]
/** waterway values drawn as water lines. */
const WATERWAY_LINES: readonly string[] = ['river', 'stream', 'canal', 'drain']

export interface ParseOsmOptions {
  streetHighways: readonly string[] // highway values kept as streets; default STREET_HIGHWAYS
}

export const defaultParseOsmOptions: ParseOsmOptions = {
  streetHighways: STREET_HIGHWAYS, // see the list's comment
}

/** What the importer left out, so a caller can report it. */
export interface OsmParseStats {
  nodes: number // <node> elements read
  ways: number // <way> elements read
  missingNodeRefs: number // <nd ref> pointing at a node absent from the file (skipped)
  droppedStreets: number // street ways with fewer than 2 known nodes
  droppedBuildings: number // building ways not closed or with fewer than 4 known nodes
  droppedWater: number // water ways too short or (for areas) not closed
  skippedHighwayWays: number // highway ways that are not streets (area=yes, or a value not in streetHighways)
}

export interface ParsedOsm {
  bounds: BBox // the file's <bounds>, else the extent of its nodes, else [0, 0, 0, 0]
  /** Streets carry placeholders `category: 'regulated'`, `zoneId: null`; the demo generator overwrites them. */
  streets: Street[]
  intersections: Intersection[]
  buildings: Building[]
  water: WaterFeature[]
  stats: OsmParseStats
  warnings: string[] // one line per dropped way
}

// fast-xml-parser output, checked rather than cast. Attribute values stay strings (parseAttributeValue off),
// so ids beyond 2^53 would be caught by the number check below rather than silently rounded.
const tagSchema = z.object({ '@_k': z.string(), '@_v': z.string() })
const nodeSchema = z.object({
  '@_id': z.string(),
  '@_lat': z.string(),
  '@_lon': z.string(),
  tag: z.array(tagSchema).optional(),
})
const waySchema = z.object({
  '@_id': z.string(),
  nd: z.array(z.object({ '@_ref': z.string() })).optional(),
  tag: z.array(tagSchema).optional(),
})
const boundsSchema = z.object({ '@_minlat': z.string(), '@_minlon': z.string(), '@_maxlat': z.string(), '@_maxlon': z.string() })
const osmSchema = z.object({
  bounds: boundsSchema.optional(),
  node: z.array(nodeSchema).optional(),
  way: z.array(waySchema).optional(),
})
// `<osm/>` and `<osm></osm>` parse to '' or to an object with only attributes
const documentSchema = z.object({ osm: z.union([osmSchema, z.literal('')]) })

type Tags = Map<string, string>

function readTags(tags: readonly z.infer<typeof tagSchema>[] | undefined): Tags {
  const out: Tags = new Map()
  for (const t of tags ?? []) out.set(t['@_k'], t['@_v'])
  return out
}

function readNumber(text: string, what: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`parseOsm: ${what} is not a number: "${text}"`)
  return n
}

function readId(text: string, what: string): number {
  const n = readNumber(text, what)
  if (!Number.isSafeInteger(n)) throw new Error(`parseOsm: ${what} is not a safe integer: "${text}"`)
  return n
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value
}

/** Signed area of a ring by the shoelace formula, in degrees² (sign only is used: > 0 is counter-clockwise). */
function signedArea(ring: readonly LngLat[]): number {
  let sum = 0
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] as LngLat
    const b = ring[i] as LngLat
    sum += a[0] * b[1] - b[0] * a[1]
  }
  return sum / 2
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise. Returns a new ring. */
function toCounterClockwise(ring: readonly LngLat[]): LngLat[] {
  return signedArea(ring) < 0 ? ring.slice().reverse() : ring.slice()
}

/**
 * Parses an OSM XML document into Gridwatch's real layers. Streets are `highway=*` ways whose value is in
 * `streetHighways` and that are not `area=yes`; intersections are nodes shared by two or more streets where at
 * least three arms meet (an inner node of a way counts 2 arms, an end 1). Node refs missing from the file are
 * skipped; a way left too short is dropped and counted in `stats` and `warnings`. Lengths in metres.
 * An empty document gives empty layers and bounds [0, 0, 0, 0]. Throws on malformed XML or attributes.
 */
export function parseOsm(xml: string, options: Partial<ParseOsmOptions> = {}): ParsedOsm {
  const { streetHighways } = { ...defaultParseOsmOptions, ...options }
  const streetHighwaySet = new Set(streetHighways)

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    htmlEntities: true, // decode &#39; and friends inside tag values (names contain them)
    stopNodes: ['osm.relation'], // relations are not used; leaving them unparsed halves the parse time
    isArray: (name) => name === 'node' || name === 'way' || name === 'tag' || name === 'nd',
  })
  const parsedDocument = documentSchema.safeParse(parser.parse(xml))
  if (!parsedDocument.success) {
    throw new Error(`parseOsm: expected an <osm> document with <node>/<way> elements: ${parsedDocument.error.message}`)
  }
  const osm = parsedDocument.data.osm === '' ? {} : parsedDocument.data.osm

  const stats: OsmParseStats = {
    nodes: 0,
    ways: 0,
    missingNodeRefs: 0,
    droppedStreets: 0,
    droppedBuildings: 0,
    droppedWater: 0,
    skippedHighwayWays: 0,
  }
  const warnings: string[] = []

  const nodeCoords = new Map<number, LngLat>()
  let minLng = Infinity
  let minLat = Infinity
  let maxLng = -Infinity
  let maxLat = -Infinity
  for (const node of osm.node ?? []) {
    const id = readId(node['@_id'], 'node id')
    const lng = readNumber(node['@_lon'], `node ${id} lon`)
    const lat = readNumber(node['@_lat'], `node ${id} lat`)
    nodeCoords.set(id, [lng, lat])
    minLng = Math.min(minLng, lng)
    minLat = Math.min(minLat, lat)
    maxLng = Math.max(maxLng, lng)
    maxLat = Math.max(maxLat, lat)
    stats.nodes++
  }

  let bounds: BBox = [0, 0, 0, 0]
  if (osm.bounds !== undefined) {
    bounds = [
      readNumber(osm.bounds['@_minlon'], 'bounds minlon'),
      readNumber(osm.bounds['@_minlat'], 'bounds minlat'),
      readNumber(osm.bounds['@_maxlon'], 'bounds maxlon'),
      readNumber(osm.bounds['@_maxlat'], 'bounds maxlat'),
    ]
  } else if (stats.nodes > 0) {
    bounds = [minLng, minLat, maxLng, maxLat]
  }

  const streets: Street[] = []
  const streetNodeIds: number[][] = [] // parallel to streets: the known node ids, for intersections
  const buildings: Building[] = []
  const water: WaterFeature[] = []

  for (const way of osm.way ?? []) {
    stats.ways++
    const osmId = readId(way['@_id'], 'way id')
    const tags = readTags(way.tag)
    const refs = (way.nd ?? []).map((nd) => readId(nd['@_ref'], `way ${osmId} node ref`))
    const knownRefs: number[] = []
    const coords: LngLat[] = []
    for (const ref of refs) {
      const c = nodeCoords.get(ref)
      if (c === undefined) {
        stats.missingNodeRefs++
        continue
      }
      knownRefs.push(ref)
      coords.push(c)
    }
    const missing = refs.length - knownRefs.length
    const name = nonEmpty(tags.get('name')) ?? nonEmpty(tags.get('name:zh'))
    const closed = knownRefs.length >= 4 && knownRefs[0] === knownRefs[knownRefs.length - 1]

    const highway = tags.get('highway')
    if (highway !== undefined) {
      if (!streetHighwaySet.has(highway) || tags.get('area') === 'yes') {
        stats.skippedHighwayWays++
      } else if (coords.length < 2) {
        stats.droppedStreets++
        warnings.push(`way ${osmId} (highway=${highway}): ${missing} of ${refs.length} nodes missing, dropped`)
      } else {
        streets.push({
          id: `w${osmId}`,
          osmId,
          name,
          nameEn: nonEmpty(tags.get('name:en')),
          highway,
          lengthM: Math.round(measureLength(lineString(coords), { units: 'meters' }) * 100) / 100,
          coordinates: coords,
          category: 'regulated',
          zoneId: null,
        })
        streetNodeIds.push(knownRefs)
      }
    }

    if (tags.has('building')) {
      if (!closed) {
        stats.droppedBuildings++
        warnings.push(`way ${osmId} (building): not a closed ring of ≥ 4 known nodes (${missing} missing), dropped`)
      } else {
        buildings.push({ id: `w${osmId}`, osmId, name, coordinates: [toCounterClockwise(coords)] })
      }
    }

    const isWaterArea = WATER_AREA_TAGS.some(([k, v]) => tags.get(k) === v)
    const waterway = tags.get('waterway')
    if (isWaterArea) {
      if (!closed) {
        stats.droppedWater++
        warnings.push(`way ${osmId} (water area): not a closed ring of ≥ 4 known nodes (${missing} missing), dropped`)
      } else {
        water.push({ id: `w${osmId}`, osmId, name, kind: 'area', coordinates: [toCounterClockwise(coords)] })
      }
    } else if (waterway !== undefined && WATERWAY_LINES.includes(waterway)) {
      if (coords.length < 2) {
        stats.droppedWater++
        warnings.push(`way ${osmId} (waterway=${waterway}): ${missing} of ${refs.length} nodes missing, dropped`)
      } else {
        water.push({ id: `w${osmId}`, osmId, name, kind: 'line', coordinates: coords })
      }
    }
  }

  return {
    bounds,
    streets,
    intersections: findIntersections(streets, streetNodeIds, nodeCoords),
    buildings,
    water,
    stats,
    warnings,
  }
}

/** Nodes shared by ≥ 2 streets with ≥ 3 arms, in order of first appearance. */
function findIntersections(
  streets: readonly Street[],
  streetNodeIds: readonly (readonly number[])[],
  nodeCoords: ReadonlyMap<number, LngLat>,
): Intersection[] {
  const arms = new Map<number, { degree: number; streets: number[] }>()
  streetNodeIds.forEach((ids, streetIndex) => {
    ids.forEach((nodeId, i) => {
      // an end of a way leads one way out of the node, an inner node two (a closed way's start = end counts 2)
      const armCount = i === 0 || i === ids.length - 1 ? 1 : 2
      const entry = arms.get(nodeId)
      if (entry === undefined) {
        arms.set(nodeId, { degree: armCount, streets: [streetIndex] })
      } else {
        entry.degree += armCount
        if (!entry.streets.includes(streetIndex)) entry.streets.push(streetIndex)
      }
    })
  })

  const out: Intersection[] = []
  for (const [nodeId, entry] of arms) {
    if (entry.degree < 3 || entry.streets.length < 2) continue
    const coordinates = nodeCoords.get(nodeId)
    if (coordinates === undefined) continue // cannot happen: only known nodes were counted
    const met = entry.streets.map((i) => streets[i]).filter((s): s is Street => s !== undefined)
    const names: string[] = []
    for (const s of met) if (s.name !== null && !names.includes(s.name)) names.push(s.name)
    out.push({
      id: `n${nodeId}`,
      osmId: nodeId,
      coordinates,
      streetIds: met.map((s) => s.id),
      names,
      degree: entry.degree,
    })
  }
  return out
}
