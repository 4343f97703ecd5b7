// Benchmark of the hot-spot engine (server/analysis/hotspots.ts): binning + Gi* + FDR on seeded synthetic
// incidents over an 8 × 8 km study area around 104.08° E, 30.69° N, against a straightforward baseline run
// in the same process. Standalone: `npx tsx test/bench/hotspots.bench.ts` (or via `npm run bench`).
//
// Method (after flatbush's bench.js): mulberry32-seeded data, warm-up runs, a sink that consumes every
// result, min and median of timed runs, the baseline's median over the engine's median printed last.
// "Gi*+FDR+output" is computeGiStar on already binned cells: neighbour sums, z, p, BH and the per-cell objects
// with their rings; "engine total" is findHotspots (the two together). Peak memory: a child process of this
// script (same node flags) builds the 2M incidents, resets the kernel's peak-RSS counter (Linux
// /proc/self/clear_refs) and reports VmHWM after one findHotspots — the peak resident set during the
// analysis, the resident input included (elsewhere: maxRSS of the whole child, input generation included).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cellToBoundary, cellToLatLng, latLngToCell, polygonToCells } from 'h3-js'
import KDBush from 'kdbush'
import type { BBox, LngLat } from '../../server/kernel/geo.ts'
import type { CellScheme, PointItem } from '../../server/analysis/cells.ts'
import { binIncidents, createLocalProjection, unprojectPoint } from '../../server/analysis/cells.ts'
import { computeGiStar } from '../../server/analysis/gi-star.ts'
import { findHotspots } from '../../server/analysis/hotspots.ts'
import { twoSidedPValue } from '../../server/analysis/normal-tail.ts'

const CENTRE: LngLat = [104.08, 30.69]
const HALF_SIDE_M = 4000
const projectionAtCentre = createLocalProjection(CENTRE)
const BBOX: BBox = [
  CENTRE[0] - HALF_SIDE_M / projectionAtCentre.metersPerDegreeLng,
  CENTRE[1] - HALF_SIDE_M / projectionAtCentre.metersPerDegreeLat,
  CENTRE[0] + HALF_SIDE_M / projectionAtCentre.metersPerDegreeLng,
  CENTRE[1] + HALF_SIDE_M / projectionAtCentre.metersPerDegreeLat,
]
const BAND_M = 300
const GRID: CellScheme = { kind: 'grid', sizeMeters: 100 }
const H3: CellScheme = { kind: 'h3', resolution: 10 }
const SIZES = [20_000, 500_000, 2_000_000] as const

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** 75 % from 40 Gaussian clusters (σ 40–250 m, weights 1–5), 25 % uniform noise over the study area. */
function createIncidents(count: number, seed = 42): PointItem[] {
  const random = mulberry32(seed)
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const clusters = Array.from({ length: 40 }, () => ({ x: (random() * 2 - 1) * 3500, y: (random() * 2 - 1) * 3500, sigma: 40 + random() * 210, weight: 1 + random() * 4 }))
  const totalWeight = clusters.reduce((s, c) => s + c.weight, 0)
  const { metersPerDegreeLng: kx, metersPerDegreeLat: ky } = projectionAtCentre
  const items: PointItem[] = new Array<PointItem>(count)
  for (let i = 0; i < count; i++) {
    let x: number
    let y: number
    if (random() < 0.25) {
      x = (random() * 2 - 1) * HALF_SIDE_M
      y = (random() * 2 - 1) * HALF_SIDE_M
    } else {
      let pick = random() * totalWeight
      let cluster = clusters[0]!
      for (const c of clusters) {
        cluster = c
        if ((pick -= c.weight) <= 0) break
      }
      x = cluster.x + gaussian() * cluster.sigma
      y = cluster.y + gaussian() * cluster.sigma
    }
    items[i] = { coordinates: [CENTRE[0] + x / kx, CENTRE[1] + y / ky] }
  }
  return items
}

// ---------------------------------------------------------------------------------------------------
// Baseline: what a first straightforward version would do. Map<string, number> keyed by cell id
// (latLngToCell per point for H3, a 'column:row' key for the grid), then Gi* with each cell's neighbours
// found by a kdbush radius query over all cell centroids, then BH over an array of {p, i} sorted by p.

interface BaselineCell {
  id: string
  ring: LngLat[]
  count: number
  z: number
  p: number
  bin: number
  neighbors: number
}

