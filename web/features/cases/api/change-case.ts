// The writes on a case: a workflow step (POST /api/cases/:id/transitions, with If-Match: the ETag the user loaded),
// merging a repeat into another case, and adding a photo. A step's answer goes straight into the cache so the
// detail and the queues change at once; the lists are refetched behind it.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import { isOpenStatus } from '../../../../server/kernel/statuses.ts'
import { invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse, readRequestFailure } from '../../../lib/api.ts'
import type { CaseDetail, LoadedCase } from './get-case.ts'
import { caseQueryKey, readEtag } from './get-case.ts'
import type { CaseActionName, CaseList, CaseSummary } from './get-cases.ts'
import { openCasesQueryOptions } from './get-cases.ts'

export interface TransitionInput {
  id: string
  /** The ETag of the case as the user saw it: the server refuses the step (409 conflict) if it changed since. */
  etag: string
  action: CaseActionName
  note?: string | undefined
  /** dispatch only: another unit than the one the case was routed to. */
  unitId?: string | undefined
}

export async function postTransition({ id, etag, action, note, unitId }: TransitionInput): Promise<LoadedCase> {
  const response = await client.api.cases[':id'].transitions.$post(
    { param: { id }, json: { action, ...(note ? { note } : {}), ...(unitId ? { unit_id: unitId } : {}) } },
    { headers: { 'If-Match': etag } },
  )
  const body = await parseResponse(response)
  return { case: body, etag: readEtag(response.headers, body.version) }
}

/** Folds case `id` (at the version `etag` the user saw) into `into`; a case changed meanwhile is refused with 409. */
export const postMerge = ({ id, into, etag }: { id: string; into: string; etag: string }) =>
  parseResponse(client.api.cases[':id'].merge.$post({ param: { id }, json: { into } }, { headers: { 'If-Match': etag } }))

export const postCasePhoto = ({ id, photo }: { id: string; photo: File }) => {
  const body = new FormData()
  body.append('photo', photo)
  // the route reads the multipart body itself (no form validator), so the typed client passes it as a raw body;
  // the browser writes the content type with its boundary
  return parseResponse(client.api.cases[':id'].photos.$post({ param: { id } }, { init: { body } }))
}

/** The detail's fields that a queue row carries (a list item is the detail without timeline and photos). */
function toSummary({ timeline: _timeline, photos: _photos, ...summary }: CaseDetail): CaseSummary {
  return summary
}

/**
 * Puts a changed case into the cache: its detail, and its row in the open cases (replaced, or dropped once it is
 * closed, rejected or merged), then marks every list it touches for refetch (lib/affects.ts).
 */
export function writeCaseToCache(queryClient: QueryClient, loaded: LoadedCase): void {
  queryClient.setQueryData(caseQueryKey(loaded.case.id), loaded)
  const row = toSummary(loaded.case)
  queryClient.setQueryData<CaseList>(openCasesQueryOptions().queryKey, (old) => {
    // a case the list does not hold yet (just reported) arrives with the refetch, in the server's order
    if (!old?.items.some((item) => item.id === row.id)) return old
    if (isOpenStatus(row.state)) return { ...old, items: old.items.map((item) => (item.id === row.id ? row : item)) }
    return { total: old.total - 1, items: old.items.filter((item) => item.id !== row.id) }
  })
  void invalidateAffected(queryClient, 'caseTransition')
}

/** True when a refused step means the case on screen is out of date: someone else changed it first. */
export function isStaleCaseError(error: unknown): boolean {
  const { status, code } = readRequestFailure(error)
  return status === 409 && (code === 'conflict' || code === 'invalid-transition')
}

export function useCaseTransition() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: postTransition,
    onSuccess: (loaded) => writeCaseToCache(queryClient, loaded),
    // a stale case is reloaded at once, so the user sees what changed and the buttons that now apply
    onError: async (error) => {
      if (!isStaleCaseError(error)) return
      await invalidateAffected(queryClient, 'staleCase')
    },
  })
}

export function useMergeCase() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: postMerge,
    // the answer has no actions for the caller: reload both cases rather than guess them
    onSuccess: () => invalidateAffected(queryClient, 'caseMerge'),
  })
}

export type EnforcementInput =
  | { step: 'stop'; date: string; notice_number: string }
  | { step: 'outcome'; date: string; outcome: 'penalty' | 'demolition' | 'legalisation'; note?: string }

/** Records illegal construction's stop (制止) or outcome (查处) on case `id`; answers the case as it now is. */
export const postEnforcement = ({ id, record }: { id: string; record: EnforcementInput }) =>
  parseResponse(client.api.cases[':id'].enforcement.$post({ param: { id }, json: record }))

export function useRecordEnforcement() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: postEnforcement,
    // a timeline step, like a photo: the case's version does not change, its detail and lists are read again
    onSuccess: () => invalidateAffected(queryClient, 'casePhoto'),
  })
}

export function useAddCasePhoto() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: postCasePhoto,
    // the photo joins the case's photos and its timeline; the case's version does not change
    onSuccess: () => invalidateAffected(queryClient, 'casePhoto'),
  })
}
