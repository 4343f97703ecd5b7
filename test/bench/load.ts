// `npm run load [-- --store sqlite|postgres|both] [--baseline <git ref>]`: Gridwatch at megacity scale, end to end
// through HTTP, on this machine. Builds the synthetic megacity (LOAD_LAMPS lamps, LOAD_INCIDENTS complaints; default
// 1,000,000 and 2,000,000) with `npm run import` into each store, starts the real server on it, and measures what a
// user waits for: the server's start and resident memory, hotspots (grid-100, h3-10) and statistics and KPIs for
// twelve months, lamp repairs (PATCH p50/p99), and vector tiles under LOAD_CLIENTS concurrent clients for
// LOAD_SECONDS (p50/p99, errors, the largest tile). With --baseline (default: the version before PostgreSQL and
// tiles landed), the same requests against that version's server on the same SQLite file give the ratios.
// Never part of `npm test`. PostgreSQL runs on a throwaway cluster (test/postgres/throwaway-cluster.ts).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { request as httpGet, Agent } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { freePort } from '../server-process.ts'
import { findPostgres, startCluster, type Cluster } from '../postgres/throwaway-cluster.ts'
import { MEGACITY_BOX, megacityProfile, writeMegacityFiles } from './megacity-data.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const LAMPS = Number(process.env.LOAD_LAMPS ?? 1_000_000)
const INCIDENTS = Number(process.env.LOAD_INCIDENTS ?? 2_000_000)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 20)
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const STORES = (arg('store') ?? 'both') === 'both' ? ['sqlite', 'postgres'] : [arg('store')!]
const BASELINE_REF = arg('baseline') ?? '7edb90b'
// A megacity SQLite file built earlier (by this script's generator and `npm run import`): used as it is, no import.
// Named but not there yet, it is built there by this run and kept for the next.
const SQLITE_FILE = process.env.LOAD_SQLITE_FILE
const PREBUILT_SQLITE = SQLITE_FILE && existsSync(SQLITE_FILE) ? SQLITE_FILE : undefined
const tsx = import.meta.resolve('tsx')

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
}
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} ms`

interface Server {
  baseUrl: string
  child: ChildProcess
  startMs: number
  stop(): Promise<void>
  rssMb(): { rss: number; peak: number }
  /** The last line the server wrote. */
  lastLog(): string
  /** Waits (up to `timeoutMs`) for a line of the server's output to match; its match, or undefined. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray | undefined>
}

// The heap flags `npm start` runs the server with (package.json; README, GRIDWATCH_HEAP_MB): the server is measured
// as it is deployed.
const SERVER_FLAGS = ['--max-old-space-size=1024', '--max-semi-space-size=32']

async function startServer(cwd: string, databaseUrl: string): Promise<Server> {
  const port = await freePort()
  const started = performance.now()
  let log = ''
  const child = spawn(process.execPath, [...SERVER_FLAGS, '--import', tsx, 'server/main.ts'], { cwd, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, GRIDWATCH_SEED: 'none', GRIDWATCH_BRIEFING_SCHEDULE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const baseUrl = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${log.slice(-2000)}`)
    if ((await fetch(`${baseUrl}/api/health`).catch(() => undefined))?.ok) break
    await new Promise((r) => setTimeout(r, 100))
  }
  const startMs = performance.now() - started
  return {
    baseUrl,
    child,
    startMs,
    lastLog: () => log.trim().split('\n').slice(-1)[0]?.slice(0, 300) ?? '',
    async waitForLog(pattern, timeoutMs) {
      const until = performance.now() + timeoutMs
      while (performance.now() < until) {
        const m = pattern.exec(log)
        if (m) return m
        await new Promise((r) => setTimeout(r, 200))
      }
      return undefined
    },
    rssMb() {
      if (child.exitCode !== null || child.signalCode !== null) return { rss: NaN, peak: NaN }
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
      return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return // already gone (a crash included)
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'gridwatch-demo' }) })
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status}`)
  return /gw_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0]
}

/** Median and max of `runs` timed GETs after one warm-up (the first builds what the server caches). */
async function timeGet(baseUrl: string, path: string, cookie: string, runs = 5) {
  const once = async () => {
    const t = performance.now()
    const res = await fetch(baseUrl + path, { headers: { cookie, 'accept-encoding': 'gzip' } })
    const bytes = (await res.arrayBuffer()).byteLength
    return { ms: performance.now() - t, status: res.status, bytes }
  }
  const first = await once()
  const times: number[] = []
  let last = first
  for (let i = 0; i < runs; i++) {
    last = await once()
    times.push(last.ms)
  }
  return { first: first.ms, median: quantile(times, 0.5), status: last.status, bytes: last.bytes }
}

/** A leader's month briefing at megacity size: the draft (facts), its PDF preview, the PDF's size. */
async function monthBriefing(baseUrl: string, cookie: string) {
  const to = new Date()
  const from = new Date(to.getTime() - 30 * 86_400_000)
  let t = performance.now()
  const res = await fetch(`${baseUrl}/api/briefings`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: baseUrl }, body: JSON.stringify({ from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }) })
  if (res.status !== 201) throw new Error(`POST /api/briefings: ${res.status} ${await res.text()}`)
  const { pdf_url } = (await res.json()) as { pdf_url: string }
  const draftMs = performance.now() - t
  t = performance.now()
  const pdf = await fetch(`${baseUrl}${pdf_url}`, { headers: { cookie } })
  const bytes = (await pdf.arrayBuffer()).byteLength
  if (pdf.status !== 200) throw new Error(`GET ${pdf_url}: ${pdf.status}`)
  return { draftMs, pdfMs: performance.now() - t, kb: Math.round(bytes / 1024) }
}

// 300 repairs: over 100 the 99th percentile is the slowest one, and a single stall of the shared cores decided it.
const REPAIRS = Number(process.env.LOAD_REPAIRS ?? 300)

async function lampRepairs(baseUrl: string, cookie: string, n = REPAIRS) {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const id = `L${1 + Math.floor(((i * 7919) % LAMPS))}`
    const lamp = await fetch(`${baseUrl}/api/lamps/${id}`, { headers: { cookie } })
    if (!lamp.ok) throw new Error(`lamp ${id}: ${lamp.status}`)
    const { properties } = (await lamp.json()) as { properties: { status: string } }
    const t = performance.now()
    const res = await fetch(`${baseUrl}/api/lamps/${id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'if-match': lamp.headers.get('etag') ?? '', origin: baseUrl },
      body: JSON.stringify({ status: properties.status === 'ok' ? 'defective_lamp' : 'ok' }),
    })
    await res.arrayBuffer()
    times.push(performance.now() - t)
    if (res.status !== 200) throw new Error(`PATCH ${id}: ${res.status}`)
  }
  return { n, first: times[0]!, p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: Math.max(...times) }
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)]
}

