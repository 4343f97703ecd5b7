// The audit feature's query keys: every query it defines starts with one of these, so a write can name what it changes.
import type { AuditFilter } from './get-audit.ts'

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => [...auditKeys.all, filter] as const,
}
