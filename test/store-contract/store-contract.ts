// What any Store adapter must do, stated once and run against each adapter (SQLite today; PostgreSQL/PostGIS next).
// It speaks only the Store interface: records in, records out, transactions that commit or vanish whole, optimistic
// versions that refuse stale writes, explicit limits. No business rule is tested here — those live in the domain.
import { LAMP_STATUSES } from '../../server/kernel/statuses.ts'
import { LAMP_OUTAGE_CATEGORY } from '../../server/kernel/categories.ts'
import { IncidentIndex } from '../../server/model/incident-index.ts'
import { LampIndex } from '../../server/model/lamp-index.ts'
import type { KpiCase } from '../../server/analysis/case-kpis.ts'
import { describe, expect, test } from 'vitest'
import type { NewReport } from '../../server/domain/cases.ts'
import { ConflictError, NotFoundError } from '../../server/kernel/errors.ts'
import type { Store } from '../../server/store/store.ts'
import { createTinyDistrict } from '../fixtures/tiny-district.ts'

const ACTOR = { userId: null, username: 'contract' }
const AT = new Date('2026-11-20T10:00:00+08:00')

/** A patrol's report on the tiny district's street w1, numbered `n` (its tracking number). */
export const report = (n: number, fields: Partial<NewReport> = {}): NewReport => ({
  trackingNumber: `GW261120CONT${String(n).padStart(2, '0')}`,
  status: 'reported',
  repeatOf: null,
  category: '0104',
  coordinates: [104.05, 30.66],
  description: `contract report ${n}`,
  source: 'patrol',
  phone: null,
  lampId: null,
  zoneId: '001',
  streetId: 'w1',
  unitId: null,
  deadlineMs: AT.getTime() + 24 * 3_600_000,
  ...fields,
})

