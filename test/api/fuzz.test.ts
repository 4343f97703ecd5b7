// Route-driven fuzzing, so that no malformed request can crash the server or slip a bad row into the store: every route the app registers gets malformed path parameters, query values,
// JSON fields, bodies, content types, multipart uploads and If-Match headers, one at a time on top of a valid
// request. Whatever comes in, the answer is never a 5xx; a 4xx is problem+json with a titled code and the same
// status (Open311's spec-format errors excepted); and a refused write stores nothing. The fields fuzzed are read from
// each route's own zod schemas (validate() keeps them), so a new field is fuzzed without touching this file; a new
// route fails the suite until it has an entry in ROUTES (fuzz-routes.ts).
//
// Random inputs come from a seeded PRNG: the seed is printed, and FUZZ_SEED=<n> repeats a run.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { problemTitle } from '../../server/http/problem.ts'
import { createRandom } from './fuzz-inputs.ts'
import { createFixture } from './fuzz-fixture.ts'
import { WRITE_METHODS, buildProbes, checkResponse } from './fuzz-probes.ts'
import { ROUTES, type RouteSpec } from './fuzz-routes.ts'
import { createTestApp } from './helpers.ts'
import { findControlCharacters, snapshotStore } from './store-snapshot.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_101)

const stats = { requests: 0, startedMs: performance.now() }

async function fuzzRoute(key: string, spec: RouteSpec): Promise<{ failures: string[]; requests: number }> {
  const [method, template] = key.split(' ') as [string, string]
  const f = await createFixture()
  const random = createRandom(SEED ^ [...key].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7))
  const probes = buildProbes(f.app, method, template, spec, f.ids, random)
  const cookie = await f.cookie(spec.who)
  const isWrite = WRITE_METHODS.has(method)
  const failures: string[] = []
  const before = await snapshotStore(f.store, f.photoDir)
  let current = before
  for (const probe of probes) {
    const query = probe.rawQuery ?? new URLSearchParams(probe.query).toString()
    const url = query.length > 0 ? `${probe.path}?${query}` : probe.path
    const sent = probe.cookie ?? cookie
    const headers: Record<string, string> = { ...probe.headers, ...(sent ? { cookie: sent } : {}) }
    if (spec.ifMatch && probe.ifMatch !== null) {
      const etag = probe.ifMatch ?? (await f.app.request(spec.ifMatch(f.ids), { headers: cookie ? { cookie } : {} })).headers.get('etag')
      if (etag !== null) headers['if-match'] = etag
    }
    const res = await f.app.request(url, { method, headers, body: probe.body })
    stats.requests++
    const where = `${key} [${probe.label}]`
    const problem = await checkResponse(res.clone(), spec)
    if (problem) failures.push(`${where}: ${problem}`)
    // Every variant changes one part of this request, so it must itself succeed: otherwise the variants would only
    // exercise the refusal of whatever makes it fail.
    if (probe.label === 'valid request' && (res.status < 200 || res.status > 299)) failures.push(`${where}: the valid request got ${res.status}: ${(await res.clone().text()).slice(0, 200)}`)
    if (isWrite) {
      const after = await snapshotStore(f.store, f.photoDir)
      if (res.status >= 400 && after.hash !== current.hash) failures.push(`${where}: refused with ${res.status} but the store changed`)
      current = after
    }
  }
  if (!isWrite) {
    const after = await snapshotStore(f.store, f.photoDir)
    if (after.hash !== before.hash) failures.push(`${key}: a read changed the store`)
  }
  for (const path of findControlCharacters(current.rows)) failures.push(`${key}: stored a control character at ${path}`)
  return { failures, requests: probes.length }
}

describe(`route fuzzing (seed ${SEED}; FUZZ_SEED=<n> to change)`, () => {
  afterAll(() => {
    console.log(`[fuzz] seed ${SEED}: ${stats.requests} requests in ${((performance.now() - stats.startedMs) / 1000).toFixed(1)} s`)
  })

  test('every registered route has an entry in the fuzz table, and every entry is a registered route', async () => {
    const { app } = await createTestApp()
    const registered = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort()
    expect(registered.filter((r) => !(r in ROUTES)), 'routes missing from ROUTES in fuzz-routes.ts').toEqual([])
    expect(Object.keys(ROUTES).filter((r) => !registered.includes(r)), 'ROUTES entries that are no longer routes').toEqual([])
    // Catch-alls are middleware ('/*', '/api/*') or the API's 404; any other would be a route this table misses.
    expect([...new Set(app.routes.filter((r) => r.method === 'ALL').map((r) => r.path))].sort()).toEqual(['/*', '/api/*'])
  })

  test.each(Object.keys(ROUTES))('%s: malformed input is refused as problem+json and stores nothing', async (key) => {
    const { failures, requests } = await fuzzRoute(key, ROUTES[key]!)
    expect(requests).toBeGreaterThan(0)
    expect(failures.slice(0, 40), `${failures.length} failure(s), seed ${SEED}`).toEqual([])
  }, 120_000)

  test('every method on an unknown API path is a 404 problem, even behind the web app\'s fallback', async () => {
    const { app } = await createTestApp()
    // What server/main.ts adds after the API when a web build exists: index.html for every other GET.
    app.get('*', (c) => c.html('<!doctype html><title>Gridwatch</title>'))
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      for (const path of ['/api/does-not-exist', '/api/streets/%2e%2e', '/api/lamps/%2e%2e/x', '/api', '/api/', '/api/cases/x/y/z', '/api/%00']) {
        const res = await app.request(path, { method })
        stats.requests++
        expect(res.status, `${method} ${path}`).toBe(404)
        expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/)
        expect(((await res.json()) as { code: string }).code).toBe('not-found')
      }
    }
  })

  test('every problem code the server can raise has a title', () => {
    const root = fileURLToPath(new URL('../../server/', import.meta.url))
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.ts') && !p.endsWith('.test.ts'))
    const codes = new Set<string>()
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8')
      for (const m of text.matchAll(/(?:ProblemError|HotspotRefusalError)\(\s*(?:\d+,\s*)?'([a-z0-9-]+)'/g)) codes.add(m[1]!)
    }
    expect(codes.size).toBeGreaterThan(10)
    expect([...codes].filter((code) => problemTitle(code) === undefined)).toEqual([])
  })
})
