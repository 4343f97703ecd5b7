import { describe, expect, test } from 'vitest'
import { createTestApp } from './helpers.ts'

const NOW = new Date('2026-11-01T10:00:00+08:00')

function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }
}

describe('Open311 GeoReport v2', () => {
  test('discovery and the service list name our categories', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const discovery = (await (await app.request('/api/open311/v2/discovery.json')).json()) as { endpoints: { specification: string; formats: string[] }[] }
    expect(discovery.endpoints[0]?.specification).toBe('http://wiki.open311.org/GeoReport_v2')
    expect(discovery.endpoints[0]?.formats).toEqual(['application/json', 'text/xml'])
    const services = (await (await app.request('/api/open311/v2/services.json')).json()) as { service_code: string; type: string; group: string }[]
    expect(services.map((s) => s.service_code)).toContain('0501')
    expect(services.find((s) => s.service_code === '0118')?.group).toContain('公用设施')
    expect(services.every((s) => s.type === 'realtime')).toBe(true)
    const definition = (await (await app.request('/api/open311/v2/services/0104.json')).json()) as { service_code: string; attributes: unknown[] }
    expect(definition).toEqual({ service_code: '0104', attributes: [] })
  })

  test('a form-encoded request becomes a case that GET requests/{id} describes in the spec’s fields', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const res = await app.request('/api/open311/v2/requests.json', form({ service_code: '0104', lat: '30.6681', long: '104.0586', description: '巷子里很脏', phone: '13800000000' }))
    expect(res.status).toBe(201)
    const [created] = (await res.json()) as { service_request_id: string; account_id: null }[]
    expect(created?.service_request_id).toMatch(/^I\d{7}$/)
    const got = await app.request(`/api/open311/v2/requests/${created?.service_request_id}.json`)
    const [request] = (await got.json()) as Record<string, unknown>[]
    expect(request).toMatchObject({ service_request_id: created?.service_request_id, status: 'open', service_code: '0104', lat: 30.6681, long: 104.0586, description: '巷子里很脏' })
    expect(String(request?.agency_responsible)).toContain('办事处')
    expect(Date.parse(String(request?.expected_datetime)) - NOW.getTime()).toBe(13 * 3_600_000)
    expect(JSON.stringify(request)).not.toContain('13800000000')
  })

  test('answers in XML for the .xml suffix', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const res = await app.request('/api/open311/v2/requests/I0000001.xml')
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/)
    const xml = await res.text()
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><service_requests><request><service_request_id>I0000001<\/service_request_id><status>closed<\/status>/)
  })

  test('lists requests of a period and filters by status and service code', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const open = (await (await app.request('/api/open311/v2/requests.json?start_date=2026-09-01T00:00:00%2B08:00&end_date=2026-11-01T00:00:00%2B08:00&status=open')).json()) as { status: string }[]
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((r) => r.status === 'open')).toBe(true)
    const vending = (await (await app.request('/api/open311/v2/requests.json?service_code=0501&start_date=2026-09-01T00:00:00Z&end_date=2026-11-01T00:00:00Z')).json()) as { service_code: string }[]
    expect(vending.map((r) => r.service_code)).toEqual(['0501', '0501'])
  })

  test('errors are the spec’s array of { code, description }', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const missing = await app.request('/api/open311/v2/requests.json', form({ service_code: '0104', description: 'x' }))
    expect(missing.status).toBe(400)
    const body = (await missing.json()) as { code: number; description: string }[]
    expect(body[0]?.code).toBe(400)
    expect(body[0]?.description).toContain('lat')
    const span = await app.request('/api/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z')
    expect(span.status).toBe(400)
    expect((await app.request('/api/open311/v2/requests/I9999999.json')).status).toBe(404)
    expect((await app.request('/api/open311/v2/services/9999.json')).status).toBe(404)
    const badCode = await app.request('/api/open311/v2/requests.json', form({ service_code: '9999', lat: '30.66', long: '104.05', description: 'x' }))
    expect(badCode.status).toBe(400)
  })
})
