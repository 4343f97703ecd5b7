// Demo mode: the generated incidents become cases with plausible workflow history — responsible units, stage
// timestamps, deadlines, a little rework, extensions and ratings — decided deterministically from each incident's
// id, so the same district always tells the same story. Open outage cases carry every call about their lamp (the
// seed's "many calls, no fix") and are escalated. Also the bureau's rectification measures board.
import { createHash } from 'node:crypto'
import { priorityForReports } from './analysis/repeat-reports.ts'
import { buildResponsibleUnits, routeCase } from './domain/case-routing.ts'
import { computeDeadlineMs, pullInDeadlineMs, timeLimitFor } from './domain/case-deadlines.ts'
import { districtCalendar } from './domain/district-calendar.ts'
import { newTrackingNumber } from './domain/tracking-numbers.ts'
import type { CaseFields } from './domain/cases.ts'
import type { MeasureArea } from './kernel/statuses.ts'
import { LAMP_OUTAGE_CATEGORY } from './kernel/categories.ts'
import { isOpenStatus, type IncidentStatus } from './kernel/statuses.ts'
import type { Incident, Zone } from './kernel/records.ts'
import type { Store } from './store/store.ts'

const MINUTE_MS = 60_000

/** A number in [0, 1) fixed by the text: the same incident always draws the same value. */
function draw(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32
}

/** Case fields plus the incident's own closing time, which must agree with the case's. */
export type DemoCaseFields = Partial<CaseFields> & { closedAt?: string | null }

const REACHED: Record<IncidentStatus, number> = { reported: 0, rejected: 0, merged: 0, accepted: 1, dispatched: 2, in_handling: 2, handled: 3, closed: 4 }

/** Case fields for one generated incident; `callsPerLamp` counts the outage calls about each lamp. */
export function deriveDemoCaseFields(x: Incident, units: ReturnType<typeof buildResponsibleUnits>, callsPerLamp: ReadonlyMap<string, number>, nowMs: number): DemoCaseFields {
  const reportedMs = Date.parse(x.reportedAt)
  const reached = REACHED[x.status]
  const acceptedMs = reached >= 1 ? reportedMs + Math.round(5 + draw(`${x.id}a`) * 40) * MINUTE_MS : null
  const dispatchedMs = reached >= 2 && acceptedMs !== null ? acceptedMs + Math.round(5 + draw(`${x.id}d`) * 60) * MINUTE_MS : null
  // Each unit has its own record: most finish within the time limit most of the time, a few lag (the league table
  // needs both). A case done on time is handled within 20–95 % of its handling time; a late one takes 1.1–3×.
  const unitId = routeCase({ category: x.category, zoneId: x.zoneId }, units)
  const onTimeShare = 0.68 + draw(`unit:${unitId}`) * 0.3
  const handlingMs = timeLimitFor(x.category).handlingHours * 3_600_000
  const onTime = draw(`${x.id}o`) < onTimeShare
  const handledAfterMs = Math.round(handlingMs * (onTime ? 0.2 + draw(`${x.id}h`) * 0.75 : 1.1 + draw(`${x.id}h`) * 1.9))
  const firstHandledMs = reached >= 3 && dispatchedMs !== null ? Math.min(nowMs - MINUTE_MS, dispatchedMs + handledAfterMs) : null
  // Verification takes the rest of the time limit at most when on time, a few hours more when late.
  const closedMs =
    x.status === 'closed' && firstHandledMs !== null && dispatchedMs !== null
      ? Math.min(nowMs - MINUTE_MS, onTime ? firstHandledMs + Math.round((dispatchedMs + handlingMs - firstHandledMs) * draw(`${x.id}c`)) : firstHandledMs + Math.round((1 + draw(`${x.id}c`) * 5) * 3_600_000))
      : x.closedAt
        ? Date.parse(x.closedAt)
        : null
  const extensionCount = reached >= 2 && draw(`${x.id}e`) < 0.05 ? 1 : 0
  const reworkCount = reached >= 3 && draw(`${x.id}r`) < 0.06 ? 1 : 0
  let deadlineMs = computeDeadlineMs({ category: x.category, reportedMs, dispatchedMs, approvedExtensions: extensionCount })
  let reportCount = 1
  let priority: 1 | 2 | 3 = 1
  const open = isOpenStatus(x.status)
  if (open && x.category === LAMP_OUTAGE_CATEGORY && x.lampId) {
    reportCount = callsPerLamp.get(x.lampId) ?? 1
    priority = priorityForReports(reportCount)
    if (priority > 1) deadlineMs = pullInDeadlineMs(deadlineMs, reportedMs)
  }
  const rated = x.status === 'closed' && draw(`${x.id}s`) < 0.6
  // Mostly satisfied, a tail of unhappy citizens — concentrated where the fix was late.
  const late = closedMs !== null && closedMs > deadlineMs
  const stars = rated ? Math.max(1, Math.min(5, Math.round(4.4 - (late ? 1.6 : 0) + (draw(`${x.id}t`) - 0.5) * 2.4))) : null
  return {
    unitId,
    closedAt: closedMs === null ? null : districtCalendar.isoInstant(new Date(closedMs)),
    acceptedMs,
    dispatchedMs,
    firstHandledMs,
    closedMs,
    deadlineMs,
    extensionCount,
    reworkCount,
    reportCount,
    priority,
    escalated: priority > 1,
    result: reached >= 3 ? '已按要求处置' : null,
    rating: stars,
  }
}

