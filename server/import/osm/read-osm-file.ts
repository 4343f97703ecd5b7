// `readOsmFile`: a city's OpenStreetMap extract (.osm XML or .osm.pbf) → Gridwatch's street, intersection, building
// and water records, with the same rules and the same results as geodata/osm/parse-osm.ts gives for the demo, but
// streamed so a whole city fits in memory (geodata/osm/node-store.ts says what each node costs).
// Street `category` and `zoneId` are not the reader's business: streets come with the placeholders
// `category: 'regulated'`, `zoneId: null` (as parse-osm's), for the importer to set.

import { OsmAssembler, type ParsedOsm, type ParseOsmOptions } from '../../../geodata/osm/osm-assembler.ts'
import { SourceFileError } from '../source-record.ts'
import { streamOsmPbf } from './osm-pbf-reader.ts'
import { OsmProgressCounter, type OsmProgressHandler } from './osm-progress.ts'
import { streamOsmXml } from './osm-xml-reader.ts'

export type OsmFileFormat = 'osm-xml' | 'osm-pbf'

export interface ReadOsmOptions extends Partial<ParseOsmOptions> {
  onProgress?: OsmProgressHandler
}

/** Elements read and records made, for the import report. */
export interface OsmFileCounts {
  nodes: number
  ways: number
  relations: number // read past, not used
  streets: number
  intersections: number
  buildings: number
  water: number
}

/** ParsedOsm (streets with placeholder category/zoneId) plus the file's format and counts. */
export interface ReadOsmResult extends ParsedOsm {
  format: OsmFileFormat
  counts: OsmFileCounts
}

/** The format by file name; compressed XML is refused with a hint rather than misread. */
export function osmFileFormat(file: string): OsmFileFormat {
  const name = file.toLowerCase()
  if (name.endsWith('.pbf')) return 'osm-pbf'
  if (name.endsWith('.osm') || name.endsWith('.osm.xml')) return 'osm-xml'
  if (/\.osm(\.xml)?\.(gz|bz2|zst)$/.test(name)) {
    throw new SourceFileError(file, 'compressed OSM XML is not read; decompress it, or convert it to .osm.pbf (osmium cat in.osm.bz2 -o out.osm.pbf)')
  }
  throw new SourceFileError(file, 'not an OpenStreetMap file: expected .osm or .osm.pbf')
}

/**
 * Reads a whole OSM extract. Nodes must come before ways (true of every OSM export: the API, osmium, osmconvert,
 * Overpass, Geofabrik); nodes out of id order are sorted once. Relations are ignored. Throws SourceFileError when
 * the file is missing, malformed or unsupported.
 */
export async function readOsmFile(file: string, options: ReadOsmOptions = {}): Promise<ReadOsmResult> {
  const { onProgress, ...parseOptions } = options
  const format = osmFileFormat(file)
  const assembler = new OsmAssembler(parseOptions)
  const progress = new OsmProgressCounter(onProgress)
  try {
    if (format === 'osm-pbf') await streamOsmPbf(file, assembler, progress)
    else await streamOsmXml(file, assembler, progress)
  } catch (error) {
    if (error instanceof SourceFileError) throw error
    const message = error instanceof Error ? error.message : String(error)
    // readers prefix the file name (saxes as `file:line:column:`); SourceFileError adds it back
    const reason = message.startsWith(file) ? message.slice(file.length).replace(/^:(\d+):(\d+):\s*/, 'line $1, column $2: ').replace(/^:\s*/, '') : message
    throw new SourceFileError(file, reason)
  }
  progress.report({ phase: 'assembling', count: assembler.stats.ways })
  const parsed = assembler.finish()
  return {
    ...parsed,
    format,
    counts: {
      nodes: parsed.stats.nodes,
      ways: parsed.stats.ways,
      relations: progress.counts.relations,
      streets: parsed.streets.length,
      intersections: parsed.intersections.length,
      buildings: parsed.buildings.length,
      water: parsed.water.length,
    },
  }
}
