// GET /api/lamps/:id/history (crew, planner, leader, admin): a lamp's status changes, newest first, with who made
// each; shown in the lamp's popup so a crew sees who marked it repaired and when (and a wrong repair is traceable).
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { lampKeys } from './keys.ts'

export const getLampHistory = (id: string) => parseResponse(client.api.lamps[':id'].history.$get({ param: { id } }))

export type LampHistory = Awaited<ReturnType<typeof getLampHistory>>

export const lampHistoryQueryOptions = (id: string) => queryOptions({ queryKey: lampKeys.history(id), queryFn: () => getLampHistory(id), staleTime: 0 })

export const useLampHistory = (id: string, enabled: boolean) => useQuery({ ...lampHistoryQueryOptions(id), enabled })
