// GET /api/reports/similar: open cases of the same category near a place, offered before a report is sent.
import { queryOptions } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../lib/api.ts'
import { similarReportKeys } from './keys.ts'

export type SimilarReportsQuery = InferRequestType<typeof client.api.reports.similar.$get>['query']

export const getSimilarReports = (query: SimilarReportsQuery) => parseResponse(client.api.reports.similar.$get({ query }))

export type SimilarReport = Awaited<ReturnType<typeof getSimilarReports>>[number]

// Asked right before sending: a case opened a minute ago counts, so nothing is reused from an earlier answer
export const similarReportsQueryOptions = (query: SimilarReportsQuery) =>
  queryOptions({ queryKey: similarReportKeys.list(query), queryFn: () => getSimilarReports(query), staleTime: 0 })
