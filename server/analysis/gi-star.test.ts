import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SquareLattice } from './cells.ts'
import type { GiStarInput } from './gi-star.ts'
import { HotspotRefusalError, computeGiStarStatistics, defaultNeighbourCount, kthNeighbourBand } from './gi-star.ts'

const fixtures = new URL('../../test/fixtures/hotspots/', import.meta.url)

function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(name, fixtures), 'utf8').trim().split('\n')
  const keys = header!.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [keys[i]!, value])))
}

interface ReferenceRow {
  id: string
  band: number
  neighbors: number
  z: number
  p: number
  bin: number
  binFdr: number
  bandSource: string
}

/** spdep::localG output (make-reference.R), grouped by band in file order. */
function readReference(name: string): Map<number, ReferenceRow[]> {
  const groups = new Map<number, ReferenceRow[]>()
  for (const row of readCsv(name)) {
    const parsed: ReferenceRow = {
      id: row.id!,
      band: Number(row.band),
      neighbors: Number(row.neighbors),
      z: Number(row.z),
      p: Number(row.p),
      bin: Number(row.bin),
      binFdr: Number(row.bin_fdr),
      bandSource: row.band_source!,
    }
    const group = groups.get(parsed.band) ?? []
    group.push(parsed)
    groups.set(parsed.band, group)
  }
  return groups
}

function readGridInput(): { input: GiStarInput; lattice: SquareLattice; ids: string[] } {
  const rows = readCsv('in/grid-12x12.csv')
  const lattice: SquareLattice = { columns: 12, rows: 12, sizeMeters: 100, column0: 0, row0: 0 }
  return {
    ids: rows.map((r) => r.id!),
    lattice,
    input: { counts: rows.map((r) => Number(r.count)), x: rows.map((r) => Number(r.x)), y: rows.map((r) => Number(r.y)) },
  }
}

function readScatterInput(): { input: GiStarInput; ids: string[] } {
  const rows = readCsv('in/scatter-80.csv')
  return { ids: rows.map((r) => r.id!), input: { counts: rows.map((r) => Number(r.count)), x: rows.map((r) => Number(r.x)), y: rows.map((r) => Number(r.y)) } }
}

function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** A columns × rows lattice of `size` m cells with the given counts, as binIncidents lays it out (row-major from the south-west). */
function createLattice(columns: number, rows: number, count: (column: number, row: number) => number, size = 100): { counts: Int32Array; x: Float64Array; y: Float64Array; lattice: SquareLattice } {
  const n = columns * rows
  const counts = new Int32Array(n)
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const k = row * columns + column
      counts[k] = count(column, row)
      x[k] = (column + 0.5) * size
      y[k] = (row + 0.5) * size
    }
  }
  return { counts, x, y, lattice: { columns, rows, sizeMeters: size, column0: 0, row0: 0 } }
}

function expectMatchesReference(reference: ReferenceRow[], ids: string[], stats: ReturnType<typeof computeGiStarStatistics>): number {
  expect(reference.map((r) => r.id)).toEqual(ids)
  let maxDz = 0
  reference.forEach((r, i) => {
    maxDz = Math.max(maxDz, Math.abs(stats.z[i]! - r.z))
    expect(stats.z[i], `z of ${r.id}`).toBeCloseTo(r.z, 9)
    expect(Math.abs(stats.p[i]! - r.p) / Math.max(r.p, 1e-300), `p of ${r.id}`).toBeLessThan(1e-9)
    expect(stats.neighbors[i], `neighbours of ${r.id}`).toBe(r.neighbors)
    expect(stats.bins[i], `FDR bin of ${r.id}`).toBe(r.binFdr)
  })
  expect(maxDz).toBeLessThan(1e-9)
  return maxDz
}

describe('computeGiStarStatistics against R spdep::localG', () => {
  const grid = readGridInput()
  const gridReference = readReference('out/spdep-localg-grid-12x12.csv')

  for (const [band, reference] of gridReference) {
    const source = reference[0]!.bandSource
    it(`equals spdep on the 12×12 lattice, band ${band.toFixed(3)} m (${source}), by stencil and by k-d tree`, () => {
      const given = source === 'given' ? { bandMeters: band } : {}
      const byStencil = computeGiStarStatistics({ ...grid.input, lattice: grid.lattice }, given)
      const byTree = computeGiStarStatistics(grid.input, given)
      expect(byStencil.bandMeters).toBeCloseTo(band, 9)
      expectMatchesReference(reference, grid.ids, byStencil)
      expectMatchesReference(reference, grid.ids, byTree)
      const uncorrected = computeGiStarStatistics({ ...grid.input, lattice: grid.lattice }, { ...given, fdr: false })
      expect([...uncorrected.bins]).toEqual(reference.map((r) => r.bin))
      expect([...uncorrected.z]).toEqual([...byStencil.z])
    })
  }

  it('finds the cluster: bands 150/250/300 all put hot spots at 99 % on column 3, row 8', () => {
    const centre = grid.ids.indexOf('c3_8')
    for (const bandMeters of [150, 250, 300]) expect(computeGiStarStatistics({ ...grid.input, lattice: grid.lattice }, { bandMeters }).bins[centre]).toBe(3)
  })

  const scatter = readScatterInput()
  for (const [band, reference] of readReference('out/spdep-localg-scatter-80.csv')) {
    const source = reference[0]!.bandSource
    it(`equals spdep on 80 irregular points, band ${band.toFixed(3)} m (${source})`, () => {
      const stats = computeGiStarStatistics(scatter.input, source === 'given' ? { bandMeters: band } : {})
      expect(stats.bandMeters).toBeCloseTo(band, 9)
      expectMatchesReference(reference, scatter.ids, stats)
    })
  }
})

