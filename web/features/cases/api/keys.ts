// The cases feature's query keys: the case lists (open cases, the leader's browsing pages) and single cases.
import type { CasesQuery } from './get-cases.ts'

export const caseKeys = {
  /** Every case list. */
  lists: ['cases'] as const,
  open: (query: Pick<CasesQuery, 'state'>) => [...caseKeys.lists, query] as const,
  browse: (query: Omit<CasesQuery, 'limit' | 'offset'>) => [...caseKeys.lists, 'browse', query] as const,
  /** Every single case's detail. */
  details: ['case'] as const,
  detail: (id: string) => [...caseKeys.details, id] as const,
}
