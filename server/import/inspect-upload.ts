// What the Data view shows of a file just uploaded, before any mapping: its format, columns, first rows, .prj,
// geometry type, the values of its few-valued columns (statuses, categories, classes: what a mapping must map)
// and the guessed layer and field mapping. An OpenStreetMap file needs none of it: its tags say everything.
import { readText } from './field-values.ts'
import { guessFieldMapping, guessLayerKind, guessValueMapping, type FieldGuess } from './guess-fields.ts'
import type { LayerName } from './profile.ts'
import { openSource } from './read/open-source.ts'

/** Rows shown in the first table. */
export const SAMPLE_ROWS = 20
/** Rows read for each column's distinct values: enough to meet every status of a ledger, quick on any file. */
const DISTINCT_SCAN_ROWS = 10_000
/** A column with more distinct values than this is free text or an id, not a vocabulary to map. */
const MAX_DISTINCT = 50

export interface DistinctValue {
  value: string
  count: number
}

export interface UploadInspection {
  format: 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'osm'
  fieldNames: string[]
  sample: Record<string, string>[]
  prj: string | null
  geometryType: string | null
  /** Few-valued columns and their values, most frequent first (within the rows scanned). */
  distinctValues: Record<string, DistinctValue[]>
  guesses: {
    layer: LayerName | undefined
    fields: Record<LayerName, FieldGuess>
    /** Per column that a guess maps to a status or class: the values a rule recognised. */
    values: Record<string, Record<string, string>>
  }
}

export const isOsmFileName = (name: string) => /\.osm(\.pbf)?$/i.test(name)

const LAYERS: readonly LayerName[] = ['zones', 'streets', 'lamps', 'incidents']

/** Reads the head of an uploaded file. Throws SourceFileError for a file no reader can open. */
export async function inspectUpload(path: string, name: string): Promise<UploadInspection> {
  if (isOsmFileName(name)) {
    const fields = Object.fromEntries(LAYERS.map((l) => [l, {}])) as Record<LayerName, FieldGuess>
    return { format: 'osm', fieldNames: [], sample: [], prj: null, geometryType: null, distinctValues: {}, guesses: { layer: 'streets', fields, values: {} } }
  }
  const source = await openSource(path)
  const sample: Record<string, string>[] = []
  const counts = new Map<string, Map<string, number>>()
  for (const field of source.fieldNames) counts.set(field, new Map())
  let geometryType: string | null = null
  let seen = 0
  for await (const record of source.records()) {
    seen++
    geometryType ??= record.geometry?.type ?? null
    const texts: Record<string, string> = {}
    for (const field of source.fieldNames) {
      const text = readText(record.fields[field])
      texts[field] = text
      const values = counts.get(field)
      if (values === undefined || text === '') continue
      values.set(text, (values.get(text) ?? 0) + 1)
      if (values.size > MAX_DISTINCT) counts.delete(field)
    }
    if (sample.length < SAMPLE_ROWS) sample.push(texts)
    if (seen >= DISTINCT_SCAN_ROWS) break
  }
  const distinctValues: Record<string, DistinctValue[]> = {}
  for (const [field, values] of counts) {
    if (values.size === 0) continue
    distinctValues[field] = [...values].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  }
  const layer = guessLayerKind(source.fieldNames, geometryType, name)
  const fields = Object.fromEntries(LAYERS.map((l) => [l, guessFieldMapping(source.fieldNames, l)])) as Record<LayerName, FieldGuess>
  const values: Record<string, Record<string, string>> = {}
  const valuesOf = (field: string | undefined) => (field ? (distinctValues[field] ?? []).map((d) => d.value) : [])
  const guessFor = (field: string | undefined, kind: Parameters<typeof guessValueMapping>[0]) => {
    const guessed = guessValueMapping(kind, valuesOf(field))
    if (field && Object.keys(guessed).length > 0) values[field] = guessed
  }
  if (layer === 'lamps') guessFor(fields.lamps.status, 'lampStatus')
  if (layer === 'incidents') guessFor(fields.incidents.status, 'incidentStatus')
  if (layer === 'streets') guessFor(fields.streets.class, 'class')
  return { format: source.format, fieldNames: source.fieldNames, sample, prj: source.prj, geometryType, distinctValues, guesses: { layer, fields, values } }
}
