// PATCH /api/streets/:id (planner, admin): a street's category — one way, or every way sharing its name — with a
// required reason. The answer holds every changed way; they go straight into the cached street collections so the
// map restyles at once, then the streets, their history and what depends on categories (the guidance-point rules)
// are refetched.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { PATCHES, invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'
import type { Street } from './get-street.ts'
import { streetQueryOptions } from './get-street.ts'

export type StreetCategoryPatch = InferRequestType<(typeof client.api.streets)[':id']['$patch']>['json']

export const patchStreetCategory = (id: string, patch: StreetCategoryPatch) =>
  parseResponse(client.api.streets[':id'].$patch({ param: { id }, json: patch }))

export type ChangedStreets = Awaited<ReturnType<typeof patchStreetCategory>>

/** A cached street collection as far as this change needs it (the streets feature owns the full type). */
interface StreetCollection {
  features: ReadonlyArray<{ id: string; properties: { category: string } }>
}

/** The categories a cached collection is filtered to (['streets', { category: 'a,b' }]), or undefined for all. */
function readCategoryFilter(queryKey: QueryKey): string[] | undefined {
  const params: unknown = queryKey[1]
  if (typeof params !== 'object' || params === null || !('category' in params) || typeof params.category !== 'string') return undefined
  return params.category.split(',').map((c) => c.trim())
}

/**
 * `collection` with each way of `changed` put in place of its old self; a collection filtered by category drops
 * ways whose new category it does not list (ways that newly match arrive with the refetch).
 */
export function applyStreetChanges<C extends StreetCollection>(collection: C, changed: readonly Street[], categories: readonly string[] | undefined): C {
  const byId = new Map(changed.map((street) => [street.id, street]))
  const features = collection.features
    .map((feature) => byId.get(feature.id) ?? feature)
    .filter((feature) => categories === undefined || categories.includes(feature.properties.category))
  return { ...collection, features }
}

/** Puts the changed ways into every cached street collection and street, then marks what they touch for refetch. */
export function writeStreetChangeToCache(queryClient: QueryClient, change: ChangedStreets): void {
  for (const [queryKey, old] of queryClient.getQueriesData<StreetCollection>({ queryKey: PATCHES.streetCategory.streets })) {
    if (old && Array.isArray(old.features)) queryClient.setQueryData(queryKey, applyStreetChanges(old, change.features, readCategoryFilter(queryKey)))
  }
  for (const street of change.features) queryClient.setQueryData(streetQueryOptions(street.id).queryKey, street)
  void invalidateAffected(queryClient, 'streetCategory')
}

export function useUpdateStreetCategory() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: StreetCategoryPatch }) => patchStreetCategory(id, patch),
    onSuccess: (change) => writeStreetChangeToCache(queryClient, change),
  })
}
