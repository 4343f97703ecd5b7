import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { districtCalendar } from '../../server/domain/district-calendar.ts'
import { newTrackingNumber } from '../../server/domain/tracking-numbers.ts'
import { describe, expect, test } from 'vitest'
import { createTestApp, TEST_STORE_KIND } from './helpers.ts'

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

// ── GET requests to the letter, both formats; POST refusals ─────────────────────────────────────────────────────

const DAY_MS = 86_400_000
const TEST_ACTOR = { userId: null, username: 'test' }
type Store = Awaited<ReturnType<typeof createTestApp>>['store']
type TestApp = Awaited<ReturnType<typeof createTestApp>>['app']
type Row = { service_request_id: string; status: string; service_code: string; requested_datetime: string; description: string }

/** Stores a report straight into the store at `at`, bypassing every intake check (as an import or an old row would). */
async function storeReport(store: Store, at: Date, fields: { category?: string; description?: string; deadlineMs?: number } = {}) {
  const report = {
    category: fields.category ?? '0104',
    coordinates: [104.05, 30.66] as [number, number],
    description: fields.description ?? 'stored directly',
    source: 'api' as const,
    phone: null,
    lampId: null,
    zoneId: '001',
    streetId: null,
    unitId: null,
    deadlineMs: fields.deadlineMs ?? at.getTime() + 13 * 3_600_000,
    trackingNumber: newTrackingNumber(at, districtCalendar),
    status: 'reported' as const,
    repeatOf: null,
  }
  return store.createReport(report, TEST_ACTOR, at)
}

const xmlParser = new XMLParser({ parseTagValue: false, htmlEntities: true, isArray: (name) => name === 'request' || name === 'error' })

/** XML 1.0 §2.2 Char, written out here independently of the serialiser: what fast-xml-parser's validator does not check. */
function forbiddenXmlChars(xml: string): string[] {
  const bad: string[] = []
  for (const ch of xml) {
    const cp = ch.codePointAt(0) ?? 0
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000
    if (!ok) bad.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`)
  }
  return bad
}

function expectWellFormedXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true)
  expect(forbiddenXmlChars(xml)).toEqual([])
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
}

/** GET requests in either format, as rows; asserts the status and content type on the way. */
async function listRequests(app: TestApp, format: 'json' | 'xml', query: string): Promise<Row[]> {
  const res = await app.request(`/api/open311/v2/requests.${format}${query ? `?${query}` : ''}`)
  const text = await res.text()
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${text}`)
  if (format === 'json') {
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    return JSON.parse(text) as Row[]
  }
  expect(res.headers.get('content-type')).toMatch(/^text\/xml/)
  expectWellFormedXml(text)
  const doc = xmlParser.parse(text) as { service_requests: '' | { request?: Row[] } }
  return doc.service_requests === '' ? [] : (doc.service_requests.request ?? [])
}

/** A refused GET or POST: the status, the spec's error array (in either format), its description. */
async function expectOpen311Error(res: Response, format: 'json' | 'xml', status: number): Promise<string> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  let errors: { code: string | number; description: string }[]
  if (format === 'json') {
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    errors = JSON.parse(text) as typeof errors
  } else {
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/)
    expectWellFormedXml(text)
    errors = (xmlParser.parse(text) as { errors: { error: typeof errors } }).errors.error
  }
  expect(errors).toHaveLength(1)
  expect(Number(errors[0]?.code)).toBe(status)
  expect(errors[0]?.description.length).toBeGreaterThan(0)
  return errors[0]?.description ?? ''
}

const iso = (ms: number) => new Date(ms).toISOString()
const ids = (rows: readonly Row[]) => rows.map((r) => r.service_request_id)