/** Units, case fields for every incident, and the measures board. */
export async function seedDemoCases(store: Store, zones: readonly Zone[], incidents: readonly Incident[], now: Date): Promise<void> {
  const units = buildResponsibleUnits(zones)
  const callsPerLamp = new Map<string, number>()
  const yearAgo = now.getTime() - 365 * 86_400_000
  for (const x of incidents) {
    if (x.category === LAMP_OUTAGE_CATEGORY && x.lampId && Date.parse(x.reportedAt) >= yearAgo) callsPerLamp.set(x.lampId, (callsPerLamp.get(x.lampId) ?? 0) + 1)
  }
  await store.seedCases(units, (x) => ({
    ...deriveDemoCaseFields(x, units, callsPerLamp, now.getTime()),
    trackingNumber: newTrackingNumber(new Date(Date.parse(x.reportedAt)), districtCalendar),
  }))
  await seedDemoMeasures(store, now)
}

const DEMO_MEASURES: { area: MeasureArea; title: string; unitId: string; person: string; inDays: number }[] = [
  { area: 'street_order', title: '划定示范街、规范街、商业街并公示', unitId: 'ENF', person: '王队长', inDays: 20 },
  { area: 'street_order', title: '在商业街设置流动摊贩有序疏导点', unitId: 'ENF', person: '李副队长', inDays: -5 },
  { area: 'team_building', title: '执法队员文明执法培训', unitId: 'ENF', person: '赵科长', inDays: 45 },
  { area: 'sanitation', title: '背街小巷每日两次清扫、垃圾日产日清', unitId: 'SAN', person: '陈处长', inDays: 10 },
  { area: 'sanitation', title: '与办事处、社区建立小街小巷保洁联动机制', unitId: 'SAN', person: '刘站长', inDays: -12 },
  { area: 'municipal_lighting', title: '路灯每日巡查，接报即修', unitId: 'LGT', person: '周所长', inDays: 7 },
  { area: 'municipal_lighting', title: '二期小街小巷亮灯改造摸底调查', unitId: 'LGT', person: '吴工程师', inDays: -3 },
  { area: 'municipal_lighting', title: '亮灯死角清零（改造实施）', unitId: 'LGT', person: '周所长', inDays: 90 },
]

async function seedDemoMeasures(store: Store, now: Date): Promise<void> {
  if ((await store.measures()).length > 0) return
  const system = { userId: null, username: 'system' }
  for (const m of DEMO_MEASURES) {
    const deadline = districtCalendar.dateOf(now.getTime() + m.inDays * 86_400_000)
    const created = await store.createMeasure({ area: m.area, title: m.title, description: '', unitId: m.unitId, person: m.person, deadline }, system, now)
    if (m.inDays < 0) await store.updateMeasure(created.id, { status: 'in_progress', progress: 40, note: '推进中，进度滞后' }, system, now)
  }
}
