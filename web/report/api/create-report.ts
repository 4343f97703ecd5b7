// POST /api/reports (no sign-in): a citizen's report; 201 with the tracking number to follow it by.
import { useMutation } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../lib/api.ts'

export type NewReport = InferRequestType<typeof client.api.reports.$post>['json']

export const createReport = (report: NewReport) => parseResponse(client.api.reports.$post({ json: report }))

export type CreatedReport = Awaited<ReturnType<typeof createReport>>

export const useCreateReport = () => useMutation({ mutationFn: createReport })
