// PATCH /api/lamps/:id (crew, admin): a repaired lamp (status ok) or a newly broken one. The answer carries the
// lamp, the district totals and the dark zones around it; those go straight into the cache so the map, the totals
// and the work list change at once, and every query the change touches is refetched behind them.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { coverageQueryOptions } from './get-coverage.ts'
import type { DarkZones } from './get-dark-zones.ts'
import type { WorkList } from './get-work-list.ts'
import { mergeDarkZones } from './merge-dark-zones.ts'

export type LampStatusValue = InferRequestType<(typeof client.api.lamps)[':id']['$patch']>['json']['status']

/**
 * Changes a lamp's status at the version the crew saw (If-Match), so two crews cannot overwrite each other: the
 * second gets 409 and sees the lamp as it now is. Without a known version (a work-list stop) the lamp is read first.
 */
export async function patchLampStatus(id: string, status: LampStatusValue, version?: number) {
  const current = version ?? (await parseResponse(client.api.lamps[':id'].$get({ param: { id } }))).properties.version
  return parseResponse(client.api.lamps[':id'].$patch({ param: { id }, json: { status } }, { headers: { 'if-match': `"${current}"` } }))
}

export type LampStatusChange = Awaited<ReturnType<typeof patchLampStatus>>
type ChangedLamp = Omit<LampStatusChange, 'closed_incident_ids' | 'coverage' | 'dark_zones'>

/** The lamps layer's collection as far as this change needs it: features with ids (see features/lamps). */
interface LampCollection {
  features: ReadonlyArray<{ id: string }>
}

// Every query whose answer a lamp's status feeds; refetched after a change (prefix keys).
const AFFECTED_QUERIES = ['lamps', 'coverage', 'dark-zones', 'dark-zone-ranking', 'work-list', 'retrofit-plan', 'audit'] as const

/** Puts what a lamp change answered into every cached query it touches, then marks those queries for refetch. */
export function writeLampChangeToCache(queryClient: QueryClient, change: LampStatusChange): void {
  const { closed_incident_ids: closedIncidentIds, coverage, dark_zones: darkZones, ...lamp } = change
  const changedLamp: ChangedLamp = lamp
  queryClient.setQueriesData<LampCollection>({ queryKey: ['lamps'] }, (old) =>
    old && { ...old, features: old.features.map((f) => (f.id === changedLamp.id ? changedLamp : f)) },
  )
  // by_zone stays as it was until the refetch: the answer has district totals only
  queryClient.setQueryData(coverageQueryOptions().queryKey, (old) => old && { ...old, ...coverage })
  queryClient.setQueriesData<DarkZones>({ queryKey: ['dark-zones'] }, (old) =>
    old && { ...old, features: mergeDarkZones(old.features, darkZones) },
  )
  // a lamp that works is off every work list; a newly broken one joins at the place the refetch puts it
  if (changedLamp.properties.working) {
    queryClient.setQueriesData<WorkList>({ queryKey: ['work-list'] }, (old) =>
      old && { ...old, stops: old.stops.filter((stop) => stop.lamp_id !== changedLamp.id) },
    )
  }
  for (const key of AFFECTED_QUERIES) void queryClient.invalidateQueries({ queryKey: [key] })
  // marking a lamp ok closes its outage reports: the incident layer shows them closed after its refetch
  if (closedIncidentIds.length > 0) void queryClient.invalidateQueries({ queryKey: ['incidents'] })
}

export function useUpdateLampStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, status, version }: { id: string; status: LampStatusValue; version?: number }) => patchLampStatus(id, status, version),
    onSuccess: (change) => writeLampChangeToCache(queryClient, change),
    // someone else changed the lamp first: show it as it now is
    onError: () => void queryClient.invalidateQueries({ queryKey: ['lamps'] }),
  })
}
