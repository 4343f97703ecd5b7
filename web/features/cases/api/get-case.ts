// GET /api/cases/:id: one case with its timeline, photos and the caller's actions, and the ETag (its version) that
// every change must send back as If-Match, so two people acting on the same case cannot overwrite each other.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { CASES_STALE_MS } from './get-cases.ts'
import { caseKeys } from './keys.ts'

const fetchCase = (id: string) => client.api.cases[':id'].$get({ param: { id } })

export type CaseDetail = InferResponseType<(typeof client.api.cases)[':id']['$get'], 200>
export type TimelineEvent = CaseDetail['timeline'][number]
export type TimelineAction = TimelineEvent['action']
export type CasePhoto = CaseDetail['photos'][number]

/** A case as loaded, with the ETag it came with. */
export interface LoadedCase {
  case: CaseDetail
  etag: string
}

/** The ETag header, or the version it stands for when a proxy dropped the header (the server sends `"<version>"`). */
export function readEtag(headers: Headers, version: number): string {
  return headers.get('etag') ?? `"${version}"`
}

export async function getCase(id: string): Promise<LoadedCase> {
  const response = await fetchCase(id)
  const body = await parseResponse(response)
  return { case: body, etag: readEtag(response.headers, body.version) }
}

export const caseQueryKey = caseKeys.detail

export const caseQueryOptions = (id: string) =>
  queryOptions({ queryKey: caseQueryKey(id), queryFn: () => getCase(id), staleTime: CASES_STALE_MS })

export const useCase = (id: string) => useQuery(caseQueryOptions(id))