describe.each(['json', 'xml'] as const)('Open311 GET requests (.%s)', (format) => {
  test('without filters lists the newest 1,000 of the last 90 days, newest first, including one posted a moment ago', async () => {
    const { app, store } = await createTestApp({ clock: () => NOW })
    const old = await storeReport(store, new Date(NOW.getTime() - 91 * DAY_MS))
    // 1,005 recent reports with early deadlines: an answer ordered by urgency would fill up with these.
    const batch: string[] = []
    for (let i = 0; i < 1005; i++) {
      const at = new Date(NOW.getTime() - DAY_MS - i * 60_000)
      batch.push((await storeReport(store, at, { deadlineMs: at.getTime() + 3_600_000 })).id)
    }
    const posted = await app.request('/api/open311/v2/requests.json', form({ service_code: '0104', lat: '30.6681', long: '104.0586', description: '刚刚上报' }))
    expect(posted.status).toBe(201)
    const [{ service_request_id: postedId } = { service_request_id: '' }] = (await posted.json()) as { service_request_id: string }[]

    const rows = await listRequests(app, format, '')
    expect(rows).toHaveLength(1000)
    expect(rows[0]?.service_request_id).toBe(postedId)
    expect(ids(rows).slice(1)).toEqual(batch.slice(0, 999))
    const times = rows.map((r) => Date.parse(r.requested_datetime))
    expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).toBe(true)
    expect(ids(rows)).not.toContain(old.id)
    expect(ids(rows)).not.toContain(batch.at(-1))
  })

  test('with only start_date covers the 90 days after it; with only end_date the 90 days before it', async () => {
    const { app, store } = await createTestApp({ clock: () => NOW })
    const a = await storeReport(store, new Date(NOW.getTime() - 100 * DAY_MS))
    const b = await storeReport(store, new Date(NOW.getTime() - 50 * DAY_MS))
    const c = await storeReport(store, new Date(NOW.getTime() - 5 * DAY_MS))
    const fromStart = ids(await listRequests(app, format, `start_date=${iso(NOW.getTime() - 101 * DAY_MS)}`))
    expect(fromStart).toContain(a.id)
    expect(fromStart).toContain(b.id)
    expect(fromStart).not.toContain(c.id) // 101 − 90 = 11 days ago is the window's end
    const toEnd = ids(await listRequests(app, format, `end_date=${iso(NOW.getTime() - 40 * DAY_MS)}`))
    expect(toEnd).toContain(a.id)
    expect(toEnd).toContain(b.id)
    expect(toEnd).not.toContain(c.id)
    const defaultWindow = ids(await listRequests(app, format, ''))
    expect(defaultWindow).not.toContain(a.id)
    expect(defaultWindow).toEqual(expect.arrayContaining([b.id, c.id]))
  })

  test('includes requests at exactly start_date and end_date, and none a millisecond outside', async () => {
    const { app, store } = await createTestApp({ clock: () => NOW })
    const t = NOW.getTime() - 3 * DAY_MS
    const at = await storeReport(store, new Date(t))
    expect(ids(await listRequests(app, format, `start_date=${iso(t)}&end_date=${iso(t)}`))).toEqual([at.id])
    expect(ids(await listRequests(app, format, `start_date=${iso(t + 1)}&end_date=${iso(t + DAY_MS)}`))).not.toContain(at.id)
    expect(ids(await listRequests(app, format, `start_date=${iso(t - DAY_MS)}&end_date=${iso(t - 1)}`))).not.toContain(at.id)
  })

  test('reads dates with an offset, and a space where an unencoded + arrived', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const encoded = ids(await listRequests(app, format, 'start_date=2026-10-03T19:00:00%2B08:00&end_date=2026-10-03T19:00:00%2B08:00'))
    expect(encoded).toEqual(['I0000002'])
    const unencoded = ids(await listRequests(app, format, 'start_date=2026-10-03T19:00:00+08:00&end_date=2026-10-03T11:00:00Z'))
    expect(unencoded).toEqual(['I0000002'])
  })

  test('takes status as one value or a comma list (or repeated), open meaning every unfinished stage', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const all = await listRequests(app, format, '')
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(['open', 'closed']))
    const open = await listRequests(app, format, 'status=open')
    expect(ids(open).sort()).toEqual(['I0000002', 'I0000003', 'I0000004'])
    const closed = await listRequests(app, format, 'status=closed')
    expect(ids(closed).sort()).toEqual(['I0000001', 'I0000005', 'I0000006']) // closed, and rejected (not a case)
    expect(ids(await listRequests(app, format, 'status=open,closed'))).toEqual(ids(all))
    expect(ids(await listRequests(app, format, 'status=closed%2Copen'))).toEqual(ids(all))
    expect(ids(await listRequests(app, format, 'status=open&status=closed'))).toEqual(ids(all))
    expect(await expectOpen311Error(await app.request(`/api/open311/v2/requests.${format}?status=open,pending`), format, 400)).toContain('status')
  })

  test('takes service_code as one value or a comma list, and refuses an unknown code', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const two = await listRequests(app, format, 'service_code=0501,0118')
    expect(ids(two).sort()).toEqual(['I0000001', 'I0000002', 'I0000003', 'I0000004'])
    expect(two.every((r) => ['0501', '0118'].includes(String(r.service_code)))).toBe(true)
    const combined = await listRequests(app, format, 'service_code=0501,0118&status=open')
    expect(ids(combined).sort()).toEqual(['I0000002', 'I0000003', 'I0000004'])
    expect(await expectOpen311Error(await app.request(`/api/open311/v2/requests.${format}?service_code=0501,9999`), format, 400)).toContain('9999')
  })

  test('takes service_request_id as a comma list that overrides every other parameter, newest first', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const rows = await listRequests(app, format, 'service_request_id=I0000002,I0000005,I9999999,I0000002&status=open&service_code=0501&start_date=not-a-date')
    expect(ids(rows)).toEqual(['I0000005', 'I0000002'])
  })

  test('accepts jurisdiction_id and ignores parameters it does not know', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const plain = ids(await listRequests(app, format, 'status=open'))
    expect(ids(await listRequests(app, format, 'status=open&jurisdiction_id=chengdu.gov.cn&page_size=5&extensions=true&api_key=x'))).toEqual(plain)
    expect(ids(await listRequests(app, format, 'status=&service_code='))).toEqual(ids(await listRequests(app, format, '')))
  })

  test.each([
    ['an impossible calendar date', 'start_date=2024-02-30T00:00:00Z&end_date=2024-03-05T00:00:00Z', 'start_date'],
    ['29 February of a common year', 'end_date=2026-02-29T00:00:00%2B08:00', 'end_date'],
    ['a date-time without a timezone', 'start_date=2026-10-01T00:00:00', 'start_date'],
    ['a bare date', 'end_date=2026-10-01', 'end_date'],
    ['hour 24', 'start_date=2026-10-01T24:00:00Z', 'start_date'],
    ['end_date before start_date', 'start_date=2026-10-02T00:00:00Z&end_date=2026-10-01T00:00:00Z', 'end_date must not be before start_date'],
    ['a span over 90 days', 'start_date=2026-07-01T00:00:00Z&end_date=2026-09-30T00:00:01Z', '90 days'],
  ])('refuses %s with 400 in the spec’s error format', async (_name, query, mentions) => {
    const { app } = await createTestApp({ clock: () => NOW })
    expect(await expectOpen311Error(await app.request(`/api/open311/v2/requests.${format}?${query}`), format, 400)).toContain(mentions)
  })
})