describe('computeGiStarStatistics', () => {
  it('refuses equal counts everywhere as zero variance', () => {
    const error = (() => {
      try {
        computeGiStarStatistics(createLattice(10, 10, () => 4), { bandMeters: 300 })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(HotspotRefusalError)
    expect(error).toMatchObject({ code: 'zero-variance' })
    expect(() => computeGiStarStatistics(createLattice(10, 10, () => 0), { bandMeters: 300 })).toThrow(/same count/)
  })

  it('finds nothing significant in near-uniform counts without spatial structure (a 5/6 checkerboard)', () => {
    for (const bandMeters of [150, 300, 500]) {
      for (const fdr of [true, false]) {
        const stats = computeGiStarStatistics(createLattice(20, 20, (c, r) => 5 + ((c + r) % 2)), { bandMeters, fdr })
        expect(stats.bins.every((b) => b === 0), `band ${bandMeters}, fdr ${fdr}`).toBe(true)
      }
    }
  })

  it('flags a single extra incident in otherwise equal counts under the normal approximation, but not by randomization', () => {
    const input = createLattice(12, 12, (c, r) => (c === 6 && r === 6 ? 6 : 5))
    // z is relative to the spread, however small: the approximation calls one extra incident a 99 % hot spot ...
    const stats = computeGiStarStatistics(input, { bandMeters: 150, inference: 'normal' })
    expect(stats.s).toBeLessThan(0.1)
    expect(stats.bins[6 * 12 + 6]).toBe(3)
    // ... while every shuffle of the other counts gives its neighbourhood the same sum: nothing stands out (skewed
    // counts choose randomization by themselves)
    const randomized = computeGiStarStatistics(input, { bandMeters: 150 })
    expect(randomized.inference).toBe('exact-randomization')
    expect(randomized.bins.every((b) => b === 0)).toBe(true)
  })

  it('puts hot cells on one dense cluster and no hot cell far from it', () => {
    const random = createRandom(11)
    const input = createLattice(30, 30, (c, r) => Math.floor(random() * 3) + ((c - 8) ** 2 + (r - 20) ** 2 <= 4 ? 25 : 0))
    const stats = computeGiStarStatistics(input, { bandMeters: 300 })
    expect(stats.bins[20 * 30 + 8]).toBe(3)
    for (let r = 0; r < 30; r++) {
      for (let c = 0; c < 30; c++) {
        if ((c - 8) ** 2 + (r - 20) ** 2 > 7 ** 2) expect(stats.bins[r * 30 + c], `cell ${c},${r}`).toBeLessThanOrEqual(0)
      }
    }
  })

  it('never gives an FDR bin stronger than, or of another sign than, the uncorrected bin', () => {
    for (const seed of [21, 22, 23, 24]) {
      const random = createRandom(seed)
      const input = createLattice(25, 25, (c, r) => Math.floor(random() * 6) + (c < 8 && r < 8 ? Math.floor(random() * 6) : 0))
      const corrected = computeGiStarStatistics(input, { bandMeters: 250 })
      const uncorrected = computeGiStarStatistics(input, { bandMeters: 250, fdr: false })
      let fdrCount = 0
      let rawCount = 0
      for (let i = 0; i < corrected.n; i++) {
        const f = corrected.bins[i]!
        const u = uncorrected.bins[i]!
        expect(Math.abs(f)).toBeLessThanOrEqual(Math.abs(u))
        if (f !== 0) expect(Math.sign(f)).toBe(Math.sign(u))
        if (f !== 0) fdrCount++
        if (u !== 0) rawCount++
      }
      expect(fdrCount).toBeLessThanOrEqual(rawCount)
      expect(corrected.criticalP[0]).toBeLessThanOrEqual(0.1)
    }
  })

  it('refuses fewer than 30 cells, empty input included, and accepts exactly 30', () => {
    const tooFew = createLattice(5, 5, (c) => c)
    expect(() => computeGiStarStatistics(tooFew, { bandMeters: 150 })).toThrow(HotspotRefusalError)
    expect(() => computeGiStarStatistics(tooFew, { bandMeters: 150 })).toThrow(/at least 30 cells/)
    expect(() => computeGiStarStatistics({ counts: [], x: [], y: [] })).toThrow(expect.objectContaining({ code: 'too-few-cells' }))
    expect(computeGiStarStatistics(createLattice(6, 5, (c) => c), { bandMeters: 150 }).n).toBe(30)
  })

  it('sums the same neighbours by stencil and by k-d tree, bands on lattice distances included', () => {
    const random = createRandom(5)
    const input = createLattice(17, 13, () => Math.floor(random() * 9))
    for (const bandMeters of [50, 100, 141.42135623730951, 150, 200, 223.60679774997897, 300, 500, 1234]) {
      const byStencil = computeGiStarStatistics(input, { bandMeters })
      const byTree = computeGiStarStatistics({ counts: input.counts, x: input.x, y: input.y }, { bandMeters })
      expect([...byStencil.neighbors], `band ${bandMeters}`).toEqual([...byTree.neighbors])
      for (let i = 0; i < byTree.n; i++) expect(byStencil.z[i]).toBeCloseTo(byTree.z[i]!, 12)
    }
    // 300 m on 100 m cells: the 29 cells with dx² + dy² ≤ 9 in the interior; 11 in a corner (no wrap).
    const stats = computeGiStarStatistics(input, { bandMeters: 300 })
    expect(stats.neighbors[6 * 17 + 8]).toBe(29)
    expect(stats.neighbors[0]).toBe(11)
  })

  it('gives a lone cell (band shorter than the spacing) the standardised count as z', () => {
    const random = createRandom(9)
    const input = createLattice(8, 8, () => Math.floor(random() * 5))
    const stats = computeGiStarStatistics(input, { bandMeters: 50 })
    for (let i = 0; i < stats.n; i++) {
      expect(stats.neighbors[i]).toBe(1)
      expect(stats.z[i]).toBeCloseTo((input.counts[i]! - stats.mean) / stats.s, 12)
    }
  })

  it('gives z = 0 and p = 1 when the band spans every cell (Gi* is 0/0 there)', () => {
    const stats = computeGiStarStatistics(createLattice(6, 6, (c, r) => c * r), { bandMeters: 10_000 })
    expect([...stats.z].every((z) => z === 0)).toBe(true)
    expect([...stats.p].every((p) => p === 1)).toBe(true)
    expect([...stats.neighbors].every((w) => w === 36)).toBe(true)
  })

  it('chooses the K-th-neighbour band when none is given: K = clamp(round(0.05 n), 3, 30)', () => {
    expect([30, 60, 100, 144, 599, 601, 5000].map(defaultNeighbourCount)).toEqual([3, 3, 5, 7, 30, 30, 30])
    const input = createLattice(40, 40, (c, r) => (c + r) % 7)
    const stats = computeGiStarStatistics(input)
    expect(stats.bandSource).toBe('kth-neighbour')
    expect(stats.k).toBe(30)
    expect(stats.bandMeters).toBeCloseTo(kthNeighbourBand(input.x, input.y, 30), 12)
    // Interior cells have their 30th nearest other cell at √10·100 m ≈ 316 m; edge and corner cells farther.
    expect(stats.bandMeters).toBeGreaterThan(300)
    expect(stats.bandMeters).toBeLessThan(450)
    expect(computeGiStarStatistics(input, { bandMeters: 300 }).bandSource).toBe('given')
  })

  it('does not mutate its input', () => {
    const input = createLattice(9, 9, (c, r) => (c * 7 + r * 3) % 5)
    const before = { counts: [...input.counts], x: [...input.x], y: [...input.y] }
    computeGiStarStatistics(input)
    computeGiStarStatistics(input, { bandMeters: 200, fdr: false })
    expect({ counts: [...input.counts], x: [...input.x], y: [...input.y] }).toEqual(before)
  })

  it('rejects malformed input as a caller bug', () => {
    const input = createLattice(6, 6, (c) => c)
    expect(() => computeGiStarStatistics(input, { bandMeters: 0 })).toThrow(RangeError)
    expect(() => computeGiStarStatistics(input, { bandMeters: Number.NaN })).toThrow(RangeError)
    expect(() => computeGiStarStatistics({ ...input, counts: [...input.counts].map((v, i) => (i === 3 ? Number.NaN : v)) })).toThrow(/counts\[3\]/)
    expect(() => computeGiStarStatistics({ ...input, x: input.x.slice(1) })).toThrow(RangeError)
    expect(() => computeGiStarStatistics({ ...input, lattice: { ...input.lattice, rows: 5 } })).toThrow(RangeError)
  })
})
