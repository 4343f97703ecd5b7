// Newline-delimited GeoJSON (.geojsonl, .ndjson; GDAL's "GeoJSONSeq"): one Feature per line, read line by line.
// RFC 8142 GeoJSON text sequences (each feature preceded by an ASCII record separator) read the same way. Blank
// lines are skipped; `n` counts features from 1, so it equals the line number when there are no blank lines. A
// line that is not JSON stops the import (the file is corrupt), naming the line.
import { createInterface } from 'node:readline'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { featureFieldNames, featureRecord } from './geojson-feature.ts'
import { chooseEncoding, decodedPipeline } from './text-encoding.ts'

interface FeatureLine {
  line: number
  value: unknown
}

/** The file's non-blank lines, parsed. Breaking out of the loop closes the file. */
async function* featureLines(file: string, encoding: string): AsyncGenerator<FeatureLine> {
  const text = decodedPipeline(file, encoding, [])
  text.setEncoding('utf8')
  const lines = createInterface({ input: text, crlfDelay: Infinity })
  let line = 0
  try {
    for await (const raw of lines) {
      line++
      // A UTF-8 BOM on line 1 (iconv-lite has already dropped it for other encodings), RFC 8142's separator.
      const json = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/^\u001E/, '').trim()
      if (json === '') continue
      let value: unknown
      try {
        value = JSON.parse(json)
      } catch (error) {
        throw new SourceFileError(file, `line ${line} is not valid JSON (${error instanceof Error ? error.message : String(error)}): each line must be one GeoJSON Feature`)
      }
      yield { line, value }
    }
  } catch (error) {
    if (error instanceof SourceFileError) throw error
    throw new SourceFileError(file, `cannot be read: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    lines.close()
    text.destroy()
  }
}

async function* readFeatures(file: string, encoding: string): AsyncGenerator<SourceRecord> {
  let n = 0
  for await (const { value } of featureLines(file, encoding)) yield featureRecord(value, ++n)
}

/** Opens newline-delimited GeoJSON: reads its first feature now (field names), all of them on each `records()` pass. */
export async function openGeoJsonLines(file: string, options: { encoding?: string } = {}): Promise<OpenedSource> {
  const encoding = await chooseEncoding(file, options.encoding)
  let first: unknown
  for await (const { value } of featureLines(file, encoding)) {
    first = value
    break
  }
  return {
    format: 'geojson',
    fieldNames: featureFieldNames(first),
    prj: null,
    records: () => readFeatures(file, encoding),
  }
}
