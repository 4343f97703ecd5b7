import { describe, expect, it } from 'vitest'
import type { BBox } from '../kernel/geo.ts'
import type { GiBin, GiStarResult, HotspotCell, HotspotResult, PointItem } from './hotspots.ts'
import { HotspotRefusalError, classifyHotspotTrend, compareHotspotPeriods, findHotspots } from './hotspots.ts'

// About 1.2 km × 1.2 km in Chengdu around 104.08° E, 30.69° N.
const BBOX: BBox = [104.074, 30.6846, 104.0865, 30.6954]

function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Uniform noise over the bbox plus a Gaussian cluster (σ ≈ 80 m) at `centre`. */
function createIncidents(seed: number, centre: [number, number], clustered = 300, noise = 400): PointItem[] {
  const random = createRandom(seed)
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const [w, s, e, n] = BBOX
  const items: PointItem[] = []
  for (let i = 0; i < noise; i++) items.push({ coordinates: [w + random() * (e - w), s + random() * (n - s)] })
  for (let i = 0; i < clustered; i++) items.push({ coordinates: [centre[0] + gaussian() * 0.00084, centre[1] + gaussian() * 0.00072] })
  return items
}

const WEST_CLUSTER: [number, number] = [104.0775, 30.6925]
const EAST_CLUSTER: [number, number] = [104.0835, 30.6875]

// ArcGIS's hot-spot palette, so golden files look like the familiar map in a GeoJSON viewer.
const FILL: Record<GiBin, string> = { 3: '#d62f27', 2: '#ed7551', 1: '#fab984', 0: '#f7f7f2', [-1]: '#c0ccbe', [-2]: '#849eba', [-3]: '#4575b5' }

function toGeoJson(result: HotspotResult): string {
  const { cells, ...meta } = result
  const round = (v: number) => Number(v.toPrecision(12))
  return `${JSON.stringify(
    {
      type: 'FeatureCollection',
      properties: { ...meta, mean: round(meta.mean), s: round(meta.s), bandMeters: round(meta.bandMeters), criticalP: meta.criticalP.map(round) },
      features: cells.map((c) => ({
        type: 'Feature',
        properties: { id: c.id, count: c.count, z: round(c.z), p: round(c.p), bin: c.bin, neighbors: c.neighbors, fill: FILL[c.bin], 'fill-opacity': 0.7, stroke: '#555555', 'stroke-width': 0.5 },
        geometry: { type: 'Polygon', coordinates: [c.ring.map(([lng, lat]) => [round(lng), round(lat)])] },
      })),
    },
    null,
    1,
  )}\n`
}

const hot = (cells: HotspotCell[]) => cells.filter((c) => c.bin > 0)

describe('findHotspots', () => {
  it('finds the cluster on a 100 m grid with a 300 m band (golden file)', async () => {
    // the normal approximation, as the golden file was made (randomization has its own tests)
    const result = findHotspots(createIncidents(1, WEST_CLUSTER), { bbox: BBOX, cellScheme: { kind: 'grid', sizeMeters: 100 }, bandMeters: 300, inference: 'normal' })
    expect(result).toMatchObject({ scheme: 'grid', sizeMeters: 100, resolution: null, fdr: true, bandMeters: 300, bandSource: 'given', dropped: expect.any(Number) })
    expect(result.n).toBe(result.cells.length)
    const hottest = result.cells.reduce((a, b) => (b.z > a.z ? b : a))
    expect(hottest.bin).toBe(3)
    expect(Math.abs(hottest.ring[0]![0] - WEST_CLUSTER[0])).toBeLessThan(0.003)
    expect(hot(result.cells).every((c) => Math.abs(c.ring[0]![0] - WEST_CLUSTER[0]) < 0.005 && Math.abs(c.ring[0]![1] - WEST_CLUSTER[1]) < 0.005)).toBe(true)
    await expect(toGeoJson(result)).toMatchFileSnapshot('../../test/fixtures/hotspots/out/grid-100m-cluster.geojson')
  })

  it('finds the cluster in H3 resolution-10 cells with the automatic band (golden file)', async () => {
    const result = findHotspots(createIncidents(2, EAST_CLUSTER), { bbox: BBOX, inference: 'normal' })
    expect(result).toMatchObject({ scheme: 'h3', resolution: 10, sizeMeters: null, fdr: true, bandSource: 'kth-neighbour' })
    expect(result.k).toBe(Math.min(30, Math.max(3, Math.round(0.05 * result.n))))
    expect(hot(result.cells).length).toBeGreaterThan(0)
    expect(hot(result.cells).every((c) => Math.abs(c.ring[0]![0] - EAST_CLUSTER[0]) < 0.005)).toBe(true)
    await expect(toGeoJson(result)).toMatchFileSnapshot('../../test/fixtures/hotspots/out/h3-res10-cluster.geojson')
  })

  it('counts every incident once: cell counts plus dropped equal the input', () => {
    const incidents = createIncidents(3, WEST_CLUSTER)
    for (const cellScheme of [{ kind: 'grid' as const }, { kind: 'h3' as const, resolution: 11 as const }]) {
      const result = findHotspots(incidents, { bbox: BBOX, cellScheme, bandMeters: 250 })
      expect(result.cells.reduce((sum, c) => sum + c.count, 0) + result.dropped).toBe(incidents.length)
    }
  })

  it('refuses no incidents at all as zero variance, and a tiny study area as too few cells', () => {
    expect(() => findHotspots([], { bbox: BBOX })).toThrow(HotspotRefusalError)
    expect(() => findHotspots([], { bbox: BBOX })).toThrow(expect.objectContaining({ code: 'zero-variance' }))
    const tiny: BBox = [104.08, 30.69, 104.082, 30.6915]
    expect(() => findHotspots(createIncidents(4, WEST_CLUSTER), { bbox: tiny, cellScheme: { kind: 'grid' } })).toThrow(expect.objectContaining({ code: 'too-few-cells' }))
    expect(() => findHotspots(createIncidents(4, WEST_CLUSTER), { bbox: tiny })).toThrow(expect.objectContaining({ code: 'too-few-cells' }))
  })

  it('reports uncorrected bins when FDR is off, never fewer significant cells than with it', () => {
    const incidents = createIncidents(5, WEST_CLUSTER, 120)
    const corrected = findHotspots(incidents, { bbox: BBOX, cellScheme: { kind: 'grid' }, bandMeters: 200 })
    const raw = findHotspots(incidents, { bbox: BBOX, cellScheme: { kind: 'grid' }, bandMeters: 200, fdr: false })
    expect(raw.fdr).toBe(false)
    expect(raw.criticalP).toEqual([0.1, 0.05, 0.01])
    expect(raw.cells.filter((c) => c.bin !== 0).length).toBeGreaterThanOrEqual(corrected.cells.filter((c) => c.bin !== 0).length)
    expect(raw.cells.map((c) => c.z)).toEqual(corrected.cells.map((c) => c.z))
  })

  it('does not mutate its input', () => {
    const incidents = createIncidents(6, WEST_CLUSTER)
    const snapshot = JSON.stringify(incidents)
    const options = { bbox: [...BBOX] as BBox, cellScheme: { kind: 'grid' as const }, bandMeters: 300 }
    findHotspots(incidents, options)
    expect(JSON.stringify(incidents)).toBe(snapshot)
    expect(options).toEqual({ bbox: BBOX, cellScheme: { kind: 'grid' }, bandMeters: 300 })
  })
})

