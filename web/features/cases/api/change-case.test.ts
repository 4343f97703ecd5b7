import { QueryClient } from '@tanstack/react-query'
import { DetailedError } from 'hono/client'
import { describe, expect, test } from 'vitest'
import { isStaleCaseError, writeCaseToCache } from './change-case.ts'
import type { CaseDetail } from './get-case.ts'
import type { CaseList, CaseSummary } from './get-cases.ts'
import { openCasesQueryOptions } from './get-cases.ts'

function createSummary(id: string, fields: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    state: 'reported',
    category: '0104',
    category_name: '道路不洁',
    category_name_en: 'Dirty road',
    construction_stage: null,
    source: 'public_web',
    coordinates: [104.065, 30.665],
    description: '路面很脏',
    reported_at: '2026-11-01T10:00:00+08:00',
    updated_at: '2026-11-01T10:00:00+08:00',
    closed_at: null,
    zone_id: '001',
    street_id: null,
    lamp_id: null,
    unit: { id: 'SD001', name: '办事处', name_en: 'Office' },
    deadline: '2026-11-01T23:00:00+08:00',
    overdue: false,
    hours_left: 13,
    priority: 1,
    escalated: false,
    report_count: 1,
    rework_count: 0,
    extension_count: 0,
    extension_requested: false,
    repeat_of: null,
    result: null,
    rating: null,
    rating_comment: null,
    tracking_number: `GW261101${id}`,
    phone: null,
    version: 1,
    available_actions: ['accept', 'reject'],
    ...fields,
  }
}

const detailOf = (summary: CaseSummary): CaseDetail => ({ ...summary, near_street: null, enforcement: null, likely_repeats: [], timeline: [], photos: [] })

/** A fresh cache holding the open cases the queues and the map had loaded. */
function createLoadedCache(...items: CaseSummary[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
  queryClient.setQueryData<CaseList>(openCasesQueryOptions().queryKey, { total: items.length, items })
  return queryClient
}

const openIds = (queryClient: QueryClient) => queryClient.getQueryData<CaseList>(openCasesQueryOptions().queryKey)?.items.map((c) => [c.id, c.state])

describe('writeCaseToCache', () => {
  test('shows a step at once: the detail with its new ETag and the row in its new state', () => {
    const queryClient = createLoadedCache(createSummary('I1'), createSummary('I2'))
    const accepted = createSummary('I1', { state: 'accepted', version: 2, available_actions: ['dispatch'] })
    writeCaseToCache(queryClient, { case: detailOf(accepted), etag: '"2"' })
    expect(queryClient.getQueryData(['case', 'I1'])).toMatchObject({ etag: '"2"', case: { state: 'accepted' } })
    expect(openIds(queryClient)).toEqual([
      ['I1', 'accepted'],
      ['I2', 'reported'],
    ])
  })

  test('drops a closed case from the open cases and counts one fewer', () => {
    const queryClient = createLoadedCache(createSummary('I1', { state: 'handled' }), createSummary('I2'))
    writeCaseToCache(queryClient, { case: detailOf(createSummary('I1', { state: 'closed', version: 5 })), etag: '"5"' })
    expect(openIds(queryClient)).toEqual([['I2', 'reported']])
    expect(queryClient.getQueryData<CaseList>(openCasesQueryOptions().queryKey)?.total).toBe(1)
  })

  test('leaves a case the list does not hold to the refetch, and marks the lists for it', () => {
    const queryClient = createLoadedCache(createSummary('I2'))
    queryClient.setQueryData(['incidents', {}], { type: 'FeatureCollection', features: [] })
    writeCaseToCache(queryClient, { case: detailOf(createSummary('I9', { state: 'accepted' })), etag: '"2"' })
    expect(openIds(queryClient)).toEqual([['I2', 'reported']])
    expect(queryClient.getQueryState(openCasesQueryOptions().queryKey)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(['incidents', {}])?.isInvalidated).toBe(true)
  })

  test('does not mutate the cached rows it replaces', () => {
    const row = createSummary('I1')
    const copy = structuredClone(row)
    const queryClient = createLoadedCache(row)
    writeCaseToCache(queryClient, { case: detailOf(createSummary('I1', { state: 'accepted' })), etag: '"2"' })
    expect(row).toEqual(copy)
  })
})

describe('isStaleCaseError', () => {
  const problem = (status: number, code: string) => new DetailedError(String(status), { statusCode: status, detail: { data: { code } } })

  test('is true for a stale version and for a step the state no longer allows', () => {
    expect(isStaleCaseError(problem(409, 'conflict'))).toBe(true)
    expect(isStaleCaseError(problem(409, 'invalid-transition'))).toBe(true)
  })

  test('is false for a refusal that reloading would not change, and for no answer at all', () => {
    expect(isStaleCaseError(problem(403, 'forbidden'))).toBe(false)
    expect(isStaleCaseError(problem(422, 'unknown-unit'))).toBe(false)
    expect(isStaleCaseError(new TypeError('Failed to fetch'))).toBe(false)
  })
})
