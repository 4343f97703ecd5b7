// Plain data shapes shared by the importer, the demo generator, the store, the routes and (as types only) the web app.
// Coordinates are WGS84 [lng, lat]; lengths in metres; timestamps ISO 8601 with timezone.

import type { BBox, LngLat } from './geo.ts'
import type { IncidentSource, IncidentStatus, LampStatus, StreetCategory } from './statuses.ts'

/** One OSM highway way as a street feature. */
export interface Street {
  id: string // 'w<osm way id>'
  osmId: number
  name: string | null // name, falling back to name:zh
  nameEn: string | null
  highway: string // OSM highway value
  lengthM: number
  coordinates: LngLat[]
  category: StreetCategory
  zoneId: string | null
}

/** A node where three or more street ends or ways meet. */
export interface Intersection {
  id: string // 'n<osm node id>'
  osmId: number
  coordinates: LngLat
  streetIds: string[]
  names: string[] // distinct names of the streets meeting there
  degree: number // number of street arms meeting there
}

export interface Building {
  id: string
  osmId: number
  name: string | null
  coordinates: LngLat[][] // polygon rings
}

export interface WaterFeature {
  id: string
  osmId: number
  name: string | null
  kind: 'area' | 'line'
  coordinates: LngLat[][] | LngLat[] // polygon rings for areas, a line for waterways
}

export interface Lamp {
  id: string // pole number, e.g. 'L000123'
  coordinates: LngLat
  status: LampStatus
  streetId: string
  heightM: number
  maintainer: string
  installedAt: string // ISO date
  statusChangedAt: string // ISO 8601
}

/** A lamp as the store keeps it: with the optimistic-lock version every status change bumps (ETag / If-Match). */
export interface StoredLamp extends Lamp {
  version: number
}

/** One status change of a lamp: the repair record crews and the audit read. */
export interface LampStatusChange {
  lampId: string
  at: string // ISO 8601
  fromStatus: LampStatus
  toStatus: LampStatus
  userId: string | null
  username: string
  closedCaseIds: string[] // outage cases the change closed (a repair)
}

/** A demo sub-district (街道) zone. */
export interface Zone {
  id: string // 3-digit 街道 code within the county, e.g. '001'
  code: string // 9 digits: county (6) + 街道 (3)
  name: string
  nameEn: string
  coordinates: LngLat[][] // polygon rings
}

/** A ~100 m unit grid cell (万米单元网格) with its 14-digit code. */
export interface GridCell {
  code: string // county 6 + 街道 3 + 社区 3 + cell 2
  zoneId: string
  community: string // 3-digit community code within the zone
  coordinates: LngLat[][]
}

/** A reported problem at a place: the same record later runs through the case workflow. */
export interface Incident {
  id: string // 'I0000123'
  category: string // docs/domain-notes.md code, e.g. '0501'
  status: IncidentStatus
  source: IncidentSource
  coordinates: LngLat
  reportedAt: string // ISO 8601 with timezone
  updatedAt: string
  closedAt: string | null
  description: string
  zoneId: string | null
  streetId: string | null
  lampId: string | null
}

/** Everything the demo district consists of: real OSM layers plus generated demonstration data. */
export interface DemoDistrict {
  bounds: BBox
  streets: Street[]
  intersections: Intersection[]
  buildings: Building[]
  water: WaterFeature[]
  zones: Zone[]
  grid: GridCell[]
  lamps: Lamp[]
  incidents: Incident[]
}
