// The Data view's preview of one layer as mapped: the first rows, each with its id or the reason it would be
// rejected, the first features in WGS84 for the map, and — for points declared WGS84 — whether they sit where
// GCJ-02 points would (an Amap or Tencent export labelled "lon/lat"). The same mapping functions the import runs,
// so what the preview accepts the import accepts (bar duplicates and outliers, which need the whole file).
import type { Feature, FeatureCollection, MultiLineString, Point, Polygon } from 'geojson'
import { createNearestStreetIndex, type NamedLine } from '../analysis/nearest-street.ts'
import type { LngLat } from '../kernel/geo.ts'
import { createCoordinateConverter } from './crs/converter.ts'
import { detectGcjOffset, type GcjOffsetCheck } from './crs/gcj-offset.ts'
import { readText } from './field-values.ts'
import { mapIncident, mapLamp, mapStreet, mapZone, type MapContext, type RowProblem } from './map-records.ts'
import type { LayerSpec } from './profile.ts'
import { openSource } from './read/open-source.ts'

/** Rows listed in the preview table. */
export const PREVIEW_ROWS = 200
/** Features drawn on the preview map: enough to see where a file lies, few enough for any browser. */
export const PREVIEW_FEATURES = 2_000
/** Points offered to the GCJ-02 check ("a few thousand give a stable median", gcj-offset.ts). */
const GCJ_POINTS = 2_000
/** A point farther than this from every street counts as off the streets for the GCJ-02 check. */
const GCJ_REACH_M = 2_000

/** What the preview draws: a zone's outline, a street's parts, a point. */
export type PreviewGeometry = Polygon | MultiLineString | Point
export interface PreviewProperties {
  n: number
  id: string
  name: string | null
}

export interface PreviewRow {
  n: number
  ok: boolean
  id: string
  /** The row's cells as text. */
  fields: Record<string, string>
  problem: RowProblem | undefined
}

export interface LayerPreview {
  crs: string
  /** Rows read for the preview (at most PREVIEW_FEATURES past the listed ones) and how many map. */
  read: number
  accepted: number
  rows: PreviewRow[]
  features: FeatureCollection<PreviewGeometry, PreviewProperties>
  /** Set for a point layer declared WGS84 when streets are stored to compare with; null otherwise. */
  gcj: GcjOffsetCheck | null
}

export interface PreviewContext {
  timeZone: string
  nowMs: number
  categories: ReadonlySet<string>
  /** The stored streets, for the GCJ-02 check. */
  streets: readonly NamedLine[]
}

/** Maps the head of `path` as `spec` says. Throws SourceFileError or CrsError for a file or CRS that cannot be used. */
export async function previewLayer(path: string, spec: LayerSpec, context: PreviewContext): Promise<LayerPreview> {
  const source = await openSource(path, { ...(spec.sheet ? { sheet: spec.sheet } : {}), ...(spec.encoding ? { encoding: spec.encoding } : {}) })
  const converter = createCoordinateConverter(spec.crs, source.prj)
  const cx: MapContext = { converter, timeZone: context.timeZone, nowMs: context.nowMs, categories: context.categories }
  const rows: PreviewRow[] = []
  const features: Feature<PreviewGeometry, PreviewProperties>[] = []
  const points: LngLat[] = []
  let read = 0
  let accepted = 0
  for await (const record of source.records()) {
    read++
    const mapped = mapOne(record, spec, cx)
    if (mapped.ok) {
      accepted++
      if (features.length < PREVIEW_FEATURES) features.push({ type: 'Feature', id: `${record.n}`, geometry: mapped.geometry, properties: { n: record.n, id: mapped.id, name: mapped.name } })
      if (mapped.geometry.type === 'Point' && points.length < GCJ_POINTS) points.push(mapped.geometry.coordinates as LngLat)
    }
    if (rows.length < PREVIEW_ROWS) {
      const fields = Object.fromEntries(Object.entries(record.fields).map(([k, v]) => [k, readText(v)]))
      const id = 'id' in spec && spec.id ? readText(record.fields[spec.id]) : ''
      rows.push({ n: record.n, ok: mapped.ok, id: mapped.ok ? mapped.id : id, fields, problem: mapped.ok ? undefined : mapped.problem })
    }
    if (rows.length >= PREVIEW_ROWS && features.length >= PREVIEW_FEATURES) break
    if (read >= PREVIEW_ROWS + PREVIEW_FEATURES * 2) break // a file rejecting everything ends here too
  }
  const isPointLayer = spec.layer === 'lamps' || spec.layer === 'incidents'
  let gcj: GcjOffsetCheck | null = null
  if (isPointLayer && converter.name === 'wgs84' && context.streets.length > 0 && points.length > 0) {
    const index = createNearestStreetIndex(context.streets)
    gcj = detectGcjOffset(points, (p) => index.nearest(p, GCJ_REACH_M)?.distanceM ?? Infinity)
  }
  return { crs: converter.name, read, accepted, rows, features: { type: 'FeatureCollection', features }, gcj }
}

type OneMapped = { ok: true; id: string; name: string | null; geometry: PreviewGeometry } | { ok: false; problem: RowProblem }

function mapOne(record: Parameters<typeof mapZone>[0], spec: LayerSpec, cx: MapContext): OneMapped {
  switch (spec.layer) {
    case 'zones': {
      const m = mapZone(record, spec, cx)
      return m.ok ? { ok: true, id: m.row.id, name: m.row.name, geometry: { type: 'Polygon', coordinates: m.row.coordinates } } : m
    }
    case 'streets': {
      const m = mapStreet(record, spec, cx)
      return m.ok ? { ok: true, id: m.row.id, name: m.row.name, geometry: { type: 'MultiLineString', coordinates: m.row.coordinates } } : m
    }
    case 'lamps': {
      const m = mapLamp(record, spec, cx)
      return m.ok ? { ok: true, id: m.row.id, name: null, geometry: { type: 'Point', coordinates: m.row.coordinates } } : m
    }
    case 'incidents': {
      const m = mapIncident(record, spec, cx)
      return m.ok ? { ok: true, id: m.row.sourceId, name: null, geometry: { type: 'Point', coordinates: m.row.coordinates } } : m
    }
  }
}