describe('classifyHotspotTrend', () => {
  it.each([
    [0, 2, 'new'],
    [-3, 1, 'new'],
    [1, 3, 'intensifying'],
    [2, 2, 'persistent'],
    [3, 1, 'diminishing'],
    [1, 0, 'gone'],
    [3, -1, 'gone'],
    [0, 0, 'none'],
    [-2, -3, 'none'],
    [0, -1, 'none'],
  ] as const)('classifies bin %i → %i as %s', (before, after, trend) => {
    expect(classifyHotspotTrend(before, after)).toBe(trend)
  })
})

describe('compareHotspotPeriods', () => {
  const cellsOf = (bins: GiBin[], zs: number[] = bins.map((b) => b * 1.5)): Pick<GiStarResult, 'cells'> => ({
    cells: bins.map((bin, i) => ({ id: `c${i}`, ring: [], count: i, z: zs[i]!, p: 0.5, bin, neighbors: 9 })),
  })

  it('classifies each cell by the move of its bin, same-bin z changes being persistent', () => {
    const before = cellsOf([0, 1, 2, 3, 2, 2, -1], [0.1, 1.7, 2.1, 3.5, 2.2, 2.3, -1.8])
    const after = cellsOf([2, 3, 2, 1, 0, 2, 0], [2.2, 3.1, 2.4, 1.7, 0.5, 2.0, 0.2])
    expect(compareHotspotPeriods(before, after).map((c) => c.trend)).toEqual(['new', 'intensifying', 'persistent', 'diminishing', 'gone', 'persistent', 'none'])
    expect(compareHotspotPeriods(before, after)[1]).toEqual({ id: 'c1', trend: 'intensifying', before: { bin: 1, z: 1.7, count: 1 }, after: { bin: 3, z: 3.1, count: 1 } })
  })

  it('sees a cluster that moved as gone in the west and new in the east', () => {
    const options = { bbox: BBOX, cellScheme: { kind: 'grid' as const }, bandMeters: 300, inference: 'normal' as const }
    const trends = compareHotspotPeriods(findHotspots(createIncidents(7, WEST_CLUSTER), options), findHotspots(createIncidents(8, EAST_CLUSTER), options))
    const kinds = new Set(trends.map((t) => t.trend))
    expect(kinds.has('gone')).toBe(true)
    expect(kinds.has('new')).toBe(true)
    expect(kinds.has('persistent')).toBe(false)
  })

  it('returns [] for two empty results and rejects results over different cells', () => {
    expect(compareHotspotPeriods({ cells: [] }, { cells: [] })).toEqual([])
    expect(() => compareHotspotPeriods(cellsOf([0, 1]), cellsOf([0]))).toThrow(RangeError)
    const other = cellsOf([0, 1])
    other.cells[1]!.id = 'elsewhere'
    expect(() => compareHotspotPeriods(cellsOf([0, 1]), other)).toThrow(/same bbox/)
  })

  it('does not mutate its input', () => {
    const before = cellsOf([0, 1, 2])
    const after = cellsOf([2, 1, 0])
    const snapshot = JSON.stringify([before, after])
    compareHotspotPeriods(before, after)
    expect(JSON.stringify([before, after])).toBe(snapshot)
  })
})
