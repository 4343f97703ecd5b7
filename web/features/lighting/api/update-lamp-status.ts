// PATCH /api/lamps/:id (crew, admin): a repaired lamp (status ok) or a newly broken one. The answer carries the
// lamp, the district totals and, for the streets the change touched, every dark stretch now on them; those go
// straight into the cache so the lamp's popup, the totals and the work list change at once. The district's dark
// zones are never refetched for one lamp: only the small answers derived from them are, and the lamp tiles in view
// are asked again (lib/affects.ts).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { PATCHES, invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'
import type { Coverage } from './get-coverage.ts'
import type { DarkZones } from './get-dark-zones.ts'
import type { WorkList } from './get-work-list.ts'
import { offerUndo, withdrawUndo } from './lamp-undo.ts'
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

/** A lamp as the lamps feature caches it for its popup, as far as this change needs it (see features/lamps). */
interface CachedLamp {
  id: string
}

const written = PATCHES.lampStatus

/** Puts what a lamp change answered into every cached query it touches, then marks the derived ones for refetch. */
export function writeLampChangeToCache(queryClient: QueryClient, change: LampStatusChange): void {
  const { closed_incident_ids: closedIncidentIds, coverage, dark_zones: darkZones, ...lamp } = change
  const changedLamp: ChangedLamp = lamp
  queryClient.setQueriesData<CachedLamp>({ queryKey: written.lamp }, (old) => (old?.id === changedLamp.id ? changedLamp : old))
  // by_zone stays as it was until the refetch: the answer has district totals only
  queryClient.setQueriesData<Coverage>({ queryKey: written.coverage }, (old) => old && { ...old, ...coverage })
  queryClient.setQueriesData<DarkZones>({ queryKey: written.darkZones }, (old) =>
    old && { ...old, features: mergeDarkZones(old.features, darkZones) },
  )
  // a lamp that works is off every work list; a newly broken one joins at the place the refetch puts it
  if (changedLamp.properties.working) {
    queryClient.setQueriesData<WorkList>({ queryKey: written.workLists }, (old) =>
      old && { ...old, stops: old.stops.filter((stop) => stop.lamp_id !== changedLamp.id) },
    )
  }
  void invalidateAffected(queryClient, 'lampStatus')
  // marking a lamp ok closes its outage reports: the incident tiles and the case lists show them closed after a refetch
  if (closedIncidentIds.length > 0) void invalidateAffected(queryClient, 'lampRepairClosedCases')
}

export function useUpdateLampStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, status, version }: { id: string; status: LampStatusValue; version?: number; previous?: LampStatusValue }) =>
      patchLampStatus(id, status, version),
    onSuccess: (change, { status, previous }) => {
      writeLampChangeToCache(queryClient, change)
      // a change whose earlier status is known can be undone for a few seconds; an undo itself cannot
      if (previous !== undefined && previous !== status) offerUndo({ lampId: change.id, previous, next: status, version: change.properties.version })
      else withdrawUndo()
    },
    // someone else changed the lamp first: show it as it now is
    onError: () => void invalidateAffected(queryClient, 'staleLamp'),
  })
}