describe('Open311 XML stays well-formed whatever is stored', () => {
  // No lone surrogate here: SQLite stores UTF-8 and turns one into U+FFFD (open311-xml.test.ts covers it).
  const POISON = 'a\u0000b\u0001c\u0008d\u000be\u001ff & <g> "h" \u{1F600} i\uFFFEj\uFFFFk\r\nl\tm'
  const KEPT = 'abcdef & <g> "h" \u{1F600} ijk\r\nl\tm'

  test('drops the characters XML 1.0 forbids from a description stored with control characters, in every answer', async () => {
    const { app, store } = await createTestApp({ clock: () => NOW })
    const stored = await storeReport(store, new Date(NOW.getTime() - 60_000), { description: POISON })
    // The store really holds the raw characters, so this test does not pass just because intake cleaned them.
    // (PostgreSQL text cannot hold U+0000: that adapter drops it on the way in, the others stay)
    const kept = TEST_STORE_KIND === 'postgres' ? POISON.replaceAll('\u0000', '') : POISON
    expect((await store.case(stored.id))?.description).toBe(kept)
    for (const path of ['requests.xml', `requests.xml?service_request_id=${stored.id}`, `requests/${stored.id}.xml`]) {
      const res = await app.request(`/api/open311/v2/${path}`)
      const xml = await res.text()
      expect(res.status).toBe(200)
      expectWellFormedXml(xml)
      const doc = xmlParser.parse(xml) as { service_requests: { request: Row[] } }
      expect(doc.service_requests.request.find((r) => r.service_request_id === stored.id)?.description).toBe(KEPT)
    }
    // JSON escapes rather than drops: the consumer gets exactly what was stored.
    const [json] = (await (await app.request(`/api/open311/v2/requests/${stored.id}.json`)).json()) as Row[]
    expect(json?.description).toBe(kept)
  })

  test('discovery, services, a service definition and errors are well-formed XML', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    for (const path of ['discovery.xml', 'services.xml', 'services/0104.xml', 'services/9999.xml', 'requests/I9999999.xml', 'requests.xml?status=nope']) {
      expectWellFormedXml(await (await app.request(`/api/open311/v2/${path}`)).text())
    }
    const discovery = xmlParser.parse(await (await app.request('/api/open311/v2/discovery.xml')).text()) as { discovery: { endpoints: { endpoint: { formats: { format: string[] } } } } }
    expect(discovery.discovery.endpoints.endpoint.formats.format).toEqual(['application/json', 'text/xml'])
  })
})

