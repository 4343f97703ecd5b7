// Streams an OSM PBF file (.osm.pbf) into an OsmElementSink with osm-pbf-parser-node: the file is read in 1 MiB
// chunks, each ~8,000-element block is inflated and decoded on its own, and the stream's back-pressure keeps only a
// few blocks in memory. Node tags, relations' tags and way tags the rules never read are not decoded at all
// (WAY_TAG_KEYS_USED). The library yields untyped objects; each is checked here before it reaches the sink.
//
// Coordinates: the library computes lat = lat_offset·1e-9 + raw / 1e7 for the default granularity (100 nanodegrees),
// which with the usual zero offset is the very double that parsing the same 7-decimal text in an .osm gives.

import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { OSMTransform } from 'osm-pbf-parser-node'
import type { OsmElementSink } from '../../../geodata/osm/osm-assembler.ts'
import { WAY_TAG_KEYS_USED } from '../../../geodata/osm/osm-tag-rules.ts'
import type { OsmProgressCounter } from './osm-progress.ts'

const CHUNK_BYTES = 1024 * 1024 // blocks are ≤ 32 MiB and typically ~100 KiB–1 MiB; the library re-buffers per chunk
const NANO = 1e9

/** Features a reader must understand to read the file (PBF spec, HeaderBlock.required_features). */
const SUPPORTED_FEATURES: ReadonlySet<string> = new Set(['OsmSchema-V0.6', 'DenseNodes'])

type UnknownRecord = Record<string, unknown>
const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null

function readHeader(file: string, header: UnknownRecord, sink: OsmElementSink): void {
  const required = Array.isArray(header.required_features) ? header.required_features : []
  const unsupported = required.filter((f) => typeof f !== 'string' || !SUPPORTED_FEATURES.has(f))
  if (unsupported.length > 0) throw new Error(`${file}: the PBF needs features this reader lacks: ${unsupported.join(', ')}`)
  const bbox = header.bbox
  if (isRecord(bbox)) {
    const { left, right, top, bottom } = bbox
    if (typeof left === 'number' && typeof right === 'number' && typeof top === 'number' && typeof bottom === 'number') {
      sink.bounds([left / NANO, bottom / NANO, right / NANO, top / NANO])
    }
  }
}

function readTags(tags: unknown): Map<string, string> {
  const out = new Map<string, string>()
  if (!isRecord(tags)) return out
  for (const [k, v] of Object.entries(tags)) if (typeof v === 'string') out.set(k, v)
  return out
}

/** Reads `file` into `sink`. Throws on a corrupt or unsupported file (e.g. zstd-compressed blocks). */
export async function streamOsmPbf(file: string, sink: OsmElementSink, progress: OsmProgressCounter): Promise<void> {
  const transform = new OSMTransform({ withTags: { node: false, way: [...WAY_TAG_KEYS_USED], relation: false }, withInfo: false })
  const consume = async (batches: AsyncIterable<unknown>): Promise<void> => {
    for await (const batch of batches) {
      if (!Array.isArray(batch)) throw new Error(`${file}: unexpected PBF reader output`)
      for (const item of batch as unknown[]) {
        if (!isRecord(item)) continue
        const { type, id } = item
        if (type === undefined) {
          readHeader(file, item, sink)
        } else if (type === 'node') {
          const { lat, lon } = item
          if (typeof id !== 'number' || typeof lat !== 'number' || typeof lon !== 'number') throw new Error(`${file}: malformed PBF node`)
          sink.node(id, lon, lat)
          progress.tick('nodes')
        } else if (type === 'way') {
          const { refs } = item
          if (typeof id !== 'number' || !Array.isArray(refs)) throw new Error(`${file}: malformed PBF way`)
          sink.way(id, refs as number[], readTags(item.tags))
          progress.tick('ways')
        } else if (type === 'relation') {
          progress.tick('relations')
        }
      }
    }
  }
  try {
    await pipeline(createReadStream(file, { highWaterMark: CHUNK_BYTES }), transform, consume)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // the library's own messages ("input format error", "inflating … not implemented") do not name the file
    throw new Error(message.startsWith(file) ? message : `${file}: not a readable .osm.pbf: ${message}`, { cause: error })
  }
  progress.flush()
}
