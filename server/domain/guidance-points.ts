// Vendor guidance points (流动摊贩有序疏导点): what a planner records and how a point's status may move.
import type { LngLat } from '../kernel/geo.ts'
import type { GuidanceStatus, StreetCategory } from '../kernel/statuses.ts'


export type GuidancePointGeometry = { type: 'Point'; coordinates: LngLat } | { type: 'Polygon'; coordinates: LngLat[][] }

export interface GuidancePoint {
  id: string // 'G0001'
  name: string
  geometry: GuidancePointGeometry
  capacity: number // stalls
  openingHours: string // e.g. '18:00-22:00'
  allowedGoods: string // e.g. '水果、小吃'
  unit: string // the responsible unit
  offStreet: boolean // the planner marks a plaza or parking lot: no street needed beside it (rule not-beside-allowed-street)
  status: GuidanceStatus
  createdAt: string
  createdBy: string
  updatedAt: string
  version: number
}

// proposed → approved → active → retired; retiring is possible from any live status, and a retired point stays
// retired (create a new one instead, so history reads straight).
const NEXT: Readonly<Record<GuidanceStatus, readonly GuidanceStatus[]>> = {
  proposed: ['approved', 'retired'],
  approved: ['active', 'retired', 'proposed'],
  active: ['retired'],
  retired: [],
}

export function canMoveGuidanceStatus(from: GuidanceStatus, to: GuidanceStatus): boolean {
  return from === to || NEXT[from].includes(to)
}

/** Statuses that must pass every rule: a point may be proposed in a bad place, but never approved there. */
export const RULE_CHECKED_STATUSES: readonly GuidanceStatus[] = ['approved', 'active']

export interface StreetCategoryChange {
  id: number
  streetId: string
  from: StreetCategory
  to: StreetCategory
  reason: string
  username: string
  at: string
}
