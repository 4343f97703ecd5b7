// Dark-zone engine benchmark (the 亮灯死角 survey over a whole city): `npm run bench` or `tsx test/bench/run.ts dark-zones`.
//
// Seeded synthetic cities (test/fixtures/dark-zones/synthetic-city.ts) at three sizes, each measured in a fresh
// child process so that its peak RSS is its own: full computation (min and median of back-to-back runs after
// warm-up; garbage collection falls where it falls, as in a server), one lamp change, and the straightforward kdbush version on the same input in the same process.
// Then the naive turf pipeline on an input it can finish, with the ratio printed last. A sink keeps every result
// alive against dead-code elimination. Not a test: nothing here runs under Vitest.

import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { createDarkZoneEngine } from '../../server/analysis/dark-zone-engine.ts'
import { computeDarkZones, type DarkZoneLamp } from '../../server/analysis/dark-zones.ts'
import { createPrng, generateSyntheticCity } from '../fixtures/dark-zones/synthetic-city.ts'
import { computeDarkZonesNaiveTurf } from './baselines/naive-turf-dark-zones.ts'
import { computeDarkZonesStraightforward } from './baselines/straightforward-dark-zones.ts'

const SEED = 20260611
const SIZES = [
  { name: 'small', segments: 2_000, lamps: 10_000, warmups: 10, runs: 31, straightforwardRuns: 11, changes: 2_000 },
  { name: 'city', segments: 30_000, lamps: 150_000, warmups: 3, runs: 15, straightforwardRuns: 5, changes: 2_000 },
  { name: 'megacity', segments: 150_000, lamps: 1_000_000, warmups: 2, runs: 7, straightforwardRuns: 3, changes: 1_000 },
] as const
// Naive turf took 16 s for 400 segments / 2,000 lamps and 37–50 s for 600 / 3,000 here: 500 / 2,500 stays under a minute.
const NAIVE_INPUT = { segments: 500, lamps: 2_500 }
const TARGETS = { cityMedianMs: 150, megacityMedianMs: 1_000, cityPeakRssMB: 300, cityChangeMs: 2, naiveRatio: 2_000 }

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with --expose-gc (test/bench/run.ts does)')

