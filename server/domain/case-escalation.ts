// What a case becomes when it gains reports: more reports raise its priority at the policy's thresholds, and the
// first escalation pulls its deadline in once.
import { priorityForReports } from '../analysis/repeat-reports.ts'
import { pullInDeadlineMs } from './case-deadlines.ts'
import type { Case } from './cases.ts'

export interface Escalation {
  priority: 1 | 2 | 3
  deadlineMs: number
  escalated: boolean
}

export function escalateCase(current: Pick<Case, 'priority' | 'deadlineMs' | 'escalated'>, reportCount: number, nowMs: number): Escalation {
  const priority = priorityForReports(reportCount)
  const deadlineMs = priority > current.priority ? pullInDeadlineMs(current.deadlineMs, nowMs) : current.deadlineMs
  return { priority: Math.max(priority, current.priority) as 1 | 2 | 3, deadlineMs, escalated: priority > 1 || current.escalated }
}
