// GET /api/streets/:id (one street with its category) and GET /api/streets/:id/history (signed in): who changed the
// street's category, when, from what to what and why, newest first.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { streetDetailKeys, streetHistoryKeys } from './keys.ts'

export const getStreet = (id: string) => parseResponse(client.api.streets[':id'].$get({ param: { id } }))

export type Street = Awaited<ReturnType<typeof getStreet>>
export type StreetCategory = Street['properties']['category']

export const getStreetHistory = (id: string) => parseResponse(client.api.streets[':id'].history.$get({ param: { id } }))

export type StreetCategoryChange = Awaited<ReturnType<typeof getStreetHistory>>[number]

export const streetQueryOptions = (id: string) => queryOptions({ queryKey: streetDetailKeys.detail(id), queryFn: () => getStreet(id) })

export const streetHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: streetHistoryKeys.detail(id), queryFn: () => getStreetHistory(id), staleTime: 60_000 })

export const useStreet = (id: string) => useQuery(streetQueryOptions(id))

export const useStreetHistory = (id: string) => useQuery(streetHistoryQueryOptions(id))
