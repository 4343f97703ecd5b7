// POST /api/reports/:tracking/rating: 1–5 stars for a closed case, once (409 conflict after that).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { invalidateAffected } from '../../lib/affects.ts'
import { client, parseResponse } from '../../lib/api.ts'

export interface ReportRating {
  trackingNumber: string
  stars: number
  comment?: string
}

export const rateReport = ({ trackingNumber, stars, comment }: ReportRating) =>
  parseResponse(client.api.reports[':tracking'].rating.$post({ param: { tracking: trackingNumber }, json: { stars, ...(comment ? { comment } : {}) } }))

export const useRateReport = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: rateReport,
    // rated or refused as already rated: either way the status shown must be the server's latest
    onSettled: () => invalidateAffected(queryClient, 'caseRate'),
  })
}
