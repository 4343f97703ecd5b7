// POST /api/guidance-points (a new point, status proposed) and PATCH /api/guidance-points/:id (fields, position,
// status; with the version read, so a point someone else changed meanwhile is refused with 409). The answer goes
// straight into the cached lists so the map and the panel change at once; then every list is refetched, since one
// point's move changes its neighbours' spacing violations and what the suggestions count as served.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { PATCHES, invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'
import type { GuidancePoint, GuidancePoints } from './get-guidance-points.ts'

export type NewGuidancePoint = InferRequestType<(typeof client.api)['guidance-points']['$post']>['json']
export type GuidancePointPatch = InferRequestType<(typeof client.api)['guidance-points'][':id']['$patch']>['json']

export const postGuidancePoint = (body: NewGuidancePoint) => parseResponse(client.api['guidance-points'].$post({ json: body }))

export const patchGuidancePoint = (id: string, patch: GuidancePointPatch) =>
  parseResponse(client.api['guidance-points'][':id'].$patch({ param: { id }, json: patch }))

/** Whether a cached list keeps retired points: its key is ['guidance-points', { include_retired }]. */
function listsRetired(queryKey: QueryKey): boolean {
  const params: unknown = queryKey[1]
  return typeof params === 'object' && params !== null && 'include_retired' in params && params.include_retired === 'true'
}

/** `features` with `point` put in place of its old self (or added at the end); a list without retired points drops it. */
export function upsertGuidancePoint(features: readonly GuidancePoint[], point: GuidancePoint, keepRetired: boolean): GuidancePoint[] {
  const keep = keepRetired || point.properties.status !== 'retired'
  const index = features.findIndex((f) => f.id === point.id)
  if (index < 0) return keep ? [...features, point] : [...features]
  return keep ? features.map((f) => (f.id === point.id ? point : f)) : features.filter((f) => f.id !== point.id)
}

/** Puts a created or changed point into every cached list, then marks what it touches for refetch. */
export function writeGuidancePointToCache(queryClient: QueryClient, point: GuidancePoint): void {
  for (const [queryKey, old] of queryClient.getQueriesData<GuidancePoints>({ queryKey: PATCHES.guidancePoint.guidancePoints })) {
    if (old) queryClient.setQueryData<GuidancePoints>(queryKey, { ...old, features: upsertGuidancePoint(old.features, point, listsRetired(queryKey)) })
  }
  void invalidateAffected(queryClient, 'guidancePoint')
}

export function useCreateGuidancePoint() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: postGuidancePoint,
    onSuccess: (point) => writeGuidancePointToCache(queryClient, point),
  })
}

export function useUpdateGuidancePoint() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: GuidancePointPatch }) => patchGuidancePoint(id, patch),
    onSuccess: (point) => writeGuidancePointToCache(queryClient, point),
  })
}
