import { describe, expect, test } from 'vitest'
import { IncidentColumnsBuilder } from '../kernel/incident-columns.ts'
import { incidentId } from '../kernel/record-ids.ts'
import { IncidentIndex, type IncidentFilter } from './incident-index.ts'

interface Row { rid: number; ms: number; lon: number; lat: number; category: string; source: string; status?: string; version?: number }

const columns = (rows: readonly Row[], id = (rid: number) => `X${rid}`) => {
  const b = new IncidentColumnsBuilder(2)
  for (const r of [...rows].sort((x, y) => x.ms - y.ms || x.rid - y.rid))
    b.push([r.rid, r.ms, r.version ?? 1, r.lon, r.lat, r.category, r.source, r.status ?? 'reported', 'SD001', null, null, null, null, r.ms + 3_600_000, 0, 0, null, id(r.rid)])
  return b.finish()
}

/** What a full scan of the rows would answer: the reference the index must equal. */
const scan = (rows: readonly Row[], f: IncidentFilter) =>
  [...rows]
    .sort((x, y) => x.ms - y.ms || x.rid - y.rid)
    .filter((r) => r.ms >= f.fromMs && r.ms < f.toMs && (!f.categories || f.categories.includes(r.category)) && (!f.sources || f.sources.includes(r.source)))
    .flatMap((r) => [r.lon, r.lat])

let seed = 11
const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
const CATEGORIES = ['0101', '0118', '0501', '0504']
const SOURCES = ['hotline', 'app', 'inspector']
const randomRows = (n: number, firstRid = 1): Row[] =>
  Array.from({ length: n }, (_, i) => ({ rid: firstRid + i, ms: Math.floor(rand() * 1000), lon: 104 + rand(), lat: 30 + rand(), category: CATEGORIES[Math.floor(rand() * 4)]!, source: SOURCES[Math.floor(rand() * 3)]! }))

