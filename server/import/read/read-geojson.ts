// GeoJSON files (.geojson, .json): a FeatureCollection is streamed feature by feature with stream-json (Pick on
// `features`, then StreamArray), so a 1 GB export never sits in memory; a file holding a single Feature is read
// as one record. `n` is the feature's number from 1.
//
// Opening reads only the head of the file: the top-level members before `features`, and its first feature (whose
// property names are the field names). The legacy `crs` member is read from there: GDAL, QGIS and ArcGIS write it
// before `features`; one placed after the features is not seen (finding it would mean reading the whole file
// before the first record, and RFC 7946 GeoJSON has no crs at all).
//
// Text is UTF-8 as RFC 7946 requires; older Chinese tools wrote GBK, which is detected like a CSV's encoding.
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import Assembler from 'stream-json/assembler.js'
import parser, { type Token } from 'stream-json/parser.js'
import pick from 'stream-json/filters/pick.js'
import streamArray from 'stream-json/streamers/stream-array.js'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { crsName, featureFieldNames, featureRecord } from './geojson-feature.ts'
import { chooseEncoding, decodedPipeline } from './text-encoding.ts'

/** What opening learns from the head of the file. */
type GeoJsonHead =
  | { kind: 'collection'; crs: unknown; first: unknown }
  | { kind: 'feature'; crs: unknown; feature: unknown }

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'])

function asSourceError(file: string, error: unknown): SourceFileError {
  if (error instanceof SourceFileError) return error
  return new SourceFileError(file, `not valid GeoJSON (JSON parse error: ${error instanceof Error ? error.message : String(error)})`)
}

/** Packed tokens only ({keyValue}, {stringValue}…): half the tokens, and all an Assembler reads. */
function tokens(file: string, encoding: string): Readable {
  return decodedPipeline(file, encoding, [parser.asStream({ streamValues: false })])
}

/**
 * Reads the top-level object up to the end of its first feature (or to the end, if it has no `features` array),
 * assembling every top-level member but the features, then stops reading.
 */
async function readHead(file: string, encoding: string): Promise<GeoJsonHead> {
  const top = new Assembler()
  let first: Assembler | null = null
  let depth = 0
  let featuresNext = false // the last top-level key was "features"
  let inFeatures = false
  let sawFeatures = false
  try {
    for await (const token of tokens(file, encoding) as AsyncIterable<Token>) {
      if (depth === 0 && token.name !== 'startObject') {
        throw new SourceFileError(file, 'not GeoJSON: the file must hold a JSON object (a FeatureCollection or a Feature)')
      }
      if (inFeatures) {
        if (first === null && token.name === 'endArray') break // "features": []
        first ??= new Assembler()
        first.consume(token)
        if (first.done) break
        continue
      }
      if (featuresNext) {
        featuresNext = false
        if (token.name !== 'startArray') throw new SourceFileError(file, 'not GeoJSON: "features" must be an array')
        inFeatures = sawFeatures = true
        continue
      }
      if (depth === 1 && token.name === 'keyValue' && token.value === 'features') {
        featuresNext = true
        continue
      }
      top.consume(token)
      if (token.name === 'startObject' || token.name === 'startArray') depth++
      else if (token.name === 'endObject' || token.name === 'endArray') depth--
      // Refuse a big JSON file that is not GeoJSON as soon as its type says so, before assembling all of it.
      if (depth === 1 && token.name === 'stringValue' && top.key === null) checkType(file, top.current)
    }
  } catch (error) {
    throw asSourceError(file, error)
  }
  const head = (top.current ?? {}) as Record<string, unknown>
  checkType(file, head)
  if (sawFeatures) {
    if (head.type !== undefined && head.type !== 'FeatureCollection') throw new SourceFileError(file, `not GeoJSON: a "${String(head.type)}" with "features"`)
    return { kind: 'collection', crs: head.crs, first: first?.current ?? undefined }
  }
  if (head.type === 'Feature') return { kind: 'feature', crs: head.crs, feature: head }
  throw new SourceFileError(file, 'not GeoJSON: no "features" array and not a "type": "Feature"')
}

/** Throws when the top-level object's type is known and is not one we read. */
function checkType(file: string, head: unknown): void {
  const type = (head as { type?: unknown } | null)?.type
  if (type === undefined || type === 'FeatureCollection' || type === 'Feature') return
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    throw new SourceFileError(file, `a bare GeoJSON ${type} geometry: wrap it in a Feature (with properties) or a FeatureCollection`)
  }
  throw new SourceFileError(file, `not GeoJSON: top-level "type" is ${JSON.stringify(type)}, not "FeatureCollection" or "Feature"`)
}

async function* readFeatures(file: string, encoding: string): AsyncGenerator<SourceRecord> {
  const items = decodedPipeline(file, encoding, [
    parser.asStream({ streamValues: false }),
    pick.asStream({ filter: 'features' }),
    streamArray.asStream(),
  ])
  let n = 0
  try {
    for await (const { value } of items as AsyncIterable<{ value: unknown }>) yield featureRecord(value, ++n)
  } catch (error) {
    throw asSourceError(file, error)
  }
}

async function* readSingleFeature(file: string, encoding: string): AsyncGenerator<SourceRecord> {
  const head = await readHead(file, encoding)
  if (head.kind === 'feature') yield featureRecord(head.feature, 1)
}

/** Opens a GeoJSON FeatureCollection or Feature: reads its head now (field names, crs), its features on each `records()` pass. */
export async function openGeoJson(file: string, options: { encoding?: string } = {}): Promise<OpenedSource> {
  if ((await stat(file)).size === 0) throw new SourceFileError(file, 'the file is empty (no GeoJSON object)')
  const encoding = await chooseEncoding(file, options.encoding)
  const head = await readHead(file, encoding)
  return {
    format: 'geojson',
    fieldNames: featureFieldNames(head.kind === 'collection' ? head.first : head.feature),
    prj: crsName(head.crs),
    records: () => (head.kind === 'collection' ? readFeatures(file, encoding) : readSingleFeature(file, encoding)),
  }
}