/**
 * One tile over a kept-alive connection, as a browser asks (gzip accepted), its body counted but not unzipped: the
 * load generator shares the two cores with the server, and fetch (undici) unzipping every body cost more CPU per
 * request than the server spent answering it, so the clients measured their own queue (1,354 against 2,408 requests
 * a second, same server, same 20 s).
 */
const WARMUP_S = 10

function getTile(agent: Agent, url: string, cookie: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent, headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

async function tileLoad(baseUrl: string, cookie: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  const [w, s, e, n] = MEGACITY_BOX
  const times: number[] = []
  const warmTimes: number[] = [] // after the first WARMUP_S, when most tiles asked for have been made once
  let errors = 0
  let largest = { bytes: 0, url: '' }
  let count = 0
  const started = performance.now()
  const until = started + SECONDS * 1000
  let seed = 1
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < until) {
        const z = 12 + Math.floor(rand() * 5)
        const [x, y] = tileOf(w + rand() * (e - w), s + rand() * (n - s), z)
        const layer = (count + client) % 2 === 0 ? 'incidents' : 'lamps'
        const t = performance.now()
        try {
          const url = `${baseUrl}/api/tiles/${layer}/${z}/${x}/${y}.mvt`
          const { status, bytes } = await getTile(agent, url, cookie)
          if (status !== 200) errors++
          if (bytes > largest.bytes) largest = { bytes, url }
        } catch {
          errors++
        }
        times.push(performance.now() - t)
        if (t - started > WARMUP_S * 1000) warmTimes.push(performance.now() - t)
        count++
      }
    }),
  )
  agent.destroy()
  // the size target is the tile's own: the largest as sent, fetched again uncompressed
  const raw = largest.url ? (await (await fetch(largest.url, { headers: { cookie, 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength : 0
  return {
    requests: count,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    warmP99: quantile(warmTimes, 0.99),
    errors,
    largestKb: Math.round(raw / 1024),
    largestGzipKb: Math.round(largest.bytes / 1024),
  }
}

function importInto(dir: string, databaseUrl: string, profile: object) {
  const profileFile = join(dir, 'profile.json')
  writeFileSync(profileFile, JSON.stringify(profile))
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', tsx, join(root, 'server/cli/import.ts'), '--profile', profileFile], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8', maxBuffer: 64 << 20 })
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr.slice(-2000)}`)
  return performance.now() - started
}

/** The previous version's server in a git worktree sharing this checkout's node_modules, or why not. */
function previousVersion(dir: string): string | { reason: string } {
  const tree = join(dir, 'previous')
  try {
    execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', tree, BASELINE_REF], { stdio: 'ignore' })
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'))
    return tree
  } catch (err) {
    return { reason: `no worktree of ${BASELINE_REF}: ${(err as Error).message}` }
  }
}

const PERIOD = (() => {
  const to = new Date()
  const from = new Date(to.getTime() - 365 * 86_400_000)
  return `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`
})()
const ENDPOINTS = [
  { name: 'GET /api/hotspots?cell=grid-100 (12 months)', path: `/api/hotspots?cell=grid-100&${PERIOD}`, target: 500 },
  { name: 'GET /api/hotspots?cell=h3-10 (12 months)', path: `/api/hotspots?cell=h3-10&${PERIOD}`, target: 1500 },
  { name: 'GET /api/stats/incidents (12 months)', path: `/api/stats/incidents?${PERIOD}`, target: 300 },
  { name: 'GET /api/kpis?group=unit (12 months)', path: `/api/kpis?group=unit&${PERIOD}`, target: 300 },
]

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}`)
console.log(`sizes: ${LAMPS.toLocaleString('en-US')} lamps, ${INCIDENTS.toLocaleString('en-US')} incidents; tiles: ${CLIENTS} clients × ${SECONDS} s`)
const dir = mkdtempSync(join(tmpdir(), 'gridwatch-load-'))
let cluster: Cluster | undefined
try {
  const files = STORES.length === 1 && STORES[0] === 'sqlite' && PREBUILT_SQLITE ? { lampsCsv: '', callsCsv: '' } : await writeMegacityFiles(dir, { lamps: LAMPS, incidents: INCIDENTS })
  const baselineTimes = new Map<string, number>()
  for (const kind of STORES) {
    let databaseUrl = `file:${SQLITE_FILE ?? join(dir, 'megacity.db')}`
    if (kind === 'postgres') {
      const found = findPostgres()
      if ('reason' in found) {
        console.log(`\npostgres: skipped (${found.reason})`)
        continue
      }
      cluster = await startCluster(found.bin)
      const admin = new pg.Client({ connectionString: cluster.url })
      await admin.connect()
      await admin.query('CREATE DATABASE megacity')
      await admin.end()
      databaseUrl = cluster.url.replace(/\/postgres$/, '/megacity')
    }
    console.log(`\n== ${kind} ==`)
    if (kind === 'sqlite' && PREBUILT_SQLITE) {
      databaseUrl = `file:${PREBUILT_SQLITE}`
      console.log(`database: ${PREBUILT_SQLITE} as it is (LOAD_SQLITE_FILE)`)
    } else {
      const importMs = importInto(dir, databaseUrl, megacityProfile(files))
      console.log(`import (streets, lamps, incidents): ${(importMs / 1000).toFixed(1)} s`)
    }

    const server = await startServer(root, databaseUrl)
    console.log(`server start on the megacity database: ${ms(server.startMs)} (target ≤ 15 s)`)
    // The district model (place index, incident index, lighting) is built in the background after start.
    const ready = await server.waitForLog(/district model ready in (\d+) ms/, 180_000)
    console.log(ready ? `district model built in the background: ${ms(Number(ready[1]))} after start` : 'district model: not ready after 180 s')
    // Then the tiles every map opens on are made ahead (zooms 10–16, in the background); measured after, as a
    // server that has been up a minute is what users meet.
    const tilesAhead = await server.waitForLog(/(\d+) incident and lamp tiles \(zooms 10–16\) made ahead in (\d+) ms/, 180_000)
    console.log(tilesAhead ? `tiles made ahead after that: ${tilesAhead[1]} in ${ms(Number(tilesAhead[2]))}` : 'tiles made ahead: not done after 180 s')
    const warmRss = server.rssMb()
    console.log(`server memory with the model built: ${warmRss.rss} MB resident`)
    const leader = await signIn(server.baseUrl, 'leader')
    const admin = await signIn(server.baseUrl, 'admin')
    // the previous version, on the same SQLite file, for the ratios
    let previous: Server | undefined
    let previousCookie = ''
    if (kind === 'sqlite' && BASELINE_REF !== 'none') {
      const tree = previousVersion(dir)
      if (typeof tree === 'string') {
        previous = await startServer(tree, databaseUrl)
        previousCookie = await signIn(previous.baseUrl, 'leader')
        console.log(`previous version (${BASELINE_REF}) started in ${ms(previous.startMs)}`)
      } else console.log(`previous version: ${tree.reason}`)
    }
    for (const e of ENDPOINTS) {
      const now = await timeGet(server.baseUrl, e.path, leader)
      let ratio = ''
      if (previous) {
        const before = await timeGet(previous.baseUrl, e.path, previousCookie, 2).catch((err: unknown) => ({ failed: previous!.child.exitCode !== null || previous!.child.signalCode !== null ? `the previous server died (${previous!.child.signalCode ?? `exit ${previous!.child.exitCode}`}): ${previous!.lastLog()}` : String(err) }))
        if ('failed' in before) ratio = `; previous version: no answer — ${before.failed}`
        else {
          baselineTimes.set(e.name, before.median)
          ratio = `; previous version ${ms(before.median)} (${before.status}) → ${(before.median / now.median).toFixed(1)}× faster`
        }
      } else if (baselineTimes.has(e.name)) ratio = `; previous version on SQLite ${ms(baselineTimes.get(e.name)!)}`
      console.log(`${e.name}: median ${ms(now.median)} (first ${ms(now.first)}), ${now.status}, ${Math.round(now.bytes / 1024)} KB; target ≤ ${ms(e.target)}${ratio}`)
    }
    if (previous) {
      const rss = previous.rssMb()
      console.log(Number.isNaN(rss.rss) ? `previous version: no longer running (${previous.lastLog()})` : `previous version memory after these requests: ${rss.rss} MB resident (peak ${rss.peak} MB)`)
      await previous.stop()
      previous = undefined
    }
    const repairs = await lampRepairs(server.baseUrl, admin)
    console.log(`PATCH /api/lamps/:id (${repairs.n} repairs one after another): p50 ${ms(repairs.p50)}, p99 ${ms(repairs.p99)} (target p99 ≤ 20 ms), slowest ${ms(repairs.max)}, the first ${ms(repairs.first)}`)
    // warm: the lighting state the detail lamp tiles read is built by the first request that needs it (once per start)
    await fetch(`${server.baseUrl}/api/coverage`, { headers: { cookie: leader } }).then((r) => r.arrayBuffer())
    const tiles = await tileLoad(server.baseUrl, leader)
    console.log(`tiles z12–16, incidents and lamps, ${CLIENTS} clients × ${SECONDS} s: ${tiles.requests.toLocaleString('en-US')} requests, p50 ${ms(tiles.p50)}, p99 ${ms(tiles.p99)}, ${tiles.errors} errors, largest ${tiles.largestKb} KB (${tiles.largestGzipKb} KB gzipped) (targets p99 ≤ 50 ms, ≤ 500 KB); after the first ${WARMUP_S} s (tiles made once) p99 ${ms(tiles.warmP99)}`)
    const rss = server.rssMb()
    console.log(`server memory: ${rss.rss} MB resident, peak ${rss.peak} MB (target ≤ 1,500 MB)`)
    const briefing = await monthBriefing(server.baseUrl, leader)
    console.log(`POST /api/briefings (30 days, whole city): ${ms(briefing.draftMs)}; its PDF preview: ${ms(briefing.pdfMs)}, ${briefing.kb.toLocaleString('en-US')} KB; memory after: ${server.rssMb().rss} MB`)
    await server.stop()
  }
} finally {
  cluster?.stop()
  if (existsSync(join(dir, 'previous'))) spawnSync('git', ['-C', root, 'worktree', 'remove', '--force', join(dir, 'previous')])
  rmSync(dir, { recursive: true, force: true })
}