function runBaseline(items: readonly PointItem[], scheme: CellScheme): BaselineCell[] {
  const byId = new Map<string, number>()
  const cells: { id: string; x: number; y: number; ring: LngLat[] }[] = []
  if (scheme.kind === 'grid') {
    const size = scheme.sizeMeters ?? 100
    const projection = createLocalProjection([BBOX[0], BBOX[1]])
    const columns = Math.ceil(((BBOX[2] - BBOX[0]) * projection.metersPerDegreeLng) / size)
    const rows = Math.ceil(((BBOX[3] - BBOX[1]) * projection.metersPerDegreeLat) / size)
    for (const item of items) {
      const column = Math.floor(((item.coordinates[0] - BBOX[0]) * projection.metersPerDegreeLng) / size)
      const row = Math.floor(((item.coordinates[1] - BBOX[1]) * projection.metersPerDegreeLat) / size)
      if (column < 0 || column >= columns || row < 0 || row >= rows) continue
      const key = `${column}:${row}`
      byId.set(key, (byId.get(key) ?? 0) + 1)
    }
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const [x0, y0] = [column * size, row * size]
        const ring = [unprojectPoint(projection, x0, y0), unprojectPoint(projection, x0 + size, y0), unprojectPoint(projection, x0 + size, y0 + size), unprojectPoint(projection, x0, y0 + size), unprojectPoint(projection, x0, y0)]
        cells.push({ id: `${column}:${row}`, x: x0 + size / 2, y: y0 + size / 2, ring })
      }
    }
  } else {
    const resolution = scheme.resolution ?? 10
    for (const item of items) {
      const id = latLngToCell(item.coordinates[1], item.coordinates[0], resolution)
      byId.set(id, (byId.get(id) ?? 0) + 1)
    }
    const projection = createLocalProjection([(BBOX[0] + BBOX[2]) / 2, (BBOX[1] + BBOX[3]) / 2])
    const ids = polygonToCells([[BBOX[0], BBOX[1]], [BBOX[2], BBOX[1]], [BBOX[2], BBOX[3]], [BBOX[0], BBOX[3]], [BBOX[0], BBOX[1]]], resolution, true).sort()
    for (const id of ids) {
      const [lat, lng] = cellToLatLng(id)
      const ring = cellToBoundary(id, true).map((p): LngLat => [p[0]!, p[1]!])
      cells.push({ id, x: (lng - projection.origin[0]) * projection.metersPerDegreeLng, y: (lat - projection.origin[1]) * projection.metersPerDegreeLat, ring })
    }
  }

  const n = cells.length
  const counts = cells.map((c) => byId.get(c.id) ?? 0)
  const mean = counts.reduce((a, b) => a + b, 0) / n
  const s = Math.sqrt(counts.reduce((a, y) => a + (y - mean) ** 2, 0) / n)
  const tree = new KDBush(n)
  for (const c of cells) tree.add(c.x, c.y)
  tree.finish()
  const out: BaselineCell[] = cells.map((cell, i) => {
    const neighbours = tree.within(cell.x, cell.y, BAND_M * (1 + 1e-9))
    const w = neighbours.length
    const lag = neighbours.reduce((sum, j) => sum + counts[j]!, 0)
    const z = (lag - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)))
    return { id: cell.id, ring: cell.ring, count: counts[i]!, z, p: twoSidedPValue(z), bin: 0, neighbors: w }
  })
  const order = out.map((c, i) => ({ p: c.p, i })).sort((a, b) => a.p - b.p)
  const alphas = [0.1, 0.05, 0.01]
  const cutoffs = alphas.map((alpha) => {
    let cut = -1
    order.forEach((o, rank) => {
      if (o.p <= ((rank + 1) * alpha) / n) cut = o.p
    })
    return cut
  })
  for (const c of out) {
    const level = alphas.reduce((l, alpha, a) => (c.p < alpha && c.p <= cutoffs[a]! ? a + 1 : l), 0)
    c.bin = Math.sign(c.z) * level
  }
  return out
}

// ---------------------------------------------------------------------------------------------------

let sink = 0

function measure(run: () => number, warmups: number, runs: number): { min: number; median: number } {
  for (let i = 0; i < warmups; i++) sink += run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    sink += run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { min: times[0]!, median: times[Math.floor(times.length / 2)]! }
}

const ms = (t: number) => (t < 10 ? t.toFixed(2) : t < 100 ? t.toFixed(1) : t.toFixed(0)).padStart(7)

/** Runs one 2M analysis in a child process; returns its RSS once the input is built and its peak RSS during the analysis (MB). */
function measurePeakMemory(scheme: 'grid' | 'h3'): { peakMb: number; inputMb: number; how: string } | null {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--peak-memory', scheme], { encoding: 'utf8' })
  const line = child.stdout.trim().split('\n').pop() ?? ''
  const match = /^peak (\d+) input (\d+) how (.+)$/.exec(line)
  if (child.status !== 0 || !match) {
    console.error(`peak-memory child failed (status ${child.status}): ${child.stderr.slice(-500)}`)
    return null
  }
  return { peakMb: Number(match[1]) / 1024, inputMb: Number(match[2]) / 1024, how: match[3]! }
}

