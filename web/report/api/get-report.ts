// GET /api/reports/:tracking: a report's progress as its citizen may see it.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../lib/api.ts'
import { reportKeys } from './keys.ts'

export const getReport = (trackingNumber: string) => parseResponse(client.api.reports[':tracking'].$get({ param: { tracking: trackingNumber } }))

export type ReportStatus = Awaited<ReturnType<typeof getReport>>

export const reportQueryOptions = (trackingNumber: string) =>
  queryOptions({
    queryKey: reportKeys.detail(trackingNumber),
    queryFn: () => getReport(trackingNumber),
    // progress changes while the page is open: a citizen coming back to the tab sees the latest state
    staleTime: 0,
    refetchOnWindowFocus: true,
  })

export const useReport = (trackingNumber: string | undefined) =>
  useQuery({ ...reportQueryOptions(trackingNumber ?? ''), enabled: trackingNumber !== undefined })
