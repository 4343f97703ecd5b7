// Illegal construction (私搭乱建, 0101) follows the plan's 发现一起、制止一起、查处一起: every structure found is stopped
// (制止: the stop notice served, with its date and number) and investigated to an outcome (查处: a penalty, demolition,
// or legalisation through the permit office). A 0101 case cannot be reported handled before the stop is recorded,
// nor closed before the outcome is; each step has its own deadline counted from dispatch.
//
// Decision: the stop is due 24 hours after dispatch (a structure going up must be halted at once), the outcome
// 15 days after dispatch (the time to hear the builder and decide); both are recorded once, by the responsible
// unit, as steps of the case's timeline.
import type { CaseAction } from './case-workflow.ts'

export const ENFORCED_CATEGORY = '0101'
export const STOP_DUE_MS = 24 * 3_600_000
export const OUTCOME_DUE_MS = 15 * 24 * 3_600_000

export const ENFORCEMENT_OUTCOMES = ['penalty', 'demolition', 'legalisation'] as const
export type EnforcementOutcome = (typeof ENFORCEMENT_OUTCOMES)[number]

export interface StopRecord {
  step: 'stop'
  date: string // YYYY-MM-DD, the day the notice was served
  noticeNumber: string
}

export interface OutcomeRecord {
  step: 'outcome'
  date: string
  outcome: EnforcementOutcome
  note: string | null
}

export type EnforcementRecord = StopRecord | OutcomeRecord

/** The timeline action that records each step. */
export const ENFORCEMENT_ACTIONS = { stop: 'enforce_stop', outcome: 'enforce_outcome' } as const

export const isEnforced = (category: string): boolean => category === ENFORCED_CATEGORY

/** Reads a step from its timeline event's note (JSON); undefined for anything else. */
export function readEnforcement(action: string, note: string | null): EnforcementRecord | undefined {
  if (note === null || (action !== ENFORCEMENT_ACTIONS.stop && action !== ENFORCEMENT_ACTIONS.outcome)) return undefined
  try {
    const value = JSON.parse(note) as { date?: unknown; noticeNumber?: unknown; outcome?: unknown; note?: unknown }
    if (action === ENFORCEMENT_ACTIONS.stop && typeof value.date === 'string' && typeof value.noticeNumber === 'string') {
      return { step: 'stop', date: value.date, noticeNumber: value.noticeNumber }
    }
    if (action === ENFORCEMENT_ACTIONS.outcome && typeof value.date === 'string' && ENFORCEMENT_OUTCOMES.includes(value.outcome as EnforcementOutcome)) {
      return { step: 'outcome', date: value.date, outcome: value.outcome as EnforcementOutcome, note: typeof value.note === 'string' ? value.note : null }
    }
  } catch {
    // a note that is not ours: not a step
  }
  return undefined
}

/** The step `action` still lacks on an enforced case (handling needs the stop, closing the outcome), if any. */
export function missingEnforcement(action: CaseAction, category: string, recorded: ReadonlySet<EnforcementRecord['step']>): EnforcementRecord['step'] | undefined {
  if (!isEnforced(category)) return undefined
  if (action === 'handle' && !recorded.has('stop')) return 'stop'
  if (action === 'verify_pass' && !recorded.has('stop')) return 'stop'
  if (action === 'verify_pass' && !recorded.has('outcome')) return 'outcome'
  return undefined
}

/** Each step's deadline, counted from dispatch (none before the case is dispatched). */
export function enforcementDeadlines(dispatchedMs: number | null): { stopMs: number | null; outcomeMs: number | null } {
  return dispatchedMs === null ? { stopMs: null, outcomeMs: null } : { stopMs: dispatchedMs + STOP_DUE_MS, outcomeMs: dispatchedMs + OUTCOME_DUE_MS }
}
