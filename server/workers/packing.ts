// Compact forms of what the analysis workers need: positions as one Float64Array (moved to the worker, not copied)
// instead of thousands of small arrays, whose structured clone costs the event loop tens of milliseconds.
import type { GuidanceContext } from '../analysis/guidance-check.ts'
import type { LngLat } from '../kernel/geo.ts'
import type { StreetCategory } from '../kernel/statuses.ts'

/** Positions [lng0, lat0, lng1, lat1, …] in one buffer of their own. */
export type PackedPositions = Float64Array<ArrayBuffer>

/** Positions a task only reads: in a buffer of their own (moved to the worker) or lent shared (SharedScratch). */
export type SharedOrPackedPositions = Float64Array<ArrayBufferLike>

/** Lines as one position buffer plus where each line starts: line i is positions starts[i] .. starts[i + 1] − 1. */
export interface PackedLines {
  positions: PackedPositions
  starts: Uint32Array<ArrayBuffer> // lines + 1 entries
}

/** The positions of `items` (anything with `coordinates`), in order. Empty input → an empty array. */
export function packPositions(items: readonly { readonly coordinates: readonly [number, number] }[]): PackedPositions {
  const out = new Float64Array(items.length * 2)
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!.coordinates
    out[2 * i] = c[0]
    out[2 * i + 1] = c[1]
  }
  return out
}

/** The [lng, lat] positions of a packed buffer, as new arrays. */
export function unpackPositions(packed: Float64Array): LngLat[] {
  const out = new Array<LngLat>(packed.length >> 1)
  for (let i = 0; i < out.length; i++) out[i] = [packed[2 * i]!, packed[2 * i + 1]!]
  return out
}

/** Point items `{ coordinates }` of a packed buffer, the shape the binning and ranking functions take. */
export function unpackPointItems(packed: Float64Array): { coordinates: LngLat }[] {
  return unpackPositions(packed).map((coordinates) => ({ coordinates }))
}

/** Every line's positions in one buffer. Empty input → no positions and starts [0]. */
export function packLines(lines: readonly (readonly LngLat[])[]): PackedLines {
  const starts = new Uint32Array(lines.length + 1)
  for (let i = 0; i < lines.length; i++) starts[i + 1] = starts[i]! + lines[i]!.length
  const positions = new Float64Array(starts[lines.length]! * 2)
  let k = 0
  for (const line of lines) {
    for (const p of line) {
      positions[k++] = p[0]
      positions[k++] = p[1]
    }
  }
  return { positions, starts }
}

/** The lines of a packed form, as new arrays. */
export function unpackLines(packed: PackedLines): LngLat[][] {
  const out: LngLat[][] = []
  for (let i = 0; i + 1 < packed.starts.length; i++) {
    const line: LngLat[] = []
    for (let j = packed.starts[i]!; j < packed.starts[i + 1]!; j++) line.push([packed.positions[2 * j]!, packed.positions[2 * j + 1]!])
    out.push(line)
  }
  return out
}

/** A guidance-rule context with its street lines and intersection positions packed. */
export interface PackedGuidanceContext {
  streets: { ids: string[]; names: (string | null)[]; highways: string[]; categories: StreetCategory[]; lines: PackedLines }
  intersections: { ids: string[]; positions: PackedPositions; streetIds: string[][]; names: string[][] }
  points: GuidanceContext['points'][number][]
}

/** `context` in packed form; `guidanceContextBuffers` lists its buffers. Does not mutate its input. */
export function packGuidanceContext(context: GuidanceContext): PackedGuidanceContext {
  return {
    streets: {
      ids: context.streets.map((s) => s.id),
      names: context.streets.map((s) => s.name),
      highways: context.streets.map((s) => s.highway),
      categories: context.streets.map((s) => s.category),
      lines: packLines(context.streets.map((s) => s.coordinates)),
    },
    intersections: {
      ids: context.intersections.map((x) => x.id),
      positions: packPositions(context.intersections),
      streetIds: context.intersections.map((x) => [...x.streetIds]),
      names: context.intersections.map((x) => [...x.names]),
    },
    points: context.points.map((p) => ({ ...p })),
  }
}

/** The guidance context of a packed form. */
export function unpackGuidanceContext(packed: PackedGuidanceContext): GuidanceContext {
  const lines = unpackLines(packed.streets.lines)
  const positions = unpackPositions(packed.intersections.positions)
  return {
    streets: packed.streets.ids.map((id, i) => ({ id, name: packed.streets.names[i] ?? null, highway: packed.streets.highways[i]!, category: packed.streets.categories[i]!, coordinates: lines[i]! })),
    intersections: packed.intersections.ids.map((id, i) => ({ id, coordinates: positions[i]!, streetIds: packed.intersections.streetIds[i]!, names: packed.intersections.names[i]! })),
    points: packed.points,
  }
}

/** The buffers of a packed guidance context, to transfer with it. */
export function guidanceContextBuffers(packed: PackedGuidanceContext): ArrayBuffer[] {
  return [packed.streets.lines.positions.buffer, packed.streets.lines.starts.buffer, packed.intersections.positions.buffer]
}
