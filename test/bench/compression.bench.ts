// Benchmark of what a twelve-month hotspot layer costs on the wire: the grid-100 layer over a 15 × 15 km city of
// 2,000,000 seeded, clustered incidents, made by the worker's own task (computeHotspotLayer), then sent through an app
// with Gridwatch's compression middleware and through the same app with hono's `compress()` (CompressionStream), the
// baseline, in the same process. Also: the layer's bytes as printed (6 decimals, z to 4, p to 4 digits) against the
// same cells at full precision. Standalone: `npx tsx test/bench/compression.bench.ts` (or `npm run bench -- compression`).
import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { findHotspots } from '../../server/analysis/hotspots.ts'
import { compression } from '../../server/http/compression.ts'
import type { BBox } from '../../server/kernel/geo.ts'
import { respondJsonBytes } from '../../server/routes/json-bytes.ts'
import { computeHotspotLayer } from '../../server/workers/analysis-tasks.ts'
import { appendJsonMember, type JsonBytes } from '../../server/workers/json-bytes.ts'

const BBOX: BBox = [104.0, 30.62, 104.16, 30.755] // ~15 × 15 km: about the 24,000 grid-100 cells of the load script's megacity
const N = 2_000_000
const RUNS = 15

function seededPositions(n: number): Float64Array {
  let a = 7
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const centres = Array.from({ length: 40 }, () => [BBOX[0] + rand() * (BBOX[2] - BBOX[0]), BBOX[1] + rand() * (BBOX[3] - BBOX[1])])
  const out = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    if (rand() < 0.6) {
      const [x, y] = centres[Math.floor(rand() * centres.length)]!
      out[2 * i] = x! + (rand() - 0.5) * 0.004
      out[2 * i + 1] = y! + (rand() - 0.5) * 0.004
    } else {
      out[2 * i] = BBOX[0] + rand() * (BBOX[2] - BBOX[0])
      out[2 * i + 1] = BBOX[1] + rand() * (BBOX[3] - BBOX[1])
    }
  }
  return out
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (x: number) => `${x.toFixed(1)} ms`

const positions = seededPositions(N)
const scheme = { kind: 'grid' as const, sizeMeters: 100 }
const layer = computeHotspotLayer({ positions: positions.slice(), bbox: BBOX, scheme })
if ('refusal' in layer) throw new Error(layer.refusal.message)
const printed = layer.features
// the same cells as the layer printed them before: full doubles
const full = findHotspots(positions, { bbox: BBOX, cellScheme: scheme, bandMeters: layer.statistic.bandMeters })
const fullBytes = new TextEncoder().encode(
  JSON.stringify(full.cells.map((x) => ({ type: 'Feature', id: x.id, geometry: { type: 'Polygon', coordinates: [x.ring] }, properties: { count: x.count, z: x.z, p: x.p, bin: x.bin, neighbors: x.neighbors } }))),
)

// sent as the hotspot route sends it: a head, the worker's feature bytes and a tail, as one streamed body
const appWith = (middleware: ReturnType<typeof compression>, features: JsonBytes<unknown>) =>
  new Hono().use(middleware).get('/layer', (c) => respondJsonBytes(c, appendJsonMember({ type: 'FeatureCollection' }, 'features', features)))
const asSent = (features: Uint8Array) => Buffer.concat([Buffer.from('{"type":"FeatureCollection","features":'), features, Buffer.from('}')])

async function time(app: Hono, expected: Uint8Array): Promise<{ median: number; min: number; bytes: number }> {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now()
    const res = await app.request('/layer', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    const body = new Uint8Array(await res.arrayBuffer())
    const took = performance.now() - t
    if (res.headers.get('content-encoding') !== 'gzip') throw new Error('not gzipped')
    if (i === 0 && Buffer.compare(gunzipSync(body), expected) !== 0) throw new Error('gzip does not decode to the layer')
    bytes = body.byteLength
    if (i >= 2) times.push(took) // two warm-up runs
  }
  return { median: median(times), min: Math.min(...times), bytes }
}

console.log(`machine: node ${process.version}; ${N.toLocaleString('en-US')} incidents, grid-100 over ${BBOX.join(', ')}: ${full.cells.length.toLocaleString('en-US')} cells`)
console.log(`layer JSON: printed ${(printed.byteLength / 1e6).toFixed(2)} MB, full precision ${(fullBytes.byteLength / 1e6).toFixed(2)} MB (${(fullBytes.byteLength / printed.byteLength).toFixed(2)}×)`)
const ours = await time(appWith(compression(), printed), asSent(printed))
const baseline = await time(appWith(compress(), printed), asSent(printed))
const baselineFull = await time(appWith(compress(), fullBytes), asSent(fullBytes))
console.log(`gzip, Gridwatch's middleware (zlib level 4), printed layer: median ${ms(ours.median)} (min ${ms(ours.min)}), ${(ours.bytes / 1e6).toFixed(2)} MB sent`)
console.log(`gzip, hono compress() (CompressionStream), printed layer: median ${ms(baseline.median)} (min ${ms(baseline.min)}), ${(baseline.bytes / 1e6).toFixed(2)} MB sent`)
console.log(`gzip, hono compress(), full-precision layer (the previous version): median ${ms(baselineFull.median)}, ${(baselineFull.bytes / 1e6).toFixed(2)} MB sent`)
console.log(`ratio (baseline median / ours): ${(baseline.median / ours.median).toFixed(1)}× for the same bytes; ${(baselineFull.median / ours.median).toFixed(1)}× against the previous version's layer and middleware`)
