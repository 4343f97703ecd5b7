// The crew's route as planned, held still. The server orders the broken lamps afresh on every request (nearest
// neighbour + 2-opt), so after one repair the whole order could change: the crew walking to stop 3 would find it
// renumbered 7. Here the order is fixed when a zone's list first arrives and kept: a repaired lamp leaves its place,
// a lamp broken since joins at the end, an undone repair comes back where it was. The crew re-plans on request.
// The list, the map's numbered stops and the route line all read this one order, so they agree at every moment.
import { distance } from '@turf/turf'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { WorkList, WorkListQuery, WorkStop } from './get-work-list.ts'
import { useWorkList } from './get-work-list.ts'

/** A route as shown: the stops in the order the crew keeps, each leg measured from the stop before it. */
export interface CrewRoute {
  stops: WorkStop[]
  total_m: number
  /** The freshly optimised route's length, when re-planning would make it shorter by a useful margin. */
  shorter_m: number | undefined
}

// A re-plan is offered when it saves at least this much: small gains are not worth a renumbered list.
const REPLAN_GAIN_M = 100

const legM = (a: WorkStop, b: WorkStop) => distance(a.coordinates, b.coordinates, { units: 'kilometers' }) * 1000

/** The stops in `plan`'s order (ids no longer broken dropped), then the ones not in it in the server's order. */
export function orderByPlan(list: WorkList, plan: readonly string[] | undefined): CrewRoute {
  if (!plan) return { stops: list.stops, total_m: list.total_m, shorter_m: undefined }
  const byId = new Map(list.stops.map((stop) => [stop.lamp_id, stop]))
  const planned = new Set(plan)
  const ordered = [...plan.flatMap((id) => byId.get(id) ?? []), ...list.stops.filter((stop) => !planned.has(stop.lamp_id))]
  let total = 0
  const stops = ordered.map((stop, index) => {
    const leg = index === 0 ? 0 : legM(ordered[index - 1]!, stop)
    total += leg
    return { ...stop, leg_m: Math.round(leg * 10) / 10 }
  })
  const total_m = Math.round(total * 10) / 10
  return { stops, total_m, shorter_m: total_m - list.total_m >= REPLAN_GAIN_M ? list.total_m : undefined }
}

// the plans by zone query, for this tab's life: a reload starts from the server's order
const plans = new Map<string, readonly string[]>()
const listeners = new Set<() => void>()
const keyOf = (query: WorkListQuery) => JSON.stringify(query)
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const setPlan = (key: string, plan: readonly string[] | undefined) => {
  if (plan) plans.set(key, plan)
  else plans.delete(key)
  for (const listener of listeners) listener()
}

/** The zone's work list in the order the crew keeps, and a way to re-plan it. */
export function useCrewRoute(query: WorkListQuery) {
  const workList = useWorkList(query)
  const key = keyOf(query)
  const plan = useSyncExternalStore(subscribe, () => plans.get(key))
  // the first list that arrives is the plan (until then the server's order is shown, which is the same)
  useEffect(() => {
    if (workList.data && !plans.has(key)) setPlan(key, workList.data.stops.map((stop) => stop.lamp_id))
  }, [workList.data, key])
  const route = useMemo(() => workList.data && orderByPlan(workList.data, plan), [workList.data, plan])
  return {
    ...workList,
    data: route,
    /** Takes the server's current optimised order as the new plan. */
    replan: () => setPlan(key, workList.data?.stops.map((stop) => stop.lamp_id)),
  }
}