describe('the in-memory incident index', () => {
  test('answers positions for any period and filter exactly as a full scan does', () => {
    const rows = randomRows(2000)
    const index = new IncidentIndex(columns(rows))
    expect(index.size).toBe(2000)
    for (let k = 0; k < 50; k++) {
      const a = Math.floor(rand() * 1100) - 50
      const f: IncidentFilter = { fromMs: a, toMs: a + Math.floor(rand() * 600), categories: k % 3 === 0 ? undefined : CATEGORIES.filter(() => rand() < 0.5), sources: k % 2 === 0 ? undefined : [SOURCES[k % 3]!] }
      expect(Array.from(index.positions(f)), JSON.stringify(f)).toEqual(scan(rows, f))
      // the same into a buffer lent (the hotspot routes' shared scratch): a view of its first part
      const lent = new Float64Array(new SharedArrayBuffer(8 * 4000 + 64)).fill(-1)
      const into = index.positions(f, (length) => lent.subarray(0, length))
      expect(into.buffer).toBe(lent.buffer)
      expect(Array.from(into)).toEqual(scan(rows, f))
    }
    expect(index.positions({ fromMs: 10, toMs: 10 })).toHaveLength(0)
    expect(index.positions({ fromMs: 900, toMs: 100 })).toHaveLength(0) // an inverted period is empty, not an error
  })

  test('names every point by its id: the store form derived from the rid, any other kept, through merges', () => {
    // odd rids carry the store's form (I + seven digits), even ones a fixture's own id
    const idOf = (rid: number) => (rid % 2 === 1 ? incidentId(rid) : `FIX-${rid}`)
    const rows = randomRows(300)
    const cols = columns(rows, idOf)
    expect(cols.otherIds.size).toBe(150) // only the others are kept
    const index = new IncidentIndex(cols)
    const everywhere: [number, number, number, number] = [0, 0, 200, 90]
    const named = () => new Map(index.pointsIn(everywhere, {}, 1e6)!.map((p) => [p.id, p]))
    expect([...named().keys()].sort()).toEqual(rows.map((r) => idOf(r.rid)).sort())
    // newer and older rows merged in (an insert that moves rows), with both kinds of id
    const more = randomRows(40, 1001)
    index.merge(columns(more, idOf))
    const after = named()
    expect(after.size).toBe(340)
    for (const r of [...rows, ...more]) expect(after.get(idOf(r.rid))?.lon, idOf(r.rid)).toBe(r.lon)
  })

  test('counts per bucket and category, leaving out empty ones', () => {
    const rows = randomRows(500)
    const index = new IncidentIndex(columns(rows))
    const buckets = [[0, 250], [250, 500], [2000, 3000]] as const
    const counts = index.counts({ sources: ['app'] }, buckets)
    for (const [b, [from, to]] of buckets.entries())
      for (const c of CATEGORIES) {
        const expected = rows.filter((r) => r.ms >= from && r.ms < to && r.category === c && r.source === 'app').length
        expect(counts.find((x) => x.bucket === b && x.category === c)?.count ?? 0).toBe(expected)
      }
    expect(counts.some((x) => x.bucket === 2 || x.count === 0)).toBe(false)
  })

  test('new incidents join in time order, a category it has never seen included, and one already held is replaced, not added twice', () => {
    const rows = randomRows(300)
    const index = new IncidentIndex(columns(rows))
    const later = [{ rid: 301, ms: 5000, lon: 104.5, lat: 30.5, category: '0999', source: 'hotline' }]
    const backdated = [{ rid: 302, ms: 17, lon: 104.25, lat: 30.25, category: '0118', source: 'wechat' }]
    expect(index.merge(columns(later))).toEqual({ added: 1, replaced: 0 })
    expect(index.merge(columns(backdated))).toEqual({ added: 1, replaced: 0 })
    expect(index.merge(columns([...later, ...backdated]))).toEqual({ added: 0, replaced: 2 })
    const all = [...rows, ...later, ...backdated]
    expect(index.size).toBe(302)
    for (const f of [{ fromMs: -Infinity, toMs: Infinity }, { fromMs: 0, toMs: 20, sources: ['wechat'] }, { fromMs: 0, toMs: Infinity, categories: ['0999'] }])
      expect(Array.from(index.positions(f))).toEqual(scan(all, f))
  })

  test('a stream of reports appends in the room left, and a step replaces a case unless it is older', () => {
    const index = new IncidentIndex(columns(randomRows(100)))
    const statuses = () => {
      const out: string[] = []
      index.cases(-Infinity, Infinity).forEach((c) => out.push(c.status))
      return out
    }
    for (let k = 0; k < 50; k++) index.merge(columns([{ rid: 1000 + k, ms: 2000 + k, lon: 104, lat: 30, category: '0101', source: 'app' }]))
    expect(index.size).toBe(150)
    expect(statuses().slice(100)).toEqual(Array(50).fill('reported'))
    const step = { rid: 1010, ms: 2010, lon: 104, lat: 30, category: '0101', source: 'app' }
    expect(index.merge(columns([{ ...step, status: 'accepted', version: 3 }]))).toEqual({ added: 0, replaced: 1 })
    expect(index.merge(columns([{ ...step, status: 'reported', version: 2 }]))).toEqual({ added: 0, replaced: 0 })
    expect(statuses()[110]).toBe('accepted')
    expect(index.positions({ fromMs: 2000, toMs: Infinity })).toHaveLength(100)
  })

  test('an empty district is an empty index', () => {
    const index = new IncidentIndex(columns([]))
    expect(index.positions({ fromMs: -Infinity, toMs: Infinity })).toHaveLength(0)
    expect(index.counts({}, [[0, 1]])).toEqual([])
    expect(index.merge(columns(randomRows(3)))).toEqual({ added: 3, replaced: 0 })
    expect(index.size).toBe(3)
  })
})

describe('the incident index behind the tiles', () => {
  const box = [104, 30, 105, 31] as const
  test('counts per cell with the filters, and a case step or a new report shows at once', () => {
    const rows = randomRows(3000)
    const index = new IncidentIndex(columns(rows))
    const total = (cells: { count: number }[]) => cells.reduce((n, c) => n + c.count, 0)
    const flaggedOf = (cells: { flagged: number }[]) => cells.reduce((n, c) => n + c.flagged, 0)
    expect(total(index.gridCells([...box], 8, 8, {}, ['accepted']))).toBe(3000)
    expect(flaggedOf(index.gridCells([...box], 8, 8, {}, ['accepted']))).toBe(0)
    const app = rows.filter((r) => r.source === 'app' && r.ms >= 100 && r.ms < 600).length
    expect(total(index.gridCells([...box], 8, 8, { sources: ['app'], fromMs: 100, toMs: 600 }, []))).toBe(app)
    const step = rows[10]!
    index.merge(columns([{ ...step, status: 'accepted', version: 2 }]))
    expect(flaggedOf(index.gridCells([...box], 8, 8, {}, ['accepted']))).toBe(1)
    index.merge(columns([{ rid: 9999, ms: 5000, lon: 104.5, lat: 30.5, category: '0101', source: 'app', status: 'accepted' }]))
    const after = index.gridCells([...box], 8, 8, {}, ['accepted'])
    expect([total(after), flaggedOf(after)]).toEqual([3001, 2])
    expect(index.pointsIn([104.49, 30.49, 104.51, 30.51], { statuses: ['accepted'] }, 10)?.map((p) => p.id)).toContain('X9999')
  })
})
