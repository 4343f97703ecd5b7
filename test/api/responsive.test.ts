// Heavy analysis never blocks the server: while the heaviest hotspot requests the caps allow run on the
// analysis pool, health checks and layer reads still answer at once; oversized requests are refused before any work;
// a full pool and a task over its time budget answer 503 with Retry-After.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createAnalysisPool } from '../../server/workers/analysis-pool.ts'
import { type RunningServer, startServerProcess } from '../server-process.ts'
import { freshPostgresDatabase } from '../postgres/test-database.ts'
import { cookieFrom, createTestApp, expectProblemResponse, signIn, TEST_STORE_KIND } from './helpers.ts'

// Under this, a request did not wait for anyone's analysis: an idle /api/health answers in a few milliseconds, and the
// blocked event loop this guards against held it for seconds (54 s behind h3-11 at band 5000 m on the Chengdu demo).
// 250 rather than 100: on the 2-core CI machine the whole suite runs beside it, and 106 ms was seen there with the
// loop free — still twenty times below what a blocked loop shows.
const RESPONSIVE_MS = 250
// The heaviest Gi* the caps allow on the Chengdu demo: 33,844 H3 res-11 cells with a 1000 m band (≈ 47 M of the
// 50 M cell pairs allowed), over one month so the store read before it stays short.
const MONTH_MS = 30 * 86_400_000

/** server/main.ts on a fresh database (seeded with the Chengdu demo) on a port the OS picks. */
// on the adapter this run of the API suites checks (test/api/helpers.ts)
const startServer = async () =>
  startServerProcess({ tempPrefix: 'gridwatch-responsive-', timeoutMs: 120_000, ...(TEST_STORE_KIND === 'postgres' ? { databaseUrl: await freshPostgresDatabase() } : {}) })

/** Milliseconds until the whole response to GET `path` has arrived, and its status. */
async function timeGet(baseUrl: string, path: string, cookie: string): Promise<{ ms: number; status: number }> {
  const started = performance.now()
  const res = await fetch(baseUrl + path, { headers: { cookie } })
  await res.arrayBuffer()
  return { ms: performance.now() - started, status: res.status }
}

/**
 * GETs `urls` at once from a separate Node process, as another user's browser would, and reports each status and body
 * size: taking in 15 MB of GeoJSON here would stall this process's event loop and blur the timing of the requests
 * measured beside it. Bodies are counted as they stream, uncompressed.
 */
function fetchInOtherProcess(urls: string[], cookie: string): { sent: Promise<void>; done: Promise<{ status: number; bytes: number }[]> } {
  const script = `
    const [urls, cookie] = JSON.parse(process.argv[1])
    const pending = Promise.all(urls.map(async (url) => {
      const res = await fetch(url, { headers: { cookie, 'accept-encoding': 'identity' } })
      let bytes = 0
      for await (const chunk of res.body) bytes += chunk.byteLength
      return { status: res.status, bytes }
    }))
    setTimeout(() => console.log('sent'), 20)
    console.log(JSON.stringify(await pending))`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([urls, cookie])], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let markSent = () => {}
  const sent = new Promise<void>((r) => (markSent = r))
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString()
    if (output.startsWith('sent')) markSent()
  })
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const done = new Promise((r) => child.once('exit', r)).then((code) => {
    markSent()
    if (code !== 0) throw new Error(`the fetching process failed (${String(code)}): ${output}`)
    return z.array(z.object({ status: z.number(), bytes: z.number() })).parse(JSON.parse(output.trim().split('\n').at(-1) ?? ''))
  })
  return { sent, done }
}

