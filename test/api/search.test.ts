// GET /api/search over the demo district: streets, junctions, and cases for staff who may read them.
import { describe, expect, test } from 'vitest'
import { createTestApp, expectProblemResponse, getJson, signIn } from './helpers.ts'

interface Hit {
  kind: 'street' | 'intersection' | 'case' | 'lamp'
  id: string
  name: string
  center: [number, number]
  names?: string[]
  street_ids?: string[]
}
type Answer = { query: string; results: Hit[] }

describe('GET /api/search', () => {
  test('finds a street of the demo district by part of its name, and a junction by "A × B"', async () => {
    const { app, store } = await createTestApp()
    // a real junction of two named streets in the district, and one of its streets
    const junction = (await store.intersections({})).find((i) => i.names.length >= 2)
    expect(junction).toBeDefined()
    const [a, b] = junction!.names
    const streets = await getJson<Answer>(app, `/api/search?q=${encodeURIComponent(a!)}`)
    expect(streets.res.status).toBe(200)
    expect(streets.body.results[0]).toMatchObject({ kind: 'street', name: a })
    const [lon, lat] = streets.body.results[0]!.center
    expect(lon).toBeGreaterThan(103.9)
    expect(lat).toBeGreaterThan(30.5)
    const crossing = await getJson<Answer>(app, `/api/search?q=${encodeURIComponent(`${a} × ${b}`)}`)
    expect(crossing.body.results.length).toBeGreaterThan(0)
    const hit = crossing.body.results[0]!
    expect(hit.kind).toBe('intersection')
    expect(hit.names).toEqual(expect.arrayContaining([a, b]))
  })

  test('a case number finds the case for staff who may read it, and nothing for a visitor', async () => {
    const { app, store } = await createTestApp()
    const dispatcher = await signIn(app, 'dispatcher')
    const list = await getJson<{ items: { id: string }[] }>(app, '/api/cases?limit=1', dispatcher)
    const id = list.body.items[0]?.id
    expect(id).toMatch(/^I\d{7}$/)
    const staff = await getJson<Answer>(app, `/api/search?q=${id!.toLowerCase()}`, dispatcher)
    expect(staff.body.results[0]).toMatchObject({ kind: 'case', id })
    // a lamp by its pole number, for staff too
    const lampId = (await store.lampPoints()).ids[0]
    expect(lampId).toMatch(/^L\d+$/)
    expect((await getJson<Answer>(app, `/api/search?q=${lampId!.toLowerCase()}`, dispatcher)).body.results[0]).toMatchObject({ kind: 'lamp', id: lampId })
    expect((await getJson<Answer>(app, `/api/search?q=${lampId}`)).body.results.filter((r) => r.kind === 'lamp')).toEqual([])
    const visitor = await getJson<Answer>(app, `/api/search?q=${id}`)
    expect(visitor.res.status).toBe(200)
    expect(visitor.body.results.filter((r) => r.kind === 'case')).toEqual([])
  })

  test('refuses an empty or overlong query with a problem', async () => {
    const { app } = await createTestApp()
    await expectProblemResponse(await app.request('/api/search?q=%20'), 400, 'invalid-query')
    await expectProblemResponse(await app.request(`/api/search?q=${'路'.repeat(101)}`), 400, 'invalid-query')
    await expectProblemResponse(await app.request('/api/search?q=a&limit=99'), 400, 'invalid-query')
  })
})
