// What every API answer carries on the wire: gzip for a client that accepts it (and not for one that does not), an
// ETag and `private, no-cache` on successful GETs, and 304 with no body when the client already holds that version —
// also after the data changed back and forth, never when it is different.
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { acceptsGzip } from '../../server/http/compression.ts'
import { createTestApp, signIn } from './helpers.ts'

describe('compression and conditional GETs', () => {
  const LAYER = '/api/hotspots?cell=grid-100&band_m=250&from=2026-09-01&to=2026-11-01'

  test('a large JSON layer is gzipped for a client that accepts it, and decodes to the identity body', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const identity = await app.request(LAYER, { headers: { cookie, 'accept-encoding': 'identity' } })
    expect(identity.status).toBe(200)
    expect(identity.headers.get('content-encoding')).toBeNull()
    expect(identity.headers.get('vary')).toMatch(/accept-encoding/i)
    const plain = new Uint8Array(await identity.arrayBuffer())
    expect(plain.byteLength).toBeGreaterThan(20_000)

    const zipped = await app.request(LAYER, { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    const packed = new Uint8Array(await zipped.arrayBuffer())
    expect(Number(zipped.headers.get('content-length'))).toBe(packed.byteLength)
    expect(packed.byteLength).toBeLessThan(plain.byteLength / 3)
    expect(Buffer.compare(gunzipSync(packed), plain)).toBe(0)
    // One weak tag for the content, whichever encoding carries it.
    expect(identity.headers.get('etag')).toMatch(/^W\/"[0-9a-f]{40}"$/)
    expect(zipped.headers.get('etag')).toBe(identity.headers.get('etag'))
  })

  test('small answers, refused gzip and already-encoded tiles are sent as they are', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const small = await app.request('/api/session', { headers: { cookie, 'accept-encoding': 'gzip' } })
    expect(small.status).toBe(200)
    expect(small.headers.get('content-encoding')).toBeNull()
    const refused = await app.request('/api/streets', { headers: { cookie, 'accept-encoding': 'gzip;q=0, identity' } })
    expect(refused.headers.get('content-encoding')).toBeNull()
    expect(JSON.parse(await refused.text()).type).toBe('FeatureCollection')
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('br;q=1, *;q=0')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })

  test('a GET answered again with its ETag is 304 without a body, and 200 once the data changed', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'crew')
    const first = await app.request('/api/lamps', { headers: { cookie, 'accept-encoding': 'gzip' } })
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    const tag = first.headers.get('etag')!
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/)

    const again = await app.request('/api/lamps', { headers: { cookie, 'accept-encoding': 'gzip', 'if-none-match': tag } })
    expect(again.status).toBe(304)
    expect((await again.arrayBuffer()).byteLength).toBe(0)
    expect(again.headers.get('etag')).toBe(tag)

    // A lamp changes: the old tag no longer matches, so the client gets the new layer.
    const lamp = (JSON.parse(gunzipSync(new Uint8Array(await first.arrayBuffer())).toString()) as { features: { id: string; properties: { status: string } }[] }).features[0]!
    const one = await app.request(`/api/lamps/${lamp.id}`, { headers: { cookie } })
    const status = lamp.properties.status === 'ok' ? 'defective_lamp' : 'ok'
    const patched = await app.request(`/api/lamps/${lamp.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'if-match': one.headers.get('etag')! },
      body: JSON.stringify({ status }),
    })
    expect(patched.status).toBe(200)
    const changed = await app.request('/api/lamps', { headers: { cookie, 'accept-encoding': 'gzip', 'if-none-match': tag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(tag)
  })

  test("a record's version tag is for If-Match only: asking again with it still gets the whole answer", async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'dispatcher')
    const list = JSON.parse(gunzipSync(new Uint8Array(await (await app.request('/api/cases', { headers: { cookie, 'accept-encoding': 'gzip' } })).arrayBuffer())).toString()) as { items: { id: string }[] }
    const id = list.items[0]!.id
    const first = await app.request(`/api/cases/${id}`, { headers: { cookie } })
    const version = first.headers.get('etag')!
    expect(version).toMatch(/^"\d+"$/)
    const again = await app.request(`/api/cases/${id}`, { headers: { cookie, 'if-none-match': version } })
    expect(again.status).toBe(200)
    expect((await again.json()).id).toBe(id)
  })

  test('writes and failures carry no ETag to revalidate against', async () => {
    const { app } = await createTestApp()
    const cookie = await signIn(app, 'leader')
    const missing = await app.request('/api/cases/nope', { headers: { cookie } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('etag')).toBeNull()
  })
})
