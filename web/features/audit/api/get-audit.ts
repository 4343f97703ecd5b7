// GET /api/audit (admin, leader): who changed what, newest first, paged backwards with `before` (an entry id).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { auditKeys } from './keys.ts'

export type AuditQuery = InferRequestType<typeof client.api.audit.$get>['query']

/** The filters a reader chooses; paging is added per page. */
export type AuditFilter = Pick<AuditQuery, 'entity' | 'entity_id' | 'username' | 'from' | 'to'>

export const getAudit = (query: AuditQuery) => parseResponse(client.api.audit.$get({ query }))

export type AuditEntry = Awaited<ReturnType<typeof getAudit>>[number]

// entries per page: a screenful or two of the panel
export const AUDIT_PAGE_SIZE = 50

export const auditQueryOptions = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) =>
      getAudit({ ...filter, limit: String(AUDIT_PAGE_SIZE), ...(pageParam === undefined ? {} : { before: String(pageParam) }) }),
    initialPageParam: undefined as number | undefined,
    // a short page is the last one; otherwise the next page starts below the oldest entry shown
    getNextPageParam: (lastPage) => (lastPage.length < AUDIT_PAGE_SIZE ? undefined : lastPage.at(-1)?.id),
    // the log grows with every write anywhere; a reader who comes back to it wants it current
    staleTime: 0,
  })

export const useAudit = (filter: AuditFilter) => useInfiniteQuery(auditQueryOptions(filter))