let sink = 0

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const quantile = (values: readonly number[], q: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!
const megabytes = (bytes: number): number => bytes / 1024 / 1024

/** Linux: writing 5 to /proc/self/clear_refs resets the peak RSS (VmHWM), so a phase's own peak can be read after it. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

function readPeakRssMB(reset: boolean): number {
  const match = reset ? /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8')) : null
  return (match ? Number(match[1]) : process.resourceUsage().maxRSS) / 1024
}

interface SizeReport {
  name: string
  streets: number
  segments: number
  lamps: number
  fullMinMs: number
  fullMedianMs: number
  fullCpuMedianMs: number
  engineBuildMs: number
  changeMedianMs: number
  changeP99Ms: number
  changeResultMedianMs: number
  inputRssMB: number
  peakOneRunMB: number
  peakRssMB: number
  peakEngineRssMB: number
  peakHow: string
  heapAfterRunMB: number
  darkLines: number
  litShare: number
  straightforwardMedianMs: number
  straightforwardDarkDiff: number
}

interface NaiveReport {
  streets: number
  segments: number
  lamps: number
  naiveMs: number
  engineMedianMs: number
  engineMinMs: number
  darkLengthDiff: number
}

function measureSize(size: (typeof SIZES)[number]): SizeReport {
  const city = generateSyntheticCity({ seed: SEED, segments: size.segments, lamps: size.lamps })
  const segments = city.streets.reduce((sum, street) => sum + street.coordinates.length - 1, 0)
  gc!()
  const inputRssMB = megabytes(process.memoryUsage.rss())
  // Peak of one computation: the resident set right after the input is built, then one computeDarkZones.
  const reset = resetPeakRss()
  sink += computeDarkZones(city.streets, city.lamps).darkLines.length
  const peakOneRunMB = readPeakRssMB(reset)

  for (let i = 0; i < size.warmups; i++) sink += computeDarkZones(city.streets, city.lamps).darkLines.length
  const times: number[] = []
  const cpuTimes: number[] = []
  let heapAfterRunMB = 0
  let last = computeDarkZones(city.streets, city.lamps)
  for (let i = 0; i < size.runs; i++) {
    const cpuStarted = process.cpuUsage()
    const started = performance.now()
    last = computeDarkZones(city.streets, city.lamps)
    times.push(performance.now() - started)
    const cpu = process.cpuUsage(cpuStarted)
    cpuTimes.push((cpu.user + cpu.system) / 1000)
    const memory = process.memoryUsage()
    heapAfterRunMB = Math.max(heapAfterRunMB, megabytes(memory.heapUsed + memory.arrayBuffers))
    sink += last.darkLines.length
  }
  const peakRssMB = readPeakRssMB(reset)

  // One lamp change: flip a random lamp, then read the dark lines within ±50 m of it.
  const engineStarted = performance.now()
  const engine = createDarkZoneEngine(city.streets, city.lamps)
  const engineBuildMs = performance.now() - engineStarted
  const random = createPrng(SEED)
  const working = new Map(city.lamps.map((lamp) => [lamp.id, lamp.working]))
  const pickLamp = (): DarkZoneLamp => city.lamps[Math.floor(random() * city.lamps.length)]!
  const flip = (lamp: DarkZoneLamp): void => {
    const next = !working.get(lamp.id)
    working.set(lamp.id, next)
    sink += engine.setLampWorking(lamp.id, next)!.streetIds.length
  }
  const changeTimes: number[] = []
  for (let i = 0; i < 200 + size.changes; i++) {
    const lamp = pickLamp()
    const [lng, lat] = lamp.coordinates
    const dLat = 50 / 111_195
    const dLng = dLat / Math.cos((lat * Math.PI) / 180)
    const started = performance.now()
    flip(lamp)
    sink += engine.darkZonesInBBox([lng - dLng, lat - dLat, lng + dLng, lat + dLat]).darkLines.length
    if (i >= 200) changeTimes.push(performance.now() - started)
  }
  const changeResultTimes: number[] = []
  for (let i = 0; i < 60; i++) {
    const started = performance.now()
    flip(pickLamp())
    sink += engine.result().darkLines.length
    if (i >= 10) changeResultTimes.push(performance.now() - started)
  }
  const peakEngineRssMB = readPeakRssMB(reset) // before the baseline allocates its GeoJSON

  let straightforward = computeDarkZonesStraightforward(city.streets, city.lamps)
  const straightforwardTimes: number[] = []
  for (let i = 0; i < size.straightforwardRuns; i++) {
    const started = performance.now()
    straightforward = computeDarkZonesStraightforward(city.streets, city.lamps)
    straightforwardTimes.push(performance.now() - started)
    sink += straightforward.darkLines.features.length
  }

  return {
    name: size.name,
    streets: city.streets.length,
    segments,
    lamps: city.lamps.length,
    fullMinMs: Math.min(...times),
    fullMedianMs: median(times),
    fullCpuMedianMs: median(cpuTimes),
    engineBuildMs,
    changeMedianMs: median(changeTimes),
    changeP99Ms: quantile(changeTimes, 0.99),
    changeResultMedianMs: median(changeResultTimes),
    inputRssMB,
    peakOneRunMB,
    peakRssMB,
    peakEngineRssMB,
    peakHow: reset ? 'VmHWM, reset after the input was built' : 'maxRSS of the whole process, input generation included',
    heapAfterRunMB,
    darkLines: last.darkLines.length,
    litShare: last.totals.litShare,
    straightforwardMedianMs: median(straightforwardTimes),
    straightforwardDarkDiff: Math.abs(straightforward.darkLengthM - last.totals.darkLengthM) / last.totals.darkLengthM,
  }
}

function measureNaive(): NaiveReport {
  const city = generateSyntheticCity({ seed: SEED, ...NAIVE_INPUT })
  const started = performance.now()
  const naive = computeDarkZonesNaiveTurf(city.streets, city.lamps) // one run: at tens of seconds a warm-up changes nothing
  const naiveMs = performance.now() - started
  sink += naive.darkLines.length

  for (let i = 0; i < 50; i++) sink += computeDarkZones(city.streets, city.lamps).darkLines.length
  const times: number[] = []
  let darkLengthM = 0
  for (let i = 0; i < 301; i++) {
    const t0 = performance.now()
    const result = computeDarkZones(city.streets, city.lamps)
    times.push(performance.now() - t0)
    darkLengthM = result.totals.darkLengthM
    sink += result.darkLines.length
  }
  return {
    streets: city.streets.length,
    segments: city.streets.reduce((sum, street) => sum + street.coordinates.length - 1, 0),
    lamps: city.lamps.length,
    naiveMs,
    engineMedianMs: median(times),
    engineMinMs: Math.min(...times),
    darkLengthDiff: (naive.darkLengthM - darkLengthM) / darkLengthM,
  }
}

/** Runs one measurement in a fresh copy of this process and returns its report. */
function runChild<T>(task: string): T {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), task], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  })
  const line = child.stdout.split('\n').find((l) => l.startsWith('@@'))
  if (child.status !== 0 || line === undefined) throw new Error(`bench task ${task} failed (exit ${child.status}):\n${child.stdout}`)
  return JSON.parse(line.slice(2)) as T // our own child's report
}

