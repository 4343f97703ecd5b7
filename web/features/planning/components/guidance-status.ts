// A guidance point's life: proposed (拟建) → approved (已批准) → active (已启用) → retired (已撤销). The moves mirror
// server/domain/guidance-points.ts, so the panel offers only the buttons the server can accept; the server stays
// the authority (409 for a move it refuses, 422 when an approval breaks a rule).
import { GUIDANCE_STATUSES } from '../../../../server/kernel/statuses.ts'
import type { GuidanceStatus } from '../api/get-guidance-points.ts'

// legend and list order: the life of a point, as the kernel lists it
export { GUIDANCE_STATUSES }

export const GUIDANCE_STATUS_COLORS: Record<GuidanceStatus, string> = {
  proposed: '#9c6ade', // violet: a plan, apart from the green, blue and orange street categories
  approved: '#0a9396', // teal
  active: '#283593', // indigo: in service
  retired: '#9e9e9e',
}

export const VIOLATION_COLOR = '#d32f2f'

const NEXT: Readonly<Record<GuidanceStatus, readonly GuidanceStatus[]>> = {
  proposed: ['approved', 'retired'],
  approved: ['active', 'proposed', 'retired'],
  active: ['retired'],
  retired: [],
}

/** The statuses a point may move to from `status`, in button order. */
export function listStatusMoves(status: GuidanceStatus): readonly GuidanceStatus[] {
  return NEXT[status]
}
