// The bureau's KPIs (docs/domain-notes.md §2) by unit, zone or category and period, the league table of units with laggards
// marked (通报批评), the leader's overview tiles, CSV export — and the rectification measures board.
import { Hono } from 'hono'
import { z } from 'zod'
import { computeKpis, rankUnits, type KpiRow } from '../analysis/case-kpis.ts'
import { isOverdue } from '../domain/case-deadlines.ts'
import { districtCalendar } from '../domain/district-calendar.ts'
import { MEASURE_AREAS, MEASURE_STATUSES, OPEN_INCIDENT_STATUSES } from '../kernel/statuses.ts'
import type { Measure } from '../domain/cases.ts'
import { actorOf, requirePermission, requireUser, signedInUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { calendarDateString, instantParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import { csvCell } from '../kernel/csv.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import { districtCategories } from '../domain/district-categories.ts'

const DAY_MS = 86_400_000
const DEFAULT_KPI_DAYS = 30 // the monthly report's window

const periodQuery = {
  from: instantParam.optional(),
  to: instantParam.optional(),
}
const kpiQuery = z
  .strictObject({ ...periodQuery, group: z.enum(['unit', 'zone', 'category']).optional(), format: z.enum(['json', 'csv']).optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be later than to', path: ['from'] })
const leagueQuery = z
  .strictObject({ ...periodQuery })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be later than to', path: ['from'] })

const measureBody = z.strictObject({
  area: z.enum(MEASURE_AREAS),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  unit_id: z.string().trim().min(1).max(16),
  person: z.string().trim().min(1).max(64),
  deadline: calendarDateString,
})
const measurePatch = z
  .strictObject({
    title: measureBody.shape.title.optional(),
    description: measureBody.shape.description,
    unit_id: measureBody.shape.unit_id.optional(),
    person: measureBody.shape.person.optional(),
    deadline: measureBody.shape.deadline.optional(),
    status: z.enum(MEASURE_STATUSES).optional(),
    progress: z.number().int().min(0).max(100).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    version: z.number().int().min(1).optional(),
  })
  .refine((b) => Object.keys(b).filter((k) => k !== 'version').length > 0, 'give at least one field to change')

const KPI_COLUMNS: (keyof KpiRow)[] = [
  'cases', 'closed', 'closed_on_time', 'should_handle', 'handled', 'handled_on_time', 'rework', 'extended', 'overdue_open',
  'closure_rate', 'on_time_closure_rate', 'handling_rate', 'on_time_handling_rate', 'rework_rate', 'extension_rate', 'overdue_open_rate',
  'mean_handling_hours', 'satisfaction',
]



export const kpiRoutes = ({ store, model, clock }: UseCaseContext) => {
  const unitsById = async () => (await model.places()).unitById
  /** A measure names a responsible unit that exists; a typo would leave it owned by nobody. */
  async function assertKnownUnit(unitId: string): Promise<void> {
    const units = await unitsById()
    if (!units.has(unitId)) throw new ProblemError(422, 'unknown-unit', `no responsible unit ${unitId}; expected one of ${[...units.keys()].join(', ')}`)
  }

  /** The cases the KPIs count: those reported in the period, from the in-memory incident index (no store read). */
  async function kpiCases(fromMs: number, toMs: number) {
    return (await model.incidents()).cases(fromMs, toMs)
  }

  async function names(group: 'unit' | 'zone' | 'category'): Promise<Map<string, { name: string; nameEn: string }>> {
    if (group === 'unit') return new Map([...(await unitsById())].map(([id, u]) => [id, { name: u.name, nameEn: u.nameEn }]))
    if (group === 'zone') return new Map((await store.zones()).map((z) => [z.id, { name: z.name, nameEn: z.nameEn }]))
    return new Map(districtCategories().map((c) => [c.code, { name: c.name, nameEn: c.nameEn }]))
  }

  const period = (q: { from?: number; to?: number }) => {
    const toMs = q.to ?? clock().getTime()
    return { fromMs: q.from ?? toMs - DEFAULT_KPI_DAYS * DAY_MS, toMs }
  }

  return new Hono<AppEnv>()
    .get('/kpis', requirePermission('overview'), validate('query', kpiQuery), async (c) => {
      const q = c.req.valid('query')
      const group = q.group ?? 'unit'
      const { fromMs, toMs } = period(q)
      const rows = computeKpis(await kpiCases(fromMs, toMs), { fromMs, toMs, nowMs: clock().getTime(), group })
      const label = await names(group)
      const named = rows.map((r) => ({ ...r, name: r.key === null ? null : (label.get(r.key)?.name ?? r.key), name_en: r.key === null ? null : (label.get(r.key)?.nameEn ?? r.key) }))
      if (q.format === 'csv') {
        const lines = [['key', 'name', ...KPI_COLUMNS].join(','), ...named.map((r) => [r.key, r.name, ...KPI_COLUMNS.map((k) => r[k])].map(csvCell).join(','))]
        c.header('content-disposition', `attachment; filename="kpis-${group}-${districtCalendar.dateOf(fromMs)}-${districtCalendar.dateOf(toMs)}.csv"`)
        return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8' })
      }
      // The rows themselves are the answer (the API contract: "→ rows with closure_rate, …"); the period they cover
      // travels in headers.
      c.header('x-period-from', new Date(fromMs).toISOString())
      c.header('x-period-to', new Date(toMs).toISOString())
      return c.json(named.map((r) => ({ group, ...r })))
    })
    .get('/kpis/league', requireUser(), validate('query', leagueQuery), async (c) => {
      const { fromMs, toMs } = period(c.req.valid('query'))
      const rows = computeKpis(await kpiCases(fromMs, toMs), { fromMs, toMs, nowMs: clock().getTime(), group: 'unit' })
      const label = await names('unit')
      return c.json({
        period: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
        units: rankUnits(rows).map((r) => ({ ...r, name: r.key === null ? null : (label.get(r.key)?.name ?? r.key), name_en: r.key === null ? null : (label.get(r.key)?.nameEn ?? r.key) })),
      })
    })
    .get('/cases-overview', requirePermission('overview'), async (c) => {
      const now = clock().getTime()
      const open = (await store.cases({ statuses: [...OPEN_INCIDENT_STATUSES], limit: 'all' })).items
      const overdue = open.filter((x) => isOverdue(x, now))
      const escalated = open.filter((x) => x.escalated)
      const byUnit = new Map<string, number>()
      for (const x of overdue) byUnit.set(x.unitId ?? '-', (byUnit.get(x.unitId ?? '-') ?? 0) + 1)
      return c.json({
        open: open.length,
        overdue: overdue.length,
        escalated: escalated.length,
        awaiting_verification: open.filter((x) => x.status === 'handled').length,
        escalated_cases: escalated
          .sort((a, b) => b.reportCount - a.reportCount || a.deadlineMs - b.deadlineMs)
          .slice(0, 20)
          .map((x) => ({ id: x.id, category: x.category, report_count: x.reportCount, priority: x.priority, deadline: new Date(x.deadlineMs).toISOString(), overdue: isOverdue(x, now), coordinates: x.coordinates, lamp_id: x.lampId, unit_id: x.unitId })),
        overdue_by_unit: [...byUnit].map(([unit_id, count]) => ({ unit_id, count })).sort((a, b) => b.count - a.count),
      })
    })
    .get('/measures', requireUser(), async (c) => {
      const today = districtCalendar.dateOf(clock().getTime())
      const measures = await store.measures()
      return c.json(measures.map((m) => measureJson(m, today)))
    })
    .post('/measures', requirePermission('createMeasure'), validate('json', measureBody), async (c) => {
      const b = c.req.valid('json')
      await assertKnownUnit(b.unit_id)
      const m = await store.createMeasure({ area: b.area, title: b.title, description: b.description ?? '', unitId: b.unit_id, person: b.person, deadline: b.deadline }, actorOf(c), clock())
      return c.json(measureJson(m, districtCalendar.dateOf(clock().getTime())), 201)
    })
    .patch('/measures/:id', requirePermission('updateMeasure'), validate('param', z.object({ id: z.string().min(1).max(16) })), validate('json', measurePatch), async (c) => {
      const { id } = c.req.valid('param')
      const b = c.req.valid('json')
      const user = signedInUser(c)
      const current = await store.measure(id)
      if (!current) throw new ProblemError(404, 'not-found', `measure ${id} does not exist`)
      if (b.unit_id !== undefined) await assertKnownUnit(b.unit_id)
      // A unit reports progress on its own measures only, and cannot reassign or reschedule them — whatever other
      // roles the account holds, unless one of them (leader, admin, inspector) grants the edit by itself.
      if (!user.roles.some((r) => r === 'leader' || r === 'admin' || r === 'inspector')) {
        if (current.unitId !== user.unitId) throw new ProblemError(403, 'forbidden', `measure ${id} belongs to another unit`)
        if (b.unit_id !== undefined || b.deadline !== undefined || b.title !== undefined) throw new ProblemError(403, 'forbidden', 'a unit may report progress, status and notes only')
      }
      const m = await store.updateMeasure(
        id,
        { title: b.title, description: b.description, unitId: b.unit_id, person: b.person, deadline: b.deadline, status: b.status, progress: b.progress, note: b.note },
        actorOf(c),
        clock(),
        b.version,
      )
      return c.json(measureJson(m, districtCalendar.dateOf(clock().getTime())))
    })
}

/** A measure on the wire; `overdue` flags it for the inspection office (执法监察科). */
function measureJson(m: Measure, today: string) {
  return {
    id: m.id,
    area: m.area,
    title: m.title,
    description: m.description,
    unit_id: m.unitId,
    person: m.person,
    deadline: m.deadline,
    status: m.status,
    progress: m.progress,
    overdue: m.status !== 'done' && m.deadline < today,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    version: m.version,
    notes: m.notes,
  }
}
