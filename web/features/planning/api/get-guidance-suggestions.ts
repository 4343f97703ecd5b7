// GET /api/guidance-points/suggestions (planner, leader, admin): where new guidance points would take in the most
// vending reports (0501 游商, 0504 店外经营, 0510 露天烧烤) of a period within a walk radius, ranked, each already
// placed where it passes every rule; with the share of reports existing points serve and the share with the
// suggestions added. Computed only when the planner asks: the query stays idle until it has parameters.
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { guidanceSuggestionKeys } from './keys.ts'

export type GuidanceSuggestionsQuery = InferRequestType<(typeof client.api)['guidance-points']['suggestions']['$get']>['query']

export const getGuidanceSuggestions = (query: GuidanceSuggestionsQuery) =>
  parseResponse(client.api['guidance-points'].suggestions.$get({ query }))

export type GuidanceSuggestions = Awaited<ReturnType<typeof getGuidanceSuggestions>>
export type GuidanceSuggestion = GuidanceSuggestions['features'][number]

export const guidanceSuggestionsQueryOptions = (query: GuidanceSuggestionsQuery | undefined) =>
  queryOptions({
    queryKey: guidanceSuggestionKeys.list(query),
    queryFn: query === undefined ? skipToken : () => getGuidanceSuggestions(query),
  })

export const useGuidanceSuggestions = (query: GuidanceSuggestionsQuery | undefined) => useQuery(guidanceSuggestionsQueryOptions(query))
