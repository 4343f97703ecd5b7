// GET /api/briefings (staff), POST /api/briefings (leader: draft one), POST /api/briefings/:id/issue (leader).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'
import { briefingKeys } from './keys.ts'

export const getBriefings = () => parseResponse(client.api.briefings.$get())
export type Briefing = Awaited<ReturnType<typeof getBriefings>>[number]
export type DraftRequest = InferRequestType<typeof client.api.briefings.$post>['json']

export const briefingsQueryOptions = () =>
  queryOptions({
    queryKey: briefingKeys.list(),
    queryFn: getBriefings,
    // the weekly draft appears on its own on Monday morning; a reader coming back wants it listed
    staleTime: 0,
  })

export const useBriefings = (enabled: boolean) => useQuery({ ...briefingsQueryOptions(), enabled })

export function useDraftBriefing() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: DraftRequest) => parseResponse(client.api.briefings.$post({ json })),
    onSuccess: () => invalidateAffected(queryClient, 'briefing'),
  })
}

export function useIssueBriefing() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => parseResponse(client.api.briefings[':id'].issue.$post({ param: { id } })),
    // a refusal (someone issued it first) also changes what the list should show
    onSettled: () => invalidateAffected(queryClient, 'briefing'),
  })
}
