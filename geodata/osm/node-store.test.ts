import { describe, expect, test } from 'vitest'
import { NodeStore } from './node-store.ts'

function storeOf(nodes: readonly (readonly [number, number, number])[]): NodeStore {
  const store = new NodeStore()
  for (const [id, lng, lat] of nodes) store.add(id, lng, lat)
  store.seal()
  return store
}

describe('NodeStore', () => {
  test('finds nodes added in id order by binary search, and reports absent ids as -1', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => 1_000_000_000 + i * 3) // past 2^32 when ×5, kept exact
    const store = storeOf(ids.map((id, i) => [id * 5, 104 + i * 1e-7, 30.6 - i * 1e-7] as const))
    expect(store.size).toBe(50_000)
    const i = store.indexOf(ids[12_345]! * 5)
    expect([store.id(i), store.lng(i), store.lat(i)]).toEqual([ids[12_345]! * 5, 104 + 12_345 * 1e-7, 30.6 - 12_345 * 1e-7])
    expect(store.indexOf(ids[12_345]! * 5 + 1)).toBe(-1)
    expect(store.indexOf(0)).toBe(-1)
  })

  test('sorts nodes added out of order, keeping the last copy of a repeated id', () => {
    const store = storeOf([[30, 3, 3], [10, 1, 1], [20, 0, 0], [20, 2, 2], [5, 0.5, 0.5]])
    expect(store.size).toBe(4)
    expect([5, 10, 20, 30].map((id) => store.indexOf(id))).toEqual([0, 1, 2, 3])
    expect([store.lng(2), store.lat(2)]).toEqual([2, 2])
  })

  test('refuses nodes after sealing and lookups before it', () => {
    const store = new NodeStore()
    store.add(1, 104, 30)
    expect(() => store.indexOf(1)).toThrow(/before seal/)
    store.seal()
    expect(() => store.add(2, 104, 30)).toThrow(/after the first way/)
  })
})