/** Linux: writing 5 to /proc/self/clear_refs resets the peak RSS (VmHWM), so the peak of the analysis alone can be read after it. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

function readPeakRssKb(reset: boolean): number {
  if (reset) {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1])
  }
  return process.resourceUsage().maxRSS
}

function runPeakMemoryChild(scheme: 'grid' | 'h3'): void {
  const items = createIncidents(2_000_000)
  const inputKb = Math.round(process.memoryUsage().rss / 1024)
  const reset = resetPeakRss()
  const result = findHotspots(items, { bbox: BBOX, cellScheme: scheme === 'grid' ? GRID : H3, bandMeters: BAND_M })
  sink += result.cells.length
  console.log(`peak ${readPeakRssKb(reset)} input ${inputKb} how ${reset ? 'VmHWM, reset after the input was built' : 'maxRSS of the whole process'}`)
}

function main(): void {
  const started = performance.now()
  console.log(`hotspots bench — node ${process.version}, study area 8 × 8 km, band ${BAND_M} m, FDR on; times in ms (min / median)`)
  console.log('')
  console.log('incidents  cells              binning (min/med)   Gi*+FDR+output      engine total (min/med)   baseline (min/med)    max|Δz|')
  const ratios: string[] = []
  for (const size of SIZES) {
    const items = createIncidents(size)
    const [warmups, runs, baselineRuns] = size >= 2_000_000 ? [2, 7, 3] : size >= 500_000 ? [2, 7, 3] : [3, 15, 7]
    for (const [label, scheme] of [['grid 100 m', GRID], ['H3 res 10', H3]] as const) {
      const binned = binIncidents(items, BBOX, scheme)
      const binning = measure(() => binIncidents(items, BBOX, scheme).dropped, warmups, runs)
      const gi = measure(() => computeGiStar(binned, { bandMeters: BAND_M }).cells.length, warmups, runs)
      const engine = measure(() => findHotspots(items, { bbox: BBOX, cellScheme: scheme, bandMeters: BAND_M }).cells.length, warmups, runs)
      const baseline = measure(() => runBaseline(items, scheme).length, 1, baselineRuns)
      // Same answer from both: z per cell (cells in the same order) and the bins.
      const ours = findHotspots(items, { bbox: BBOX, cellScheme: scheme, bandMeters: BAND_M }).cells
      const theirs = runBaseline(items, scheme)
      let maxDz = 0
      let binMismatches = 0
      ours.forEach((c, i) => {
        maxDz = Math.max(maxDz, Math.abs(c.z - theirs[i]!.z))
        if (c.bin !== theirs[i]!.bin || c.count !== theirs[i]!.count) binMismatches++
      })
      if (binMismatches > 0) console.error(`!! ${binMismatches} cells differ between engine and baseline`)
      console.log(
        `${String(size).padStart(9)}  ${label.padEnd(10)} ${String(binned.ids.length).padStart(6)}   ${ms(binning.min)} /${ms(binning.median)}   ${ms(gi.min)} /${ms(gi.median)}   ${ms(engine.min)} /${ms(engine.median)}        ${ms(baseline.min)} /${ms(baseline.median)}   ${maxDz.toExponential(1)}`,
      )
      ratios.push(`${String(size).padStart(9)} ${label.padEnd(10)}: engine ${ms(engine.median).trim()} ms · baseline ${ms(baseline.median).trim()} ms · ratio ${(baseline.median / engine.median).toFixed(1)}×`)
    }
  }
  console.log('')
  console.log('peak memory, 2,000,000 incidents: one findHotspots in a fresh child process; peak resident set during the analysis, the resident 2M input objects included')
  for (const scheme of ['grid', 'h3'] as const) {
    const memory = measurePeakMemory(scheme)
    if (memory) console.log(`  ${scheme === 'grid' ? 'grid 100 m' : 'H3 res 10 '}  peak RSS ${memory.peakMb.toFixed(0)} MB · RSS with the input built, before the analysis ${memory.inputMb.toFixed(0)} MB  (${memory.how})`)
  }
  console.log('')
  console.log(`sink ${sink} · total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`)
  console.log('baseline ÷ engine, median times:')
  for (const line of ratios) console.log(`  ${line}`)
}

const peakIndex = process.argv.indexOf('--peak-memory')
if (peakIndex >= 0) runPeakMemoryChild(process.argv[peakIndex + 1] === 'h3' ? 'h3' : 'grid')
else main()
