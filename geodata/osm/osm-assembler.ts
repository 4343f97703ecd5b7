// Turns a sequence of OSM elements (bounds, nodes, then ways) into Gridwatch's real layers: streets, intersections,
// buildings, water. Every reader feeds it — the whole-string XML parser (parse-osm.ts) and the streaming .osm and
// .osm.pbf readers of the importer — so one implementation of the rules gives the same records whatever the file.
// Memory stays bounded for a whole city: nodes go into a typed-array NodeStore, ways are handled one at a time and
// only the records kept (plus 4 bytes per street node for the intersection pass) are held.

import { length as measureLength, lineString } from '@turf/turf'
import type { BBox, LngLat } from '../../server/kernel/geo.ts'
import type { Building, Intersection, Street, WaterFeature } from '../../server/kernel/records.ts'
import { NodeStore } from './node-store.ts'
import { chooseEnglishName, chooseName, classifyHighway, classifyWater, isBuilding, STREET_HIGHWAYS, type OsmTags } from './osm-tag-rules.ts'

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
  /** Streets carry placeholders `category: 'regulated'`, `zoneId: null`; the demo generator or importer overwrites them. */
  streets: Street[]
  intersections: Intersection[]
  buildings: Building[]
  water: WaterFeature[]
  stats: OsmParseStats
  warnings: string[] // one line per dropped way
}

/** What a reader hands over, in file order: nodes before ways. Relations are not used. */
export interface OsmElementSink {
  bounds(bounds: BBox): void
  node(id: number, lng: number, lat: number): void
  way(id: number, refs: ArrayLike<number>, tags: OsmTags): void
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

/** Growable Int32Array: the node indexes of every street, back to back. */
class IntList {
  values = new Int32Array(1 << 12)
  length = 0
  push(value: number): void {
    if (this.length === this.values.length) {
      const next = new Int32Array(this.values.length * 2)
      next.set(this.values)
      this.values = next
    }
    this.values[this.length++] = value
  }
}

const MAX_DEGREE = 0xffff // Uint16 counter; no real node comes near it
const NO_STREET = -1
const SEVERAL_STREETS = -2

/**
 * Streets are `highway=*` ways whose value is in `streetHighways` and that are not `area=yes`; intersections are
 * nodes shared by two or more streets where at least three arms meet (an inner node of a way counts 2 arms, an end
 * 1). Node refs missing from the file are skipped; a way left too short is dropped and counted in `stats` and
 * `warnings`. Lengths in metres (turf, 6371008.8 m sphere, rounded to cm).
 */
export class OsmAssembler implements OsmElementSink {
  private readonly streetHighways: ReadonlySet<string>
  private readonly nodes = new NodeStore()
  private fileBounds: BBox | null = null
  private minLng = Infinity
  private minLat = Infinity
  private maxLng = -Infinity
  private maxLat = -Infinity

  private readonly streets: Street[] = []
  private readonly buildings: Building[] = []
  private readonly water: WaterFeature[] = []
  private readonly warnings: string[] = []
  readonly stats: OsmParseStats = {
    nodes: 0,
    ways: 0,
    missingNodeRefs: 0,
    droppedStreets: 0,
    droppedBuildings: 0,
    droppedWater: 0,
    skippedHighwayWays: 0,
  }

  // intersection bookkeeping, per node index (allocated when the nodes are sealed): 6 bytes a node
  private degree = new Uint16Array(0)
  private firstStreet = new Int32Array(0) // street index, NO_STREET or SEVERAL_STREETS
  private readonly streetNodes = new IntList()
  private readonly streetStarts: number[] = [0] // streetNodes offset of each street, plus the end of the last

  private known = new Int32Array(256) // scratch: known node indexes of the current way

  constructor(options: Partial<ParseOsmOptions> = {}) {
    const { streetHighways } = { ...defaultParseOsmOptions, ...options }
    this.streetHighways = new Set(streetHighways)
  }

  /** The first <bounds> wins, as in a well-formed file there is one. */
  bounds(bounds: BBox): void {
    if (this.fileBounds === null) this.fileBounds = bounds
  }

  node(id: number, lng: number, lat: number): void {
    this.nodes.add(id, lng, lat)
    this.stats.nodes++
    if (lng < this.minLng) this.minLng = lng
    if (lat < this.minLat) this.minLat = lat
    if (lng > this.maxLng) this.maxLng = lng
    if (lat > this.maxLat) this.maxLat = lat
  }

  way(osmId: number, refs: ArrayLike<number>, tags: OsmTags): void {
    this.sealNodes()
    this.stats.ways++
    const knownCount = this.resolve(refs)
    const known = this.known
    const missing = refs.length - knownCount
    const name = chooseName(tags)
    const closed = knownCount >= 4 && known[0] === known[knownCount - 1]
    let coords: LngLat[] | null = null
    const coordinates = (): LngLat[] => (coords ??= this.coordinatesOf(knownCount))

    const highway = classifyHighway(tags, this.streetHighways)
    if (highway === 'other-highway') {
      this.stats.skippedHighwayWays++
    } else if (highway === 'street') {
      if (knownCount < 2) {
        this.stats.droppedStreets++
        this.warnings.push(`way ${osmId} (highway=${tags.get('highway')}): ${missing} of ${refs.length} nodes missing, dropped`)
      } else {
        this.addStreet(osmId, tags, name, coordinates(), knownCount)
      }
    }

    if (isBuilding(tags)) {
      if (!closed) {
        this.stats.droppedBuildings++
        this.warnings.push(`way ${osmId} (building): not a closed ring of ≥ 4 known nodes (${missing} missing), dropped`)
      } else {
        this.buildings.push({ id: `w${osmId}`, osmId, name, coordinates: [toCounterClockwise(coordinates())] })
      }
    }

    const water = classifyWater(tags)
    if (water === 'area') {
      if (!closed) {
        this.stats.droppedWater++
        this.warnings.push(`way ${osmId} (water area): not a closed ring of ≥ 4 known nodes (${missing} missing), dropped`)
      } else {
        this.water.push({ id: `w${osmId}`, osmId, name, kind: 'area', coordinates: [toCounterClockwise(coordinates())] })
      }
    } else if (water === 'line') {
      if (knownCount < 2) {
        this.stats.droppedWater++
        this.warnings.push(`way ${osmId} (waterway=${tags.get('waterway')}): ${missing} of ${refs.length} nodes missing, dropped`)
      } else {
        this.water.push({ id: `w${osmId}`, osmId, name, kind: 'line', coordinates: coordinates() })
      }
    }
  }