describe('Open311 POST requests refuses what it cannot take, and stores nothing', () => {
  const incidents = async (store: Store) => (await store.info()).counts.incidents

  test.each([
    ['multipart without a boundary', 'multipart/form-data', 'service_code=0104&lat=30.66&long=104.05&description=x'],
    ['multipart cut short', 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="service_code"\r\n\r\n0104\r\n--XyZ\r\nContent-Disposition: form-da'],
    ['multipart that is not multipart at all', 'multipart/form-data; boundary=XyZ', '{"service_code":"0104"}'],
  ])('answers %s with 400 in the spec’s error format', async (_name, contentType, body) => {
    const { app, store } = await createTestApp({ clock: () => NOW })
    const before = await incidents(store)
    for (const format of ['json', 'xml'] as const) {
      const res = await app.request(`/api/open311/v2/requests.${format}`, { method: 'POST', headers: { 'content-type': contentType }, body })
      expect(await expectOpen311Error(res, format, 400)).toContain('form data')
    }
    expect(await incidents(store)).toBe(before)
  })

  test('takes well-formed multipart/form-data', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    const body = new FormData()
    for (const [k, v] of Object.entries({ service_code: '0104', lat: '30.6681', long: '104.0586', description: 'multipart' })) body.set(k, v)
    const res = await app.request('/api/open311/v2/requests.json', { method: 'POST', body })
    expect(res.status).toBe(201)
  })

  test.each([
    ['0, 30.69 (longitude missing)', '30.69', '0'],
    ['1.5 km north of the district', '30.6835', '104.05'],
    ['lat and long swapped into another valid place', '-30.66', '104.05'],
  ])('refuses a place %s with 400 outside-district', async (_name, lat, long) => {
    const { app, store } = await createTestApp({ clock: () => NOW })
    const before = await incidents(store)
    for (const format of ['json', 'xml'] as const) {
      const res = await app.request(`/api/open311/v2/requests.${format}`, form({ service_code: '0104', lat, long, description: 'far away' }))
      expect(await expectOpen311Error(res, format, 400)).toMatch(/^outside-district: /)
    }
    expect(await incidents(store)).toBe(before)
  })

  test('takes a place just outside the district’s box, within the 1 km margin', async () => {
    const { app } = await createTestApp({ clock: () => NOW })
    // The tiny district's north edge is 30.67; 0.0045° of latitude is about 500 m.
    const res = await app.request('/api/open311/v2/requests.json', form({ service_code: '0104', lat: '30.6745', long: '104.05', description: 'at the edge' }))
    expect(res.status).toBe(201)
  })
})
