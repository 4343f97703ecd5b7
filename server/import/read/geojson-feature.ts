// What the GeoJSON readers share: a parsed feature as a SourceRecord, and the legacy `crs` member (GeoJSON 2008,
// still written by GDAL/QGIS for projected data) as the 'EPSG:nnnn' string the importer understands.
import type { Geometry } from 'geojson'
import type { SourceRecord } from '../source-record.ts'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A parsed feature as a record numbered `n`: fields = properties (absent or null → {}), geometry as given (absent →
 * null). A malformed element (not an object) still becomes a record, with no fields and no geometry, so the importer
 * rejects it by its number instead of the whole file stopping.
 */
export function featureRecord(value: unknown, n: number): SourceRecord {
  if (!isObject(value)) return { n, fields: {}, geometry: null }
  const fields = isObject(value.properties) ? value.properties : {}
  const geometry = isObject(value.geometry) ? (value.geometry as unknown as Geometry) : null
  return { n, fields, geometry }
}

/** The property names of a parsed feature ([] when it has none). */
export function featureFieldNames(value: unknown): string[] {
  return isObject(value) && isObject(value.properties) ? Object.keys(value.properties) : []
}

/**
 * The legacy `crs` member as 'EPSG:nnnn': named CRSs in OGC URN ('urn:ogc:def:crs:EPSG::4547', also with a version
 * 'EPSG:6.6:4547'), OGC URL ('http://www.opengis.net/def/crs/EPSG/0/4547') or short form ('EPSG:4547'), the
 * 2008 draft's `{type: 'EPSG', properties: {code}}`, and OGC CRS84 (WGS 84 longitude/latitude) as EPSG:4326. A name
 * in any other form is returned as written, for the importer to judge; no usable crs → null.
 */
export function crsName(crs: unknown): string | null {
  if (!isObject(crs) || !isObject(crs.properties)) return null
  const { properties } = crs
  if (typeof properties.code === 'number' || typeof properties.code === 'string') {
    const code = String(properties.code).trim()
    if (/^\d+$/.test(code)) return `EPSG:${code}`
  }
  if (typeof properties.name !== 'string' || properties.name.trim() === '') return null
  const name = properties.name.trim()
  if (/(?:^|:)CRS:?84$/i.test(name) || /\/crs\/OGC\/[\d.]+\/CRS84$/i.test(name)) return 'EPSG:4326'
  const code =
    /^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(name)?.[1] ??
    /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(name)?.[1] ??
    /^EPSG:+(\d+)$/i.exec(name)?.[1]
  return code !== undefined ? `EPSG:${code}` : name
}
