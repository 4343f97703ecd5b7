// Time limits (限时整改, docs/domain-notes.md §1–§2) per category and the deadline arithmetic of a case. Pure and table-driven.
// Hours are calendar hours: the bureau's command centre and squads work a 24-hour clock, so no working-day calendar.
import { isOpenStatus, isPendingWork, type IncidentStatus } from '../kernel/statuses.ts'

/** Hours allowed per stage; all calendar hours. */
export interface TimeLimit {
  intakeHours: number // report → dispatch (立案 and 派遣 by the command centre)
  handlingHours: number // dispatch → the unit reports the result (处置 + 反馈)
  extensionHours: number // added to the deadline by each approved 延期 extension
}

export const HOUR_MS = 3_600_000

// Our engineering defaults, not a standard's numbers: GB/T 30428 leaves time limits to each city's own standard.
// Street-order offences are transient (a vendor moves on within hours), so they get the shortest limits; garbage
// and stacking a working day or so; illegal construction must be stopped ("制止") within 3 days; a lamp outage is
// relit at first notice (docs/domain-notes.md §1), i.e. by the next night. An extension grants the handling time once more.
const limit = (intakeHours: number, handlingHours: number): TimeLimit => Object.freeze({ intakeHours, handlingHours, extensionHours: handlingHours })

/** Per category, our engineering defaults (see above); categories not listed get `DEFAULT_FALLBACK_TIME_LIMIT`. */
export const DEFAULT_TIME_LIMITS: Readonly<Record<string, TimeLimit>> = Object.freeze({
  '0101': limit(1, 72), // 私搭乱建 illegal construction: stopped (制止) within 3 days
  '0102': limit(1, 12), // 暴露垃圾 exposed garbage
  '0103': limit(1, 24), // 积存垃圾渣土 accumulated garbage and debris
  '0104': limit(1, 12), // 道路不洁 dirty road
  '0501': limit(0.5, 2), // 无照经营游商 unlicensed street vending
  '0504': limit(0.5, 4), // 店外经营 shop spill-over
  '0507': limit(1, 24), // 乱堆物堆料 stacking
  '0510': limit(0.5, 2), // 露天烧烤 open-air barbecue
  '0118': limit(1, 24), // 路灯故障 lamp outage: relit by the next night
})

/** For categories the table does not name: intake 1 h + handling 24 h, extension 24 h (our choice). */
export const DEFAULT_FALLBACK_TIME_LIMIT: TimeLimit = limit(1, 24)

function checkLimit(category: string, l: TimeLimit): TimeLimit {
  for (const key of ['intakeHours', 'handlingHours', 'extensionHours'] as const) {
    const v = l[key]
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`time limit for ${category}: ${key} must be a finite number of hours ≥ 0, got ${String(v)}`)
  }
  return l
}

/**
 * The time limit for `category` from `limits` (a whole table, not merged over the defaults: to change one entry pass
 * `{ ...DEFAULT_TIME_LIMITS, '0501': … }`), else `fallback`. Throws a RangeError for a negative or non-finite hour count.
 */
export function timeLimitFor(
  category: string,
  limits: Readonly<Record<string, TimeLimit>> = DEFAULT_TIME_LIMITS,
  fallback: TimeLimit = DEFAULT_FALLBACK_TIME_LIMIT,
): TimeLimit {
  // Own keys only: a code such as 'constructor' must not find Object.prototype's members.
  const found = Object.hasOwn(limits, category) ? limits[category] : undefined
  return checkLimit(category, found ?? fallback)
}

/**
 * Deadline as epoch ms. Before dispatch: reportedMs + intake + handling; from dispatch on: dispatchedMs + handling;
 * plus extensionHours × approvedExtensions. Calendar hours (a 24 h clock bureau). `dispatchedMs` is the dispatch the
 * current unit received, so a returned and re-dispatched case gives the new unit its full handling time.
 * Rounded to whole milliseconds. Throws a RangeError for non-finite times or a negative / fractional extension count.
 */
export function computeDeadlineMs(
  c: { category: string; reportedMs: number; dispatchedMs: number | null; approvedExtensions: number },
  limits: Readonly<Record<string, TimeLimit>> = DEFAULT_TIME_LIMITS,
  fallback: TimeLimit = DEFAULT_FALLBACK_TIME_LIMIT,
): number {
  if (!Number.isFinite(c.reportedMs)) throw new RangeError(`computeDeadlineMs: reportedMs must be finite epoch ms, got ${c.reportedMs}`)
  if (c.dispatchedMs !== null && !Number.isFinite(c.dispatchedMs)) {
    throw new RangeError(`computeDeadlineMs: dispatchedMs must be finite epoch ms or null, got ${c.dispatchedMs}`)
  }
  if (!Number.isInteger(c.approvedExtensions) || c.approvedExtensions < 0) {
    throw new RangeError(`computeDeadlineMs: approvedExtensions must be an integer ≥ 0, got ${c.approvedExtensions}`)
  }
  const l = timeLimitFor(c.category, limits, fallback)
  const base = c.dispatchedMs === null ? c.reportedMs + (l.intakeHours + l.handlingHours) * HOUR_MS : c.dispatchedMs + l.handlingHours * HOUR_MS
  return Math.round(base + l.extensionHours * HOUR_MS * c.approvedExtensions)
}

/**
 * The deadline after one more approved extension: `deadlineMs` + the category's extensionHours. For a store that
 * keeps the current deadline (which may have been pulled in) rather than recomputing it from the case's history.
 */
export function extendDeadlineMs(
  deadlineMs: number,
  category: string,
  limits: Readonly<Record<string, TimeLimit>> = DEFAULT_TIME_LIMITS,
  fallback: TimeLimit = DEFAULT_FALLBACK_TIME_LIMIT,
): number {
  return Math.round(deadlineMs + timeLimitFor(category, limits, fallback).extensionHours * HOUR_MS)
}

/**
 * Escalation pulls the deadline in: the time left is halved (never before `nowMs`), rounded down to whole ms.
 * A deadline already at or before `nowMs` is returned unchanged: pulling in never moves a deadline later.
 */
export function pullInDeadlineMs(deadlineMs: number, nowMs: number): number {
  if (deadlineMs <= nowMs) return deadlineMs
  return nowMs + Math.floor((deadlineMs - nowMs) / 2)
}

/** A case's status; 'merged' marks a repeat report folded into an earlier open case. */
export type CaseStatus = IncidentStatus

/** Open = not closed, rejected or merged. */
export const isOpenCase = (status: CaseStatus): boolean => isOpenStatus(status)

/**
 * Open = not closed/rejected/merged; overdue = open (not yet handled or in rework) and now > deadline. A handled case
 * waiting for verification is not overdue for the unit. At exactly the deadline a case is still on time.
 */
export function isOverdue(c: { status: CaseStatus; deadlineMs: number }, nowMs: number): boolean {
  return isPendingWork(c.status) && nowMs > c.deadlineMs
}
