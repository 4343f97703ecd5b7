// GET /api/lamps: street lamps (demonstration data) with their FIWARE-style status.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { lampKeys } from './keys.ts'

export type LampsQuery = InferRequestType<typeof client.api.lamps.$get>['query']

export const getLamps = (query: LampsQuery) => parseResponse(client.api.lamps.$get({ query }))

export type Lamps = Awaited<ReturnType<typeof getLamps>>
export type LampFeature = Lamps['features'][number]

export const lampsQueryOptions = (query: LampsQuery = {}) =>
  queryOptions({ queryKey: lampKeys.list(query), queryFn: () => getLamps(query) })

export const useLamps = (query: LampsQuery = {}) => useQuery(lampsQueryOptions(query))