/** Runs the contract against fresh stores from `open` (each test gets its own, seeded with the tiny district). */
export function describeStoreContract(adapter: string, open: () => Promise<Store>): void {
  const seeded = async () => {
    const store = await open()
    await store.seedDistrict(createTinyDistrict(), { demo: false })
    return store
  }

  describe(`Store contract: ${adapter}`, () => {
    test('seeding a district replaces it and info counts what is there', async () => {
      const store = await seeded()
      const district = createTinyDistrict()
      const info = await store.info()
      expect(info.counts.streets).toBe(district.streets.length)
      expect(info.counts.lamps).toBe(district.lamps.length)
      expect(info.bounds).toEqual(district.bounds)
      await store.seedDistrict(district, { demo: false })
      expect((await store.info()).counts.lamps).toBe(district.lamps.length)
      await store.close()
    })

    test('a report is stored with the next incident id and found by id and by tracking number', async () => {
      const store = await seeded()
      const before = (await store.incidents({ limit: 'all' })).total
      const a = await store.createReport(report(1), ACTOR, AT)
      const b = await store.createReport(report(2), ACTOR, AT)
      expect(Number(b.id.slice(1))).toBe(Number(a.id.slice(1)) + 1)
      expect(a).toMatchObject({ status: 'reported', trackingNumber: 'GW261120CONT01', version: 1, reportCount: 1 })
      expect((await store.case(a.id))?.description).toBe('contract report 1')
      expect((await store.caseByTracking('GW261120CONT02'))?.id).toBe(b.id)
      expect((await store.incidents({ limit: 'all' })).total).toBe(before + 2)
      expect((await store.caseEvents(a.id)).map((e) => e.action)).toEqual(['report'])
      await store.close()
    })

    test('limits are explicit: a number cuts and says how many matched, "all" returns every match', async () => {
      const store = await seeded()
      for (let i = 0; i < 5; i++) await store.createReport(report(i), ACTOR, AT)
      const all = await store.incidents({ categories: ['0104'], limit: 'all' })
      const cut = await store.incidents({ categories: ['0104'], limit: 2 })
      expect(all.items.length).toBe(all.total)
      expect(cut.items.length).toBe(2)
      expect(cut.total).toBe(all.total)
      const cases = await store.cases({ categories: ['0104'], limit: 'all' })
      expect(cases.items.length).toBe(cases.total)
      expect((await store.cases({ categories: ['0104'], limit: 1, offset: 1 })).items[0]?.id).toBe(cases.items[1]?.id)
      await store.close()
    })

    test('incident queries filter by lamp, status and deadline', async () => {
      const store = await seeded()
      const lampReport = await store.createReport(report(1, { category: '0118', lampId: 'L000002' }), ACTOR, AT)
      await store.createReport(report(2, { category: '0118', lampId: 'L000003', deadlineMs: AT.getTime() - 1 }), ACTOR, AT)
      const byLamp = await store.incidents({ categories: ['0118'], lampIds: ['L000002'], limit: 'all' })
      expect(byLamp.items.map((x) => x.id)).toContain(lampReport.id)
      expect(byLamp.items.every((x) => x.lampId === 'L000002')).toBe(true)
      const overdue = await store.cases({ categories: ['0118'], statuses: ['reported'], deadlineBeforeMs: AT.getTime(), limit: 'all' })
      expect(overdue.items.every((x) => x.deadlineMs < AT.getTime())).toBe(true)
      expect(overdue.items.some((x) => x.lampId === 'L000003')).toBe(true)
      await store.close()
    })

    test('a case change applies only at the version it was read at; a stale one is refused and changes nothing', async () => {
      const store = await seeded()
      const created = await store.createReport(report(1), ACTOR, AT)
      const accepted = await store.transitionCase(created.id, 1, { action: 'accept', toStatus: 'accepted', note: null, set: { acceptedMs: AT.getTime() } }, ACTOR, AT)
      expect(accepted).toMatchObject({ status: 'accepted', version: 2, acceptedMs: AT.getTime() })
      await expect(store.transitionCase(created.id, 1, { action: 'reject', toStatus: 'rejected', note: null, set: {} }, ACTOR, AT)).rejects.toBeInstanceOf(ConflictError)
      expect((await store.case(created.id))?.status).toBe('accepted')
      await expect(store.transitionCase('I9999999', 1, { action: 'accept', toStatus: 'accepted', note: null, set: {} }, ACTOR, AT)).rejects.toBeInstanceOf(NotFoundError)
      const closed = await store.transitionCase(created.id, 2, { action: 'verify_pass', toStatus: 'closed', note: 'ok', set: { closedMs: AT.getTime() } }, ACTOR, AT)
      expect(closed.closedAt).not.toBeNull()
      await store.addCaseEvent(created.id, AT, 'escalate', 'closed', 'closed', ACTOR, 'note')
      expect((await store.caseEvents(created.id)).map((e) => e.action)).toEqual(['report', 'accept', 'verify_pass', 'escalate'])
      const rated = await store.rateCase(created.id, 4, 'good', AT)
      expect(rated).toMatchObject({ rating: 4, ratingComment: 'good', version: closed.version + 1 })
      await store.close()
    })

    test('a transaction commits everything it wrote together', async () => {
      const store = await seeded()
      const ids = await store.transaction(async (tx) => {
        const a = await tx.createReport(report(1), ACTOR, AT)
        const b = await tx.createReport(report(2, { status: 'merged', repeatOf: a.id }), ACTOR, AT)
        await tx.transitionCase(a.id, a.version, { action: 'merge', toStatus: a.status, note: null, set: { reportCount: 2 } }, ACTOR, AT)
        return [a.id, b.id]
      })
      expect((await store.case(ids[0]!))?.reportCount).toBe(2)
      expect((await store.case(ids[1]!))?.repeatOf).toBe(ids[0])
      await store.close()
    })

    test('a transaction that throws leaves nothing behind, audit entries included', async () => {
      const store = await seeded()
      const incidents = (await store.incidents({ limit: 'all' })).total
      const audit = (await store.auditLog({ limit: 1000 })).length
      const lamp = await store.lamp('L000002')
      await expect(
        store.transaction(async (tx) => {
          await tx.createReport(report(1), ACTOR, AT)
          await tx.updateLampStatus(lamp!, 'ok', ACTOR, AT, [])
          throw new Error('the use case changed its mind')
        }),
      ).rejects.toThrow('changed its mind')
      expect((await store.incidents({ limit: 'all' })).total).toBe(incidents)
      expect((await store.auditLog({ limit: 1000 })).length).toBe(audit)
      expect(await store.lamp('L000002')).toEqual(lamp)
      await store.close()
    })

    test('a write from outside waits for an open transaction and is not rolled back with it', async () => {
      const store = await seeded()
      let release!: () => void
      const gate = new Promise<void>((resolve) => (release = resolve))
      const failing = store.transaction(async (tx) => {
        await tx.createReport(report(1), ACTOR, AT)
        await gate
        throw new Error('rolled back')
      })
      const outside = store.createReport(report(2), ACTOR, AT)
      release()
      await expect(failing).rejects.toThrow('rolled back')
      const kept = await outside
      expect((await store.case(kept.id))?.trackingNumber).toBe('GW261120CONT02')
      expect(await store.caseByTracking('GW261120CONT01')).toBeUndefined()
      await store.close()
    })

    test('a lamp status change is versioned, kept in its history and audited', async () => {
      const store = await seeded()
      const lamp = (await store.lamp('L000002'))!
      const { lamp: repaired, reportedOut } = await store.updateLampStatus(lamp, 'ok', ACTOR, AT, ['I0000001'])
      expect(repaired).toMatchObject({ status: 'ok', version: lamp.version + 1 })
      expect(reportedOut).toBe(false)
      // the lamp as read before the repair is stale now: refused, and nothing of it written
      await expect(store.updateLampStatus(lamp, 'column_issue', ACTOR, AT, [])).rejects.toBeInstanceOf(ConflictError)
      await expect(store.updateLampStatus({ ...lamp, id: 'L999999' }, 'ok', ACTOR, AT, [])).rejects.toBeInstanceOf(NotFoundError)
      expect(await store.lamp(lamp.id)).toEqual(repaired)
      const history = await store.lampHistory(lamp.id)
      expect(history).toHaveLength(1)
      expect(history[0]).toMatchObject({ fromStatus: 'defective_lamp', toStatus: 'ok', closedCaseIds: ['I0000001'], username: 'contract' })
      const audit = await store.auditLog({ entity: 'lamp', entityId: lamp.id, limit: 10 })
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ action: 'lamp.update', before: lamp, after: { ...repaired, closedIncidentIds: ['I0000001'] } })
      await store.close()
    })

    test('a lamp change tells whether an open outage report names the lamp, as of the change', async () => {
      const store = await seeded()
      const lamp = (await store.lamp('L000002'))!
      const outage = await store.createReport(report(1, { category: LAMP_OUTAGE_CATEGORY, lampId: lamp.id }), ACTOR, AT)
      await store.createReport(report(2, { category: '0104', lampId: 'L000003' }), ACTOR, AT) // not an outage report
      const first = await store.updateLampStatus(lamp, 'ok', ACTOR, AT, [])
      expect(first.reportedOut).toBe(true)
      expect((await store.updateLampStatus((await store.lamp('L000003'))!, 'ok', ACTOR, AT, [])).reportedOut).toBe(false)
      // the report closed earlier in the same transaction counts as closed
      const second = await store.transaction(async (tx) => {
        await tx.transitionCase(outage.id, outage.version, { action: 'lamp_repair', toStatus: 'closed', note: lamp.id, set: { closedMs: AT.getTime() } }, ACTOR, AT)
        return tx.updateLampStatus(first.lamp, 'ok', ACTOR, AT, [outage.id])
      })
      expect(second).toEqual({ lamp: { ...first.lamp, version: first.lamp.version + 1 }, reportedOut: false })
      await store.close()
    })

    test('lamp points are every lamp lean, in the order the lamp list gives, status included', async () => {
      const store = await seeded()
      const lamp = (await store.lamp('L000002'))!
      await store.updateLampStatus(lamp, 'ok', ACTOR, AT, [])
      const lamps = await store.lamps({})
      const points = await store.lampPoints()
      expect(points.ids).toEqual(lamps.map((l) => l.id))
      expect(Array.from(points.positions)).toEqual(lamps.flatMap((l) => l.coordinates))
      expect(Array.from(points.status, (k) => LAMP_STATUSES[k])).toEqual(lamps.map((l) => l.status))
      expect(LAMP_STATUSES[points.status[points.ids.indexOf('L000002')]!]).toBe('ok')
      await store.close()
    })

    test('guidance points are numbered, and an edit at a stale version is refused', async () => {
      const store = await seeded()
      const point = { name: '夜市', geometry: { type: 'Point' as const, coordinates: [104.05, 30.66] as [number, number] }, capacity: 10, openingHours: '18:00-22:00', allowedGoods: '小吃', unit: '城管中队', offStreet: false }
      const a = await store.createGuidancePoint(point, ACTOR, AT)
      const b = await store.createGuidancePoint(point, ACTOR, AT)
      expect([a.id, b.id]).toEqual(['G0001', 'G0002'])
      const moved = await store.updateGuidancePoint(a.id, { capacity: 12 }, ACTOR, AT, a.version)
      expect(moved).toMatchObject({ capacity: 12, version: a.version + 1 })
      await expect(store.updateGuidancePoint(a.id, { capacity: 14 }, ACTOR, AT, a.version)).rejects.toBeInstanceOf(ConflictError)
      await store.close()
    })

    test('street categories change with history; accounts and sessions round-trip', async () => {
      const store = await seeded()
      const [street] = await store.updateStreetCategory(['w1'], 'commercial', '夜市', ACTOR, AT)
      expect(street?.category).toBe('commercial')
      expect((await store.streetCategoryHistory('w1'))[0]).toMatchObject({ to: 'commercial', reason: '夜市' })
      await expect(store.updateStreetCategory(['w404'], 'commercial', 'x', ACTOR, AT)).rejects.toBeInstanceOf(NotFoundError)
      const user = await store.createUser({ username: 'crew9', displayName: '班组九', passwordHash: 'h', roles: ['crew'] }, ACTOR)
      await expect(store.createUser({ username: 'crew9', displayName: 'x', passwordHash: 'h', roles: [] }, ACTOR)).rejects.toBeInstanceOf(ConflictError)
      expect((await store.credentials('crew9'))?.passwordHash).toBe('h')
      await store.createSession({ idHash: 's1', userId: user.id, createdMs: 1, lastSeenMs: 1, expiresMs: 10 }, ACTOR)
      expect(await store.session('s1')).toMatchObject({ userId: user.id })
      expect(await store.deleteExpiredSessions(20, 1000)).toBe(1)
      expect(await store.session('s1')).toBeUndefined()
      await store.close()
    })

    test('the lamp and incident indexes built from the store count per cell with the filters the lists take', async () => {
      const store = await seeded()
      const district = createTinyDistrict()
      const bbox = district.bounds
      const lamps = await store.lamps({})
      const lampIndex = new LampIndex(await store.lampPoints())
      expect(lamps.every((l) => lampIndex.has(l.id))).toBe(true)
      expect(lampIndex.has('L999999')).toBe(false)
      const grid = lampIndex.gridCells(bbox, 3, 2, undefined, ['defective_lamp', 'column_issue', 'broken_lantern'])
      expect(grid.reduce((n, c) => n + c.count, 0)).toBe(lamps.length)
      expect(grid.reduce((n, c) => n + c.flagged, 0)).toBe(lamps.filter((l) => l.status !== 'ok').length)
      for (const cell of grid) {
        expect(cell.col).toBeGreaterThanOrEqual(0)
        expect(cell.col).toBeLessThan(3)
        expect(cell.row).toBeGreaterThanOrEqual(0)
        expect(cell.row).toBeLessThan(2)
        // a cell's mean position lies in its own column and row
        expect(Math.min(2, Math.floor(((cell.lon - bbox[0]) / (bbox[2] - bbox[0])) * 3))).toBe(cell.col)
        expect(Math.min(1, Math.floor(((bbox[3] - cell.lat) / (bbox[3] - bbox[1])) * 2))).toBe(cell.row)
      }
      const ok = lampIndex.gridCells(bbox, 1, 1, ['ok'], [])
      expect(ok.map((c) => [c.count, c.flagged])).toEqual([[lamps.filter((l) => l.status === 'ok').length, 0]])
      await store.createReport(report(1, { category: '0118' }), ACTOR, AT)
      const incidentIndex = new IncidentIndex(await store.incidentColumns())
      const all = incidentIndex.gridCells(bbox, 4, 4, {}, ['reported'])
      const total = (await store.incidents({ bbox, limit: 'all' })).total
      expect(all.reduce((n, c) => n + c.count, 0)).toBe(total)
      expect(all.reduce((n, c) => n + c.flagged, 0)).toBe((await store.incidents({ bbox, statuses: ['reported'], limit: 'all' })).total)
      const outages = incidentIndex.gridCells(bbox, 4, 4, { categories: ['0118'], fromMs: AT.getTime() }, [])
      expect(outages.reduce((n, c) => n + c.count, 0)).toBe((await store.incidents({ bbox, categories: ['0118'], fromMs: AT.getTime(), limit: 'all' })).total)
      await store.close()
    })

    test('incident columns, and the in-memory index built from them, agree with the incident list', async () => {
      const store = await seeded()
      const created = await store.createReport(report(1, { category: '0118', coordinates: [104.051, 30.661] }), ACTOR, AT)
      const listed = (await store.incidents({ limit: 'all' })).items
      const columns = await store.incidentColumns()
      expect(columns.count).toBe(listed.length)
      // the same rows in the same (time, rid) order, categories and sources decoded through the dictionaries
      const decoded = Array.from({ length: columns.count }, (_, i) => [columns.lon[i], columns.lat[i], columns.reportedMs[i], columns.categories[columns.category[i]!], columns.sources[columns.source[i]!]])
      expect(decoded).toEqual(listed.map((x) => [...x.coordinates, Date.parse(x.reportedAt), x.category, x.source]))

      const index = new IncidentIndex(columns)
      const ALL = { fromMs: -Infinity, toMs: Infinity }
      expect(Array.from(index.positions(ALL))).toEqual(listed.flatMap((i) => i.coordinates))
      expect(Array.from(index.positions({ categories: ['0118'], fromMs: AT.getTime(), toMs: Infinity }))).toEqual([104.051, 30.661])
      expect(index.positions({ ...ALL, categories: [] })).toHaveLength(0)
      const times = listed.map((i) => Date.parse(i.reportedAt))
      const mid = (Math.min(...times) + Math.max(...times)) / 2
      const buckets = [[Math.min(...times), mid], [mid, Math.max(...times) + 1]] as const
      const counts = index.counts({}, buckets)
      for (const [b, [from, to]] of buckets.entries()) {
        for (const category of new Set(listed.map((i) => i.category))) {
          const expected = listed.filter((i) => i.category === category && Date.parse(i.reportedAt) >= from && Date.parse(i.reportedAt) < to).length
          expect(counts.find((r) => r.bucket === b && r.category === category)?.count ?? 0, `${category} in bucket ${b}`).toBe(expected)
        }
      }
      expect(index.counts({}, [])).toEqual([])

      // one incident by id: what a change feeds the index; it is held already, so merging it adds nothing
      const one = await store.incidentColumns({ ids: [created.id] })
      expect([one.count, one.lon[0], one.lat[0], one.reportedMs[0], one.categories[one.category[0]!]]).toEqual([1, 104.051, 30.661, AT.getTime(), '0118'])
      expect(index.merge(one)).toEqual({ added: 0, replaced: 1 })
      expect((await store.incidentColumns({ ids: [] })).count).toBe(0)
      await store.close()
    })

    test('the index holds the KPI fields of the cases reported in the period, merged ones included, and takes a step re-read', async () => {
      const store = await seeded()
      const a = await store.createReport(report(1), ACTOR, AT)
      await store.createReport(report(2, { status: 'merged', repeatOf: a.id }), ACTOR, AT)
      const before = await store.incidentColumns({ ids: [a.id] })
      const index = new IncidentIndex(await store.incidentColumns())
      const inPeriod = () => {
        const facts: KpiCase[] = []
        index.cases(AT.getTime(), AT.getTime() + 1).forEach((c) => facts.push({ ...c }))
        return facts
      }
      expect(inPeriod().map((f) => f.status).sort()).toEqual(['merged', 'reported'])
      expect(inPeriod().find((f) => f.status === 'reported')).toEqual({ category: '0104', unitId: null, zoneId: '001', status: 'reported', reportedMs: AT.getTime(), dispatchedMs: null, firstHandledMs: null, closedMs: null, deadlineMs: a.deadlineMs, reworkCount: 0, extensionCount: 0, rating: null })
      let n = 0
      index.cases(0, 1).forEach(() => n++)
      expect(n).toBe(0)

      await store.transitionCase(a.id, a.version, { action: 'accept', toStatus: 'accepted', note: null, set: { acceptedMs: AT.getTime() } }, ACTOR, AT)
      expect(index.merge(await store.incidentColumns({ ids: [a.id] }))).toEqual({ added: 0, replaced: 1 })
      expect(inPeriod().map((f) => f.status).sort()).toEqual(['accepted', 'merged'])
      // a re-read that finishes late, with the older version, does not take the case back
      expect(index.merge(before)).toEqual({ added: 0, replaced: 0 })
      expect(inPeriod().map((f) => f.status).sort()).toEqual(['accepted', 'merged'])
      await store.close()
    })
  })
}