const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(3)} ms`)
const fmtInt = (n: number): string => n.toLocaleString('en-US')
const fmtRatio = (r: number): string => `${r >= 100 ? fmtInt(Math.round(r)) : r.toFixed(1)}×`
const pad = (s: string, width: number): string => s.padStart(width)
const mark = (ok: boolean): string => (ok ? '✓' : '✗ MISSED')

const task = process.argv[2]
if (task !== undefined) {
  const size = SIZES.find((s) => `size:${s.name}` === task)
  const report = size !== undefined ? measureSize(size) : task === 'naive' ? measureNaive() : undefined
  if (report === undefined) throw new Error(`unknown bench task ${task}`)
  console.log(`@@${JSON.stringify(report)}`)
  console.log(`sink ${sink}`)
} else {
  const cpu = cpus()
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ')
  console.log(`dark-zones · node ${process.version} · ${process.platform} ${process.arch} · ${cpu.length} × ${cpu[0]?.model ?? 'cpu'} · seed ${SEED} · load average ${load()}`)
  // A forced GC before each run would make the runs slower, not cleaner: V8 shrinks the young generation after it.
  console.log('full    computeDarkZones on plain input, dark lines built; back-to-back runs after warm-up, GC included: min, median;')
  console.log('        cpu = median process CPU time of a run (all threads, so GC helpers count; waiting for a core does not)')
  console.log('engine  createDarkZoneEngine once (full computation plus lamp-id map and segment index)')
  console.log('change  setLampWorking(random lamp, flipped) + darkZonesInBBox(±50 m around it): median and p99;')
  console.log('        change+result(): the same flip followed by the whole result()')
  console.log('memory  fresh process per size. input = RSS once the input is built (node + tsx + input objects); 1 run = peak RSS')
  console.log('        of one computeDarkZones on top of it; runs = peak over all the back-to-back full runs (garbage of earlier')
  console.log('        runs waiting for V8\'s next major GC included); +engine = peak up to the end of the engine phase;')
  console.log('        heap = max heapUsed + arrayBuffers right after a run (result live)\n')

  const header = ['size', 'streets', 'segments', 'lamps', 'full min', 'full median', 'cpu', 'engine', 'change med', 'change p99', 'change+result()', 'input RSS', '1 run', 'runs', '+engine', 'heap', 'lit share']
  const widths = [9, 8, 9, 10, 9, 12, 9, 9, 11, 11, 16, 10, 8, 8, 9, 8, 10]
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(widths[i]!) : pad(h, widths[i]!))).join(''))
  const reports: SizeReport[] = []
  for (const size of SIZES) {
    const r = runChild<SizeReport>(`size:${size.name}`)
    reports.push(r)
    const cells = [
      r.name.padEnd(widths[0]!),
      fmtInt(r.streets),
      fmtInt(r.segments),
      fmtInt(r.lamps),
      fmtMs(r.fullMinMs),
      fmtMs(r.fullMedianMs),
      fmtMs(r.fullCpuMedianMs),
      fmtMs(r.engineBuildMs),
      fmtMs(r.changeMedianMs),
      fmtMs(r.changeP99Ms),
      fmtMs(r.changeResultMedianMs),
      `${r.inputRssMB.toFixed(0)} MB`,
      `${r.peakOneRunMB.toFixed(0)} MB`,
      `${r.peakRssMB.toFixed(0)} MB`,
      `${r.peakEngineRssMB.toFixed(0)} MB`,
      `${r.heapAfterRunMB.toFixed(0)} MB`,
      r.litShare.toFixed(3),
    ]
    console.log(cells.map((c, i) => (i === 0 ? c : pad(c, widths[i]!))).join(''))
  }

  const city = reports.find((r) => r.name === 'city')!
  const megacity = reports.find((r) => r.name === 'megacity')!
  console.log('\ntargets')
  console.log(`  city full median ≤ ${TARGETS.cityMedianMs} ms: ${fmtMs(city.fullMedianMs)} (cpu ${fmtMs(city.fullCpuMedianMs)}) ${mark(city.fullMedianMs <= TARGETS.cityMedianMs)}`)
  console.log(`  megacity full median ≤ ${TARGETS.megacityMedianMs} ms: ${fmtMs(megacity.fullMedianMs)} (cpu ${fmtMs(megacity.fullCpuMedianMs)}) ${mark(megacity.fullMedianMs <= TARGETS.megacityMedianMs)}`)
  console.log(`  city peak RSS ≤ ${TARGETS.cityPeakRssMB} MB: one run ${city.peakOneRunMB.toFixed(0)} MB ${mark(city.peakOneRunMB <= TARGETS.cityPeakRssMB)}; back-to-back runs ${city.peakRssMB.toFixed(0)} MB, with the engine ${city.peakEngineRssMB.toFixed(0)} MB (${city.peakHow})`)
  console.log(`  city lamp change ≤ ${TARGETS.cityChangeMs} ms: median ${fmtMs(city.changeMedianMs)}, p99 ${fmtMs(city.changeP99Ms)} ${mark(city.changeMedianMs <= TARGETS.cityChangeMs)}`)

  console.log('\nbaseline 2: straightforward kdbush version (same process and input as the row above; dark length agrees within)')
  for (const r of reports) {
    console.log(`  ${r.name.padEnd(9)} ${pad(fmtMs(r.straightforwardMedianMs), 8)} · engine ${pad(fmtMs(r.fullMedianMs), 8)} · ${pad(fmtRatio(r.straightforwardMedianMs / r.fullMedianMs), 5)} · Δ dark ${(r.straightforwardDarkDiff * 100).toExponential(1)} %`)
  }

  const naive = runChild<NaiveReport>('naive')
  console.log(`\nbaseline 1: naive turf pipeline (buffer each lamp, union, lineSplit) on ${fmtInt(naive.streets)} streets / ${fmtInt(naive.segments)} segments / ${fmtInt(naive.lamps)} lamps, one run`)
  console.log(`  engine on the same input: min ${fmtMs(naive.engineMinMs)}, median ${fmtMs(naive.engineMedianMs)}; turf's dark length ${naive.darkLengthDiff >= 0 ? '+' : ''}${(naive.darkLengthDiff * 100).toFixed(2)} % (its buffers are 32-gons)`)
  const ratio = naive.naiveMs / naive.engineMedianMs
  console.log(`load average at the end ${load()} (other work on the machine shows up in the medians)`)
  console.log(`naive turf ${fmtMs(naive.naiveMs)} · engine ${fmtMs(naive.engineMedianMs)} · ratio ${fmtRatio(ratio)} (target ≥ ${fmtInt(TARGETS.naiveRatio)}× ${mark(ratio >= TARGETS.naiveRatio)})`)
}
