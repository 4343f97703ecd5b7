// Test support: writes a minimal but valid .osm.pbf (OSMHeader + zlib-compressed OSMData blocks of dense nodes
// and ways) so the PBF reader can be checked against the XML reader on the very same data. No npm package writes
// PBF without a native build, and the format is small: protobuf varints, three message kinds. Node tags, metadata
// and relations are not written (the reader does not use them). Coordinates are stored at the default granularity
// of 100 nanodegrees (1e-7°), the resolution of OSM itself, so 7-decimal data round-trips exactly.

import { deflateSync } from 'node:zlib'
import type { BBox } from '../../kernel/geo.ts'

export interface PbfNode {
  id: number
  lng: number
  lat: number
}

export interface PbfWay {
  id: number
  refs: readonly number[]
  tags: ReadonlyMap<string, string>
}

export interface PbfContent {
  bounds: BBox | null
  nodes: readonly PbfNode[]
  ways: readonly PbfWay[]
}

/** Protobuf encoding for non-negative integers up to 2^53 (ids and deltas pass 2^31, so no bitwise operators). */
class ProtoWriter {
  private readonly bytes: number[] = []

  varint(value: number): void {
    let n = value
    while (n >= 0x80) {
      this.bytes.push((n % 0x80) + 0x80)
      n = Math.floor(n / 0x80)
    }
    this.bytes.push(n)
  }

  uintField(field: number, value: number): void {
    this.varint(field * 8) // wire type 0
    this.varint(value)
  }

  sintField(field: number, value: number): void {
    this.uintField(field, zigzag(value))
  }

  bytesField(field: number, data: Uint8Array): void {
    this.varint(field * 8 + 2) // wire type 2: length-delimited
    this.varint(data.length)
    for (const b of data) this.bytes.push(b)
  }

  stringField(field: number, text: string): void {
    this.bytesField(field, new TextEncoder().encode(text))
  }

  packedField(field: number, values: readonly number[], signed: boolean): void {
    const inner = new ProtoWriter()
    for (const v of values) inner.varint(signed ? zigzag(v) : v)
    this.bytesField(field, inner.finish())
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1)
const deltas = (values: readonly number[]): number[] => values.map((v, i) => v - (i === 0 ? 0 : (values[i - 1] as number)))
const toUnits = (degrees: number): number => Math.round(degrees * 1e7) // 100-nanodegree units

/** One file block: 4-byte big-endian BlobHeader length, BlobHeader, Blob with zlib data. */
function fileBlock(type: 'OSMHeader' | 'OSMData', payload: Uint8Array): Buffer {
  const blob = new ProtoWriter()
  blob.uintField(2, payload.length) // raw_size
  blob.bytesField(3, deflateSync(payload)) // zlib_data
  const blobBytes = blob.finish()
  const header = new ProtoWriter()
  header.stringField(1, type)
  header.uintField(3, blobBytes.length) // datasize
  const headerBytes = header.finish()
  const length = Buffer.alloc(4)
  length.writeUInt32BE(headerBytes.length)
  return Buffer.concat([length, headerBytes, blobBytes])
}

function headerBlock(bounds: BBox | null): Uint8Array {
  const out = new ProtoWriter()
  if (bounds !== null) {
    const bbox = new ProtoWriter()
    const nano = (deg: number): number => toUnits(deg) * 100
    bbox.sintField(1, nano(bounds[0])) // left
    bbox.sintField(2, nano(bounds[2])) // right
    bbox.sintField(3, nano(bounds[3])) // top
    bbox.sintField(4, nano(bounds[1])) // bottom
    out.bytesField(1, bbox.finish())
  }
  out.stringField(4, 'OsmSchema-V0.6')
  out.stringField(4, 'DenseNodes')
  out.stringField(16, 'gridwatch test writer')
  return out.finish()
}

/** A PrimitiveBlock holding one group: dense nodes or ways. */
function primitiveBlock(nodes: readonly PbfNode[], ways: readonly PbfWay[]): Uint8Array {
  const strings = [''] // index 0 is reserved
  const index = new Map<string, number>()
  const sid = (s: string): number => {
    let i = index.get(s)
    if (i === undefined) {
      i = strings.length
      strings.push(s)
      index.set(s, i)
    }
    return i
  }
  const group = new ProtoWriter()
  if (nodes.length > 0) {
    const dense = new ProtoWriter()
    dense.packedField(1, deltas(nodes.map((n) => n.id)), true)
    dense.packedField(8, deltas(nodes.map((n) => toUnits(n.lat))), true)
    dense.packedField(9, deltas(nodes.map((n) => toUnits(n.lng))), true)
    group.bytesField(2, dense.finish())
  }
  for (const way of ways) {
    const w = new ProtoWriter()
    w.uintField(1, way.id)
    const keys = [...way.tags.keys()]
    w.packedField(2, keys.map(sid), false)
    w.packedField(3, keys.map((k) => sid(way.tags.get(k) as string)), false)
    w.packedField(8, deltas(way.refs), true)
    group.bytesField(3, w.finish())
  }
  const table = new ProtoWriter()
  for (const s of strings) table.stringField(1, s)
  const block = new ProtoWriter()
  block.bytesField(1, table.finish())
  block.bytesField(2, group.finish())
  return block.finish()
}

/** The whole file; `blockSize` elements per block (small values exercise the reader's block boundaries). */
export function writeOsmPbf(content: PbfContent, blockSize = 8000): Buffer {
  const parts = [fileBlock('OSMHeader', headerBlock(content.bounds))]
  for (let i = 0; i < content.nodes.length; i += blockSize) {
    parts.push(fileBlock('OSMData', primitiveBlock(content.nodes.slice(i, i + blockSize), [])))
  }
  for (let i = 0; i < content.ways.length; i += blockSize) {
    parts.push(fileBlock('OSMData', primitiveBlock([], content.ways.slice(i, i + blockSize))))
  }
  return Buffer.concat(parts)
}
