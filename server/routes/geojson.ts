// Domain records → RFC 7946 features. Properties are snake_case, the API's wire convention.
import type { Building, GridCell, Incident, Intersection, StoredLamp, Street, WaterFeature, Zone } from '../kernel/records.ts'

type Geometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] }

export interface Feature<P> {
  type: 'Feature'
  id: string
  geometry: Geometry
  properties: P
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection'
  features: Feature<P>[]
}

export function featureCollection<T, P>(items: readonly T[], toFeature: (item: T) => Feature<P>): FeatureCollection<P> {
  return { type: 'FeatureCollection', features: items.map(toFeature) }
}

export const streetFeature = (s: Street) => ({
  type: 'Feature' as const,
  id: s.id,
  geometry: { type: 'LineString' as const, coordinates: s.coordinates },
  properties: { name: s.name, name_en: s.nameEn, highway: s.highway, category: s.category, length_m: Math.round(s.lengthM * 10) / 10, zone_id: s.zoneId, osm_id: s.osmId },
})

/**
 * `working`: lit as the dark-zone analysis counts it (status ok and no open outage report); `zoneId`: the zone of
 * the lamp's street, which decides which crews may change it.
 */
/** A lamp as a feature; `version` is what a status change sends back as If-Match. */
export const lampFeature = (l: StoredLamp, working: boolean, zoneId: string | null) => ({
  type: 'Feature' as const,
  id: l.id,
  geometry: { type: 'Point' as const, coordinates: l.coordinates },
  properties: { status: l.status, working, zone_id: zoneId, street_id: l.streetId, height_m: l.heightM, maintainer: l.maintainer, installed_at: l.installedAt, status_changed_at: l.statusChangedAt, version: l.version },
})

export const incidentFeature = (x: Incident) => ({
  type: 'Feature' as const,
  id: x.id,
  geometry: { type: 'Point' as const, coordinates: x.coordinates },
  properties: {
    category: x.category,
    status: x.status,
    source: x.source,
    reported_at: x.reportedAt,
    updated_at: x.updatedAt,
    closed_at: x.closedAt,
    description: x.description,
    zone_id: x.zoneId,
    street_id: x.streetId,
    lamp_id: x.lampId,
  },
})

export const zoneFeature = (z: Zone) => ({
  type: 'Feature' as const,
  id: z.id,
  geometry: { type: 'Polygon' as const, coordinates: z.coordinates },
  properties: { name: z.name, name_en: z.nameEn, code: z.code },
})

export const intersectionFeature = (x: Intersection) => ({
  type: 'Feature' as const,
  id: x.id,
  geometry: { type: 'Point' as const, coordinates: x.coordinates },
  properties: { names: x.names, degree: x.degree, street_ids: x.streetIds },
})

export const gridCellFeature = (g: GridCell) => ({
  type: 'Feature' as const,
  id: g.code,
  geometry: { type: 'Polygon' as const, coordinates: g.coordinates },
  properties: { code: g.code, zone_id: g.zoneId, community: g.community },
})

export const buildingFeature = (b: Building) => ({
  type: 'Feature' as const,
  id: b.id,
  geometry: { type: 'Polygon' as const, coordinates: b.coordinates },
  properties: { name: b.name },
})

export const waterFeature = (w: WaterFeature) => ({
  type: 'Feature' as const,
  id: w.id,
  geometry:
    w.kind === 'area'
      ? { type: 'Polygon' as const, coordinates: w.coordinates as [number, number][][] }
      : { type: 'LineString' as const, coordinates: w.coordinates as [number, number][] },
  properties: { name: w.name, kind: w.kind },
})
