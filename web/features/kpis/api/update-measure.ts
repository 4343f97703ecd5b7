// PATCH /api/measures/:id: progress, status and a note on one rectification measure. Sends the version it was
// loaded at, so two people updating the same measure cannot overwrite each other (409 → reload).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'

export type MeasureUpdate = InferRequestType<(typeof client.api.measures)[':id']['$patch']>['json']

export const patchMeasure = (id: string, update: MeasureUpdate) => parseResponse(client.api.measures[':id'].$patch({ param: { id }, json: update }))

export function useUpdateMeasure() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: MeasureUpdate }) => patchMeasure(id, update),
    // refetched after a refusal too: a 409 means someone else's update is the one to show
    onSettled: () => invalidateAffected(queryClient, 'measureChange'),
  })
}
