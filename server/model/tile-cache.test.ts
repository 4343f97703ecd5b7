import { describe, expect, test } from 'vitest'
import { TileCache } from './tile-cache.ts'

const tile = (n: number) => ({ body: new Uint8Array(n), encoding: 'identity' as const, etag: `"${n}"` })

describe('the tile cache', () => {
  test('serves a kept tile until its layer is bumped, and only that layer', async () => {
    const cache = new TileCache()
    let made = 0
    const make = (n: number) => async () => (made++, tile(n))
    expect((await cache.get('lamps', '15/1/2', make(10))).etag).toBe('"10"')
    expect((await cache.get('lamps', '15/1/2', make(11))).etag).toBe('"10"')
    expect((await cache.get('incidents', '15/1/2', make(12))).etag).toBe('"12"')
    cache.bump('lamps')
    expect((await cache.get('lamps', '15/1/2', make(13))).etag).toBe('"13"')
    expect((await cache.get('incidents', '15/1/2', make(14))).etag).toBe('"12"')
    expect(made).toBe(3)
  })

  test('makes a tile asked for twice at once only once', async () => {
    const cache = new TileCache()
    let made = 0
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const make = async () => {
      made++
      await gate
      return tile(5)
    }
    const both = Promise.all([cache.get('incidents', 'k', make), cache.get('incidents', 'k', make)])
    release()
    expect((await both).map((t) => t.etag)).toEqual(['"5"', '"5"'])
    expect(made).toBe(1)
  })

  test('does not keep a tile that went stale while it was being made', async () => {
    const cache = new TileCache()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const first = cache.get('lamps', 'k', async () => (await gate, tile(1)))
    cache.bump('lamps')
    release()
    await first
    expect((await cache.get('lamps', 'k', async () => tile(2))).etag).toBe('"2"')
  })

  test('stays within its byte budget, dropping the least recently used', async () => {
    const cache = new TileCache(25)
    for (const k of ['a', 'b']) await cache.get('x', k, async () => tile(10))
    await cache.get('x', 'a', async () => tile(99)) // a used again: b is now the oldest
    await cache.get('x', 'c', async () => tile(10))
    expect((await cache.get('x', 'a', async () => tile(1))).body.length).toBe(10)
    expect((await cache.get('x', 'b', async () => tile(1))).body.length).toBe(1)
  })
})
