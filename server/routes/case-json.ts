// Cases on the wire: the staff view (everything), and the public view (no personal data, no staff names).
import { enforcementDeadlines, isEnforced, readEnforcement, type EnforcementRecord } from '../domain/case-enforcement.ts'
import type { ResponsibleUnit } from '../domain/case-routing.ts'
import { CONSTRUCTION_STAGE } from '../domain/case-workflow.ts'
import type { Case, CaseEvent, CasePhoto } from '../domain/cases.ts'
import { findDistrictCategory } from '../domain/district-categories.ts'

const categoryName = (code: string) => findDistrictCategory(code)

/** The seed's stage name for illegal construction (发现 → 制止 → 查处); null for every other category. */
function constructionStage(c: Pick<Case, 'category' | 'status'>) {
  const stage = c.category === '0101' ? CONSTRUCTION_STAGE[c.status] : undefined
  return stage ? { name: stage.name, name_en: stage.nameEn } : null
}

export function caseJson(c: Case, units: ReadonlyMap<string, ResponsibleUnit>, nowMs: number, overdue: boolean) {
  const unit = c.unitId ? units.get(c.unitId) : undefined
  const category = categoryName(c.category)
  return {
    id: c.id,
    state: c.status,
    category: c.category,
    category_name: category?.name ?? c.category,
    category_name_en: category?.nameEn ?? c.category,
    // Illegal construction shows the seed's stages: 发现 discovered → 制止 stopped → 查处 investigated.
    construction_stage: constructionStage(c),
    source: c.source,
    coordinates: c.coordinates,
    description: c.description,
    reported_at: c.reportedAt,
    updated_at: c.updatedAt,
    closed_at: c.closedAt,
    zone_id: c.zoneId,
    street_id: c.streetId,
    lamp_id: c.lampId,
    unit: unit ? { id: unit.id, name: unit.name, name_en: unit.nameEn } : c.unitId ? { id: c.unitId, name: c.unitId, name_en: c.unitId } : null,
    deadline: new Date(c.deadlineMs).toISOString(),
    overdue,
    hours_left: Math.round(((c.deadlineMs - nowMs) / 3_600_000) * 10) / 10,
    priority: c.priority,
    escalated: c.escalated,
    report_count: c.reportCount,
    rework_count: c.reworkCount,
    extension_count: c.extensionCount,
    extension_requested: c.extensionRequested,
    repeat_of: c.repeatOf,
    result: c.result,
    rating: c.rating,
    rating_comment: c.ratingComment,
    tracking_number: c.trackingNumber,
    phone: c.phone,
    version: c.version,
  }
}

/** A timeline step; `display_name` is who did it as colleagues know them (null for the system and the public). */
export const eventJson = (e: CaseEvent, displayNames: ReadonlyMap<string, string> = new Map()) => {
  const enforcement = readEnforcement(e.action, e.note)
  return {
  at: e.at,
  action: e.action,
  from: e.fromStatus,
  to: e.toStatus,
  username: e.username,
  display_name: displayNames.get(e.username) ?? null,
  // a stop or an outcome of illegal construction: its fields, not the stored JSON
  note: enforcement ? (enforcement.step === 'outcome' ? enforcement.note : null) : e.note,
  enforcement: enforcement ? enforcementJson(enforcement) : null,
  // the deadline this step moved the case to (the timeline says why: dispatch, extension, escalation)
  deadline: e.deadlineMs === null ? null : new Date(e.deadlineMs).toISOString(),
  }
}

export const enforcementJson = (r: EnforcementRecord) =>
  r.step === 'stop' ? { step: r.step, date: r.date, notice_number: r.noticeNumber, outcome: null } : { step: r.step, date: r.date, notice_number: null, outcome: r.outcome }

/** Illegal construction's two steps as recorded so far, with their deadlines; null for every other category. */
export function caseEnforcementJson(c: Case, events: readonly CaseEvent[]) {
  if (!isEnforced(c.category)) return null
  const find = (step: EnforcementRecord['step']) => {
    for (const e of events) {
      const r = readEnforcement(e.action, e.note)
      if (r?.step === step) return { ...enforcementJson(r), at: e.at, username: e.username }
    }
    return null
  }
  const { stopMs, outcomeMs } = enforcementDeadlines(c.dispatchedMs)
  return {
    stop: find('stop'),
    outcome: find('outcome'),
    stop_deadline: stopMs === null ? null : new Date(stopMs).toISOString(),
    outcome_deadline: outcomeMs === null ? null : new Date(outcomeMs).toISOString(),
  }
}

export const photoJson = (p: CasePhoto) => ({ id: p.id, stage: p.stage, content_type: p.contentType, bytes: p.bytes, uploaded_at: p.uploadedAt, uploaded_by: p.uploadedBy, url: `/api/photos/${p.id}` })

/** What a citizen may see of their report: its progress, never who handled it or anyone's phone number. */
export function publicCaseJson(c: Case, events: readonly CaseEvent[]) {
  const category = categoryName(c.category)
  return {
    tracking_number: c.trackingNumber,
    state: c.status,
    category: c.category,
    category_name: category?.name ?? c.category,
    category_name_en: category?.nameEn ?? c.category,
    reported_at: c.reportedAt,
    deadline: new Date(c.deadlineMs).toISOString(),
    closed_at: c.closedAt,
    report_count: c.reportCount,
    repeat_of: c.repeatOf === null ? null : 'merged', // the internal id of another citizen's case is not theirs to see
    timeline: events.filter((e) => e.action !== 'photo').map((e) => ({ at: e.at, action: e.action, state: e.toStatus })),
    result: c.status === 'closed' ? c.result : null,
    can_rate: c.status === 'closed' && c.rating === null,
    rating: c.rating,
  }
}
