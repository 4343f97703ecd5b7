// A case is an incident row seen through the workflow: the same record, with the closed loop's bookkeeping.
import type { CaseAction } from './case-workflow.ts'
import type { Incident } from '../kernel/records.ts'
import type { IncidentSource, MeasureArea, MeasureStatus } from '../kernel/statuses.ts'

export interface CaseFields {
  trackingNumber: string // given to the reporter; public lookups use it, never the internal id
  unitId: string | null // responsible unit, chosen from location and category
  priority: 1 | 2 | 3 // 1 normal, 2 escalated, 3 urgent
  reportCount: number // this report plus repeats merged into it
  reworkCount: number // failed verifications
  extensionCount: number // approved extensions
  extensionRequested: boolean
  escalated: boolean
  version: number // optimistic lock (ETag)
  repeatOf: string | null // for a merged repeat report: the case it was folded into
  deadlineMs: number
  acceptedMs: number | null
  dispatchedMs: number | null
  firstHandledMs: number | null
  closedMs: number | null
  result: string | null // the unit's handling report
  rating: number | null // citizen's 1–5 stars after closure
  ratingComment: string | null
  phone: string | null // personal data: never in public responses
}

export type Case = Incident & CaseFields

export interface CaseEvent {
  id: number
  caseId: string
  at: string
  // lamp_repair: closed by a crew's repair of its lamp; enforce_*: illegal construction's stop and outcome (case-enforcement.ts)
  action: CaseAction | 'report' | 'merge' | 'escalate' | 'rate' | 'photo' | 'lamp_repair' | 'enforce_stop' | 'enforce_outcome'
  fromStatus: string | null
  toStatus: string | null
  username: string
  note: string | null
  /** The deadline this step set, when it moved it (dispatch, an approved extension, an escalation). */
  deadlineMs: number | null
}

export interface CasePhoto {
  id: string
  caseId: string
  stage: 'report' | 'handling' | 'verification'
  contentType: string
  bytes: number
  uploadedAt: string
  uploadedBy: string
}

export interface NewReport {
  trackingNumber: string
  status: 'reported' | 'merged' // merged: a repeat folded into `repeatOf` as it arrives
  repeatOf: string | null
  category: string
  coordinates: [number, number]
  description: string
  source: IncidentSource
  phone: string | null
  lampId: string | null
  zoneId: string | null
  streetId: string | null
  unitId: string | null
  deadlineMs: number
}


/** One of the bureau's rectification measures (整改措施), tracked with a responsible unit, person and deadline. */
export interface Measure {
  id: string
  area: MeasureArea
  title: string
  description: string
  unitId: string
  person: string
  deadline: string // YYYY-MM-DD, China time
  status: MeasureStatus
  progress: number // 0..100
  createdAt: string
  updatedAt: string
  version: number
  notes: { at: string; username: string; note: string; progress: number | null }[]
}