describe('a server over the Chengdu demo, while the heaviest allowed hotspot analyses run', () => {
  let server: RunningServer
  let cookie: string
  beforeAll(async () => {
    server = await startServer()
    const res = await fetch(`${server.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'crew', password: 'gridwatch-demo' }),
    })
    expect(res.status).toBe(200)
    cookie = cookieFrom(res)
  })
  afterAll(async () => {
    await server?.stop()
  })

  test(`answers health checks and layer reads in under ${RESPONSIVE_MS} ms`, { timeout: 120_000 }, async () => {
    // Warm up: the analysis worker starts, the street index is built, the layers are read once.
    expect((await timeGet(server.baseUrl, '/api/hotspots', cookie)).status).toBe(200)
    expect((await timeGet(server.baseUrl, '/api/zones', cookie)).status).toBe(200)

    const to = new Date()
    const from = new Date(to.getTime() - MONTH_MS)
    const period = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`
    let running = true
    const analyses = fetchInOtherProcess(
      [`/api/hotspots?cell=h3-11&band_m=1000&${period}`, `/api/hotspots/compare?cell=h3-11&band_m=1000&${period}`].map((path) => server.baseUrl + path),
      cookie,
    )
    void analyses.done.finally(() => {
      running = false
    })

    const samples: { path: string; ms: number; status: number }[] = []
    await analyses.sent
    // Past the requests' store reads (synchronous SQLite, tens of milliseconds each) into the analysis itself.
    await new Promise((r) => setTimeout(r, 200))
    while (running) {
      for (const path of ['/api/health', '/api/zones']) samples.push({ path, ...(await timeGet(server.baseUrl, path, cookie)) })
      await new Promise((r) => setTimeout(r, 50))
    }
    const [hotspots, compare] = await analyses.done
    if (!hotspots || !compare) throw new Error('the analyses did not answer')

    expect(hotspots).toMatchObject({ status: 200 })
    expect(hotspots.bytes).toBeGreaterThan(10_000_000) // every one of the ~34,000 res-11 cells: the real, heavy layer
    expect(compare).toMatchObject({ status: 200 })
    // A blocked event loop would allow one or two samples in all (each waiting out the analysis).
    const health = samples.filter((s) => s.path === '/api/health')
    const zones = samples.filter((s) => s.path === '/api/zones')
    expect(health.length).toBeGreaterThanOrEqual(5)
    expect(zones.length).toBeGreaterThanOrEqual(5)
    expect(samples.every((s) => s.status === 200)).toBe(true)
    expect(Math.max(...health.map((s) => s.ms)), JSON.stringify(samples.map((s) => Math.round(s.ms)))).toBeLessThan(RESPONSIVE_MS)
    expect(Math.max(...zones.map((s) => s.ms)), JSON.stringify(samples.map((s) => Math.round(s.ms)))).toBeLessThan(RESPONSIVE_MS)
  })

  test.each([
    ['hotspots', '/api/hotspots?cell=h3-11&band_m=5000'],
    ['compare', '/api/hotspots/compare?cell=h3-11&band_m=5000'],
  ])('refuses h3-11 with a 5000 m band (%s) as 422 too-many-pairs, naming the cap', async (_label, path) => {
    const res = await fetch(server.baseUrl + path, { headers: { cookie } })
    const body = await expectProblemResponse(res, 422, 'too-many-pairs')
    expect(body).toMatchObject({ cap: 'cells_x_neighbours', limit: 50_000_000 })
    expect((body as unknown as { requested: number }).requested).toBeGreaterThan(50_000_000)
    expect(body.detail).toContain('5000 m')
  })

  test('still allows h3-11 with the automatic band and grid-100 with the largest band', async () => {
    for (const path of ['/api/hotspots?cell=h3-11', '/api/hotspots?cell=grid-100&band_m=5000']) {
      expect((await timeGet(server.baseUrl, path, cookie)).status, path).toBe(200)
    }
  })
})

describe('caps and pool limits on an in-process app', () => {
  const clock = () => new Date('2026-11-01T00:00:00+08:00')

  test.each([
    ['/api/hotspots?from=2020-01-01&to=2026-01-01', 'the period'],
    ['/api/hotspots/compare?from=2026-01-01&to=2026-02-01&before_from=2020-01-01&before_to=2025-12-01', 'the earlier period'],
    ['/api/stats/incidents?from=2020-01-01&to=2026-01-01', 'the period'],
    ['/api/hotspots/intersections?from=2020-01-01&to=2026-01-01', 'the period'],
    ['/api/guidance-points/suggestions?from=2020-01-01&to=2026-01-01', 'the period'],
  ])('refuses %s as 422 period-too-long, naming the cap', async (path, which) => {
    const pool = createAnalysisPool({ workers: 1 })
    try {
      const { app } = await createTestApp({ clock, analysisPool: pool })
      const body = await expectProblemResponse(await app.request(path, { headers: { cookie: await signIn(app, 'leader') } }), 422, 'period-too-long')
      expect(body).toMatchObject({ cap: 'period_days', limit: 1096 })
      expect((body as unknown as { requested: number }).requested).toBeGreaterThan(1096)
      expect(body.detail).toContain(which)
      expect(pool.load.workers).toBe(0) // refused before any analysis
    } finally {
      await pool.close()
    }
  })

  test('answers 503 busy with Retry-After when every worker is taken and the queue is full', async () => {
    const pool = createAnalysisPool({ workers: 1, maxQueued: 1 })
    try {
      const { app } = await createTestApp({ clock, analysisPool: pool })
      const cookie = await signIn(app, 'leader')
      // The first takes the worker (still starting), the second waits, the third finds no room.
      const responses = await Promise.all([1, 2, 3].map(() => app.request('/api/hotspots?cell=h3-11', { headers: { cookie } })))
      const statuses = responses.map((r) => r.status).sort()
      expect(statuses).toEqual([200, 200, 503])
      const busy = responses.find((r) => r.status === 503)!
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0)
      await expectProblemResponse(busy, 503, 'busy')
    } finally {
      await pool.close()
    }
  })

  test('answers 503 analysis-timeout with Retry-After when the analysis runs past its budget, then serves again', async () => {
    const pool = createAnalysisPool({ workers: 1, budgetMs: 1 })
    try {
      const { app } = await createTestApp({ clock, analysisPool: pool })
      const cookie = await signIn(app, 'leader')
      const res = await app.request('/api/hotspots?cell=h3-11&band_m=2000', { headers: { cookie } })
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      const body = await expectProblemResponse(res, 503, 'analysis-timeout')
      expect(body.detail).toContain('budget')
      expect(pool.load.workers).toBe(0) // the runaway worker was ended
    } finally {
      await pool.close()
    }
  })
})
