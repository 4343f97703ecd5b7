import { cellToBoundary, cellToLatLng, getResolution, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import type { BBox, LngLat } from '../kernel/geo.ts'
import type { PointItem } from './cells.ts'
import { binIncidents, cellRing, createLocalProjection } from './cells.ts'

// A 2 km × 1.5 km study area in Chengdu (成都) around 104.08° E, 30.69° N.
const BBOX: BBox = [104.07, 30.685, 104.0909, 30.6985]

function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function randomItems(count: number, seed: number, bbox: BBox = BBOX): PointItem[] {
  const random = createRandom(seed)
  const [w, s, e, n] = bbox
  return Array.from({ length: count }, () => ({ coordinates: [w + random() * (e - w), s + random() * (n - s)] as [number, number] }))
}

/** Counts by calling latLngToCell on every item: the definition the fast path must reproduce. */
function countByLatLngToCell(ids: string[], items: readonly PointItem[], resolution: number): { counts: number[]; dropped: number } {
  const index = new Map(ids.map((id, i) => [id, i]))
  const counts = ids.map(() => 0)
  let dropped = 0
  for (const { coordinates: [lng, lat] } of items) {
    const k = index.get(latLngToCell(lat, lng, resolution))
    if (k === undefined) dropped++
    else counts[k]!++
  }
  return { counts, dropped }
}

function signedArea(ring: LngLat[]): number {
  let a = 0
  for (let i = 0; i < ring.length - 1; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1]
  return a / 2
}

describe('binIncidents into a square grid', () => {
  it('lays every 100 m cell over the bbox, row-major from the south-west, zero counts included', () => {
    const cells = binIncidents([], BBOX, { kind: 'grid', sizeMeters: 100 })
    const projection = createLocalProjection([BBOX[0], BBOX[1]])
    const width = (BBOX[2] - BBOX[0]) * projection.metersPerDegreeLng
    const height = (BBOX[3] - BBOX[1]) * projection.metersPerDegreeLat
    expect(cells.lattice).toMatchObject({ columns: Math.ceil(width / 100), rows: Math.ceil(height / 100), sizeMeters: 100, column0: 0, row0: 0 })
    expect(cells.ids).toHaveLength(cells.lattice!.columns * cells.lattice!.rows)
    expect(cells.ids[0]).toBe('g100:0:0')
    expect(cells.ids[1]).toBe('g100:1:0')
    expect(cells.ids[cells.lattice!.columns]).toBe('g100:0:1')
    expect([...cells.counts].every((c) => c === 0)).toBe(true)
    expect(cells.x[0]).toBe(50)
    expect(cells.y[cells.lattice!.columns]).toBe(150)
    expect(cells.dropped).toBe(0)
  })

  it('counts each item in the cell containing it and drops items outside every cell', () => {
    const cells0 = binIncidents([], BBOX, { kind: 'grid' })
    const p = cells0.projection
    const at = (x: number, y: number): PointItem => ({ coordinates: [p.origin[0] + x / p.metersPerDegreeLng, p.origin[1] + y / p.metersPerDegreeLat] })
    const items = [at(10, 10), at(99, 99), at(150, 20), at(150, 20), at(50, 250), at(-5, 50), at(50, 1e6), { coordinates: [Number.NaN, 30.69] as [number, number] }]
    const cells = binIncidents(items, BBOX, { kind: 'grid' })
    const columns = cells.lattice!.columns
    expect(cells.counts[0]).toBe(2)
    expect(cells.counts[1]).toBe(2) // duplicates both count
    expect(cells.counts[2 * columns]).toBe(1)
    expect(cells.dropped).toBe(3)
    expect([...cells.counts].reduce((a, b) => a + b, 0)).toBe(5)
  })

  it('counts items on the bbox corners', () => {
    const corners: PointItem[] = [{ coordinates: [BBOX[0], BBOX[1]] }, { coordinates: [BBOX[2], BBOX[3]] }, { coordinates: [BBOX[0], BBOX[3]] }, { coordinates: [BBOX[2], BBOX[1]] }]
    expect(binIncidents(corners, BBOX, { kind: 'grid' }).dropped).toBe(0)
  })

  it('derives ids and cells from the given origin, so two bboxes share the cells they overlap', () => {
    const origin: LngLat = [104.0, 30.6]
    const a = binIncidents([], BBOX, { kind: 'grid', sizeMeters: 250, origin })
    const b = binIncidents([], [BBOX[0] + 0.005, BBOX[1] + 0.003, BBOX[2] + 0.01, BBOX[3]], { kind: 'grid', sizeMeters: 250, origin })
    const shared = a.ids.filter((id) => b.ids.includes(id))
    expect(shared.length).toBeGreaterThan(10)
    const id = shared[3]!
    expect(cellRing(a, a.ids.indexOf(id))).toEqual(cellRing(b, b.ids.indexOf(id)))
    expect(id).toMatch(/^g250:\d+:\d+$/)
  })

  it('gives closed counter-clockwise square rings of the cell size', () => {
    const cells = binIncidents([], BBOX, { kind: 'grid', sizeMeters: 100 })
    const ring = cellRing(cells, 7)
    expect(ring).toHaveLength(5)
    expect(ring[4]).toEqual(ring[0])
    expect(signedArea(ring)).toBeGreaterThan(0)
    const p = cells.projection
    expect((ring[1]![0] - ring[0]![0]) * p.metersPerDegreeLng).toBeCloseTo(100, 9)
    expect((ring[3]![1] - ring[0]![1]) * p.metersPerDegreeLat).toBeCloseTo(100, 9)
  })
})

describe('binIncidents into H3 cells', () => {
  it('takes every resolution-10 cell whose centre is in the bbox, sorted, zero counts included', () => {
    const cells = binIncidents([], BBOX, { kind: 'h3' })
    expect(cells.resolution).toBe(10)
    expect(cells.ids.length).toBeGreaterThan(150) // 3 km² / 0.015 km²
    expect(cells.ids).toEqual([...cells.ids].sort())
    for (const id of cells.ids) {
      const [lat, lng] = cellToLatLng(id)
      expect(getResolution(id)).toBe(10)
      expect(lng >= BBOX[0] && lng <= BBOX[2] && lat >= BBOX[1] && lat <= BBOX[3]).toBe(true)
    }
    expect([...cells.counts].every((c) => c === 0)).toBe(true)
  })

  for (const resolution of [9, 10, 11] as const) {
    it(`counts exactly as latLngToCell does at resolution ${resolution}, including points on and next to cell edges`, () => {
      const scatter = randomItems(30_000, resolution, [BBOX[0] - 0.002, BBOX[1] - 0.002, BBOX[2] + 0.002, BBOX[3] + 0.002])
      const cells0 = binIncidents([], BBOX, { kind: 'h3', resolution })
      // Vertices and edge midpoints of every study cell, shifted by less than, about, and more than the 5 cm margin.
      const random = createRandom(resolution * 31)
      const edgy: PointItem[] = []
      for (const id of cells0.ids) {
        const ring = cellToBoundary(id, true)
        for (let v = 0; v < ring.length - 1; v++) {
          const [x0, y0] = ring[v]!
          const [x1, y1] = ring[v + 1]!
          for (const t of [0, 0.5, random()]) {
            for (const jitter of [0, 1e-10, 3e-7, 1e-6]) {
              edgy.push({ coordinates: [x0! + t * (x1! - x0!) + (random() - 0.5) * jitter, y0! + t * (y1! - y0!) + (random() - 0.5) * jitter] })
            }
          }
        }
      }
      const items = [...scatter, ...edgy]
      const cells = binIncidents(items, BBOX, { kind: 'h3', resolution })
      const expected = countByLatLngToCell(cells.ids, items, resolution)
      expect([...cells.counts]).toEqual(expected.counts)
      expect(cells.dropped).toBe(expected.dropped)
      expect(cells.dropped).toBeGreaterThan(0)
    })
  }

  it('counts a few items (looked up one by one, no polygon index) exactly as latLngToCell does', () => {
    const items = randomItems(150, 77, [BBOX[0] - 0.001, BBOX[1] - 0.001, BBOX[2] + 0.001, BBOX[3] + 0.001])
    const cells = binIncidents(items, BBOX, { kind: 'h3', resolution: 10 })
    expect(items.length).toBeLessThan(cells.ids.length)
    const expected = countByLatLngToCell(cells.ids, items, 10)
    expect([...cells.counts]).toEqual(expected.counts)
    expect(cells.dropped).toBe(expected.dropped)
  })

  it('gives closed counter-clockwise rings that are the H3 cell boundary', () => {
    const cells = binIncidents([], BBOX, { kind: 'h3', resolution: 10 })
    const ring = cellRing(cells, 3)
    expect(ring.length).toBeGreaterThanOrEqual(7)
    expect(ring[ring.length - 1]).toEqual(ring[0])
    expect(signedArea(ring)).toBeGreaterThan(0)
    expect(new Set(ring.map((p) => p.join()))).toEqual(new Set(cellToBoundary(cells.ids[3]!, true).map((p) => p.join())))
  })

  it('has no study cell in a bbox smaller than a cell centre spacing, or a degenerate bbox', () => {
    expect(binIncidents(randomItems(10, 1), [104.08, 30.69, 104.08, 30.69], { kind: 'h3' }).ids).toEqual([])
    const point = binIncidents(randomItems(10, 1), [104.08, 30.69, 104.08, 30.69], { kind: 'h3' })
    expect(point.dropped).toBe(10)
  })
})

describe('binIncidents', () => {
  it('does not mutate its input', () => {
    const items = randomItems(500, 3)
    const snapshot = JSON.stringify(items)
    const bbox: BBox = [...BBOX]
    binIncidents(items, bbox, { kind: 'h3' })
    binIncidents(items, bbox, { kind: 'grid' })
    expect(JSON.stringify(items)).toBe(snapshot)
    expect(bbox).toEqual(BBOX)
  })

  it('rejects a malformed bbox, resolution or cell size as a caller bug', () => {
    expect(() => binIncidents([], [104.1, 30.6, 104.0, 30.7], { kind: 'grid' })).toThrow(RangeError)
    expect(() => binIncidents([], [104, 30.7, 104.1, 30.6], { kind: 'h3' })).toThrow(RangeError)
    expect(() => binIncidents([], [104, Number.NaN, 104.1, 30.6], { kind: 'h3' })).toThrow(RangeError)
    // @ts-expect-error resolution 8 is not offered: the test proves the runtime check for callers without types
    expect(() => binIncidents([], BBOX, { kind: 'h3', resolution: 8 })).toThrow(/9, 10 or 11/)
    expect(() => binIncidents([], BBOX, { kind: 'grid', sizeMeters: 0 })).toThrow(RangeError)
    expect(() => binIncidents([], [100, 20, 120, 40], { kind: 'grid', sizeMeters: 10 })).toThrow(/exceed/)
    expect(() => binIncidents([], [100, 20, 120, 40], { kind: 'h3', resolution: 11 })).toThrow(/more than/)
  })
})