  /** The layers. Call once, after the last element. An empty input gives empty layers and bounds [0, 0, 0, 0]. */
  finish(): ParsedOsm {
    this.sealNodes()
    let bounds: BBox = [0, 0, 0, 0]
    if (this.fileBounds !== null) bounds = this.fileBounds
    else if (this.stats.nodes > 0) bounds = [this.minLng, this.minLat, this.maxLng, this.maxLat]
    const intersections = this.findIntersections()
    this.degree = new Uint16Array(0) // let the counters go before the caller holds the result
    this.firstStreet = new Int32Array(0)
    return {
      bounds,
      streets: this.streets,
      intersections,
      buildings: this.buildings,
      water: this.water,
      stats: this.stats,
      warnings: this.warnings,
    }
  }

  private sealNodes(): void {
    if (this.nodes.isSealed) return
    this.nodes.seal()
    this.degree = new Uint16Array(this.nodes.size)
    this.firstStreet = new Int32Array(this.nodes.size).fill(NO_STREET)
  }

  /** Fills `known` with the indexes of the refs present in the file; returns how many. */
  private resolve(refs: ArrayLike<number>): number {
    if (this.known.length < refs.length) this.known = new Int32Array(Math.max(refs.length, this.known.length * 2))
    let count = 0
    for (let i = 0; i < refs.length; i++) {
      const index = this.nodes.indexOf(refs[i] as number)
      if (index < 0) {
        this.stats.missingNodeRefs++
        continue
      }
      this.known[count++] = index
    }
    return count
  }

  private coordinatesOf(count: number): LngLat[] {
    const out: LngLat[] = new Array<LngLat>(count)
    for (let i = 0; i < count; i++) {
      const index = this.known[i] as number
      out[i] = [this.nodes.lng(index), this.nodes.lat(index)]
    }
    return out
  }

  private addStreet(osmId: number, tags: OsmTags, name: string | null, coordinates: LngLat[], knownCount: number): void {
    const streetIndex = this.streets.length
    this.streets.push({
      id: `w${osmId}`,
      osmId,
      name,
      nameEn: chooseEnglishName(tags),
      highway: tags.get('highway') as string, // classifyHighway said 'street', so the tag is there
      lengthM: Math.round(measureLength(lineString(coordinates), { units: 'meters' }) * 100) / 100,
      coordinates,
      category: 'regulated',
      zoneId: null,
    })
    for (let i = 0; i < knownCount; i++) {
      const index = this.known[i] as number
      // an end of a way leads one way out of the node, an inner node two (a closed way's start = end counts 2)
      const arms = i === 0 || i === knownCount - 1 ? 1 : 2
      this.degree[index] = Math.min(MAX_DEGREE, (this.degree[index] as number) + arms)
      const first = this.firstStreet[index] as number
      if (first === NO_STREET) this.firstStreet[index] = streetIndex
      else if (first !== streetIndex) this.firstStreet[index] = SEVERAL_STREETS
      this.streetNodes.push(index)
    }
    this.streetStarts.push(this.streetNodes.length)
  }

  /** Nodes shared by ≥ 2 streets with ≥ 3 arms, in order of first appearance along the streets. */
  private findIntersections(): Intersection[] {
    const found = new Map<number, { crossing: Intersection; lastStreet: number }>()
    const nodeIndexes = this.streetNodes.values
    this.streets.forEach((street, s) => {
      const end = this.streetStarts[s + 1] as number
      for (let k = this.streetStarts[s] as number; k < end; k++) {
        const index = nodeIndexes[k] as number
        if ((this.degree[index] as number) < 3 || this.firstStreet[index] !== SEVERAL_STREETS) continue
        let entry = found.get(index)
        if (entry === undefined) {
          const osmId = this.nodes.id(index)
          const crossing: Intersection = {
            id: `n${osmId}`,
            osmId,
            coordinates: [this.nodes.lng(index), this.nodes.lat(index)],
            streetIds: [],
            names: [],
            degree: this.degree[index] as number,
          }
          entry = { crossing, lastStreet: -1 }
          found.set(index, entry)
        }
        // streets are visited in order, so a street already listed at this node is the last one listed
        if (entry.lastStreet === s) continue
        entry.lastStreet = s
        entry.crossing.streetIds.push(street.id)
        if (street.name !== null && !entry.crossing.names.includes(street.name)) entry.crossing.names.push(street.name)
      }
    })
    return [...found.values()].map((entry) => entry.crossing)
  }
}
