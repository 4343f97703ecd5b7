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

describe('touching a place', () => {
  const west: [number, number, number, number] = [104.0, 30.6, 104.01, 30.61]
  const east: [number, number, number, number] = [104.02, 30.6, 104.03, 30.61]
  const pointIn = ([w, s, e, n]: number[]): [number, number, number, number] => [(w! + e!) / 2, (s! + n!) / 2, (w! + e!) / 2, (s! + n!) / 2]

  test('drops the kept tiles whose area holds the place, and keeps the rest of the layer and other layers', async () => {
    const cache = new TileCache()
    let made = 0
    const make = (n: number) => async () => (made++, tile(n))
    await cache.get('lamps', 'west', make(1), west)
    await cache.get('lamps', 'east', make(2), east)
    await cache.get('incidents', 'west', make(3), west)
    cache.touch('lamps', [pointIn(west)])
    expect((await cache.get('lamps', 'west', make(4), west)).etag).toBe('"4"')
    expect((await cache.get('lamps', 'east', make(5), east)).etag).toBe('"2"')
    expect((await cache.get('incidents', 'west', make(6), west)).etag).toBe('"3"')
    expect(made).toBe(4)
    // a place on the shared edge of two tiles touches both (a tile's area includes its buffer)
    cache.touch('lamps', [[104.01, 30.605, 104.02, 30.605]])
    expect((await cache.get('lamps', 'west', make(7), west)).etag).toBe('"7"')
    expect((await cache.get('lamps', 'east', make(8), east)).etag).toBe('"8"')
  })

  test('a tile kept without an area is dropped by any touch of its layer', async () => {
    const cache = new TileCache()
    await cache.get('lamps', 'k', async () => tile(1))
    cache.touch('lamps', [pointIn(east)])
    expect((await cache.get('lamps', 'k', async () => tile(2))).etag).toBe('"2"')
  })

  test('a tile being made when its area is touched is not kept, and is not handed to a later request', async () => {
    const cache = new TileCache()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const first = cache.get('lamps', 'west', async () => (await gate, tile(1)), west)
    const other = cache.get('lamps', 'east', async () => (await gate, tile(2)), east)
    cache.touch('lamps', [pointIn(west)])
    const later = cache.get('lamps', 'west', async () => tile(3), west)
    release()
    expect((await first).etag).toBe('"1"') // the request it was made for gets it
    expect((await later).etag).toBe('"3"')
    await other
    expect((await cache.get('lamps', 'west', async () => tile(9), west)).etag).toBe('"3"')
    expect((await cache.get('lamps', 'east', async () => tile(9), east)).etag).toBe('"2"') // touched elsewhere: kept
  })

  test('a making that outlived the touches remembered is not kept', async () => {
    const cache = new TileCache()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const slow = cache.get('lamps', 'east', async () => (await gate, tile(1)), east)
    for (let i = 0; i < 300; i++) cache.touch('lamps', [pointIn(west)])
    release()
    await slow
    expect((await cache.get('lamps', 'east', async () => tile(2), east)).etag).toBe('"2"')
  })

  test('clearing drops tiles being made of a layer never bumped', async () => {
    const cache = new TileCache()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const slow = cache.get('streets', 'k', async () => (await gate, tile(1)), west)
    cache.clear()
    release()
    await slow
    expect((await cache.get('streets', 'k', async () => tile(2), west)).etag).toBe('"2"')
  })
})
