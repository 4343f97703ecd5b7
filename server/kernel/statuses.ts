// The closed vocabularies of the district: street categories, lamp statuses, the case workflow's stages and where
// reports come from. The server validates against these lists and the web labels them; neither copies them.

export const STREET_CATEGORIES = ['demonstration', 'regulated', 'commercial'] as const
/** 示范街 (vending banned) · 规范街 (mixed) · 商业街 (vending guided). */
export type StreetCategory = (typeof STREET_CATEGORIES)[number]

export const LAMP_STATUSES = ['ok', 'defective_lamp', 'column_issue', 'broken_lantern'] as const
/** After the FIWARE Streetlight model's status values. */
export type LampStatus = (typeof LAMP_STATUSES)[number]

export const INCIDENT_STATUSES = ['reported', 'accepted', 'dispatched', 'in_handling', 'handled', 'closed', 'rejected', 'merged'] as const
/** The case workflow's stages; a reported incident and a case are the same row. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

/** Stages in which a case is still someone's job: its deadline runs, repeats merge into it, it counts as open. */
export const OPEN_INCIDENT_STATUSES = ['reported', 'accepted', 'dispatched', 'in_handling', 'handled'] as const satisfies readonly IncidentStatus[]
export type OpenIncidentStatus = (typeof OPEN_INCIDENT_STATUSES)[number]

const OPEN = new Set<string>(OPEN_INCIDENT_STATUSES)
/** Whether a case in this stage is still open (closed, rejected and merged cases are not). */
export const isOpenStatus = (status: string): status is OpenIncidentStatus => OPEN.has(status)

export const INCIDENT_SOURCES = ['hotline', 'patrol', 'public_web', 'api'] as const
export type IncidentSource = (typeof INCIDENT_SOURCES)[number]

export const GUIDANCE_STATUSES = ['proposed', 'approved', 'active', 'retired'] as const
export type GuidanceStatus = (typeof GUIDANCE_STATUSES)[number]

export const MEASURE_AREAS = ['street_order', 'team_building', 'sanitation', 'municipal_lighting'] as const
export type MeasureArea = (typeof MEASURE_AREAS)[number]
export const MEASURE_STATUSES = ['planned', 'in_progress', 'done'] as const
export type MeasureStatus = (typeof MEASURE_STATUSES)[number]

/** Open stages in which the responsible side still owes work (not yet handled, or sent back): a deadline runs. */
export const PENDING_WORK_STATUSES = ['reported', 'accepted', 'dispatched', 'in_handling'] as const satisfies readonly OpenIncidentStatus[]

const PENDING = new Set<string>(PENDING_WORK_STATUSES)
/** Whether the responsible side still owes work on a case in this stage. */
export const isPendingWork = (status: string): boolean => PENDING.has(status)
