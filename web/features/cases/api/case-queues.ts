// Who works which cases (docs/domain-notes.md §2): the command centre accepts (待立案) and dispatches (待派遣) and answers
// extension requests; a unit handles its own dispatched cases, most urgent first; an inspector verifies what units
// report as handled (待核查); leaders and administrators browse everything with filters. Pure.
import { INCIDENT_STATUSES, OPEN_INCIDENT_STATUSES } from '../../../../server/kernel/statuses.ts'
import type { CaseState, CaseSummary, CasesQuery } from './get-cases.ts'

export const CASE_QUEUE_IDS = ['intake', 'dispatch', 'extensions', 'unit-work', 'verification', 'all'] as const
export type CaseQueueId = (typeof CASE_QUEUE_IDS)[number]

/** What a queue needs to know about a case. */
export type QueueCase = Pick<CaseSummary, 'id' | 'state' | 'extension_requested' | 'unit' | 'deadline' | 'overdue' | 'reported_at'>

export interface CaseQueue {
  id: CaseQueueId
  /** Which of the open cases belong in it; 'all' has none: it asks the server with the user's filters. */
  matches?: (c: QueueCase) => boolean
  /**
   * 'server': priority (escalated first), then deadline; 'deadline': overdue first, then the nearest deadline;
   * 'newest': the latest report first (the intake, where a dispatcher looks for what just came in).
   */
  order: 'server' | 'deadline' | 'newest'
}

const inState =
  (...states: CaseState[]) =>
  (c: QueueCase) =>
    states.includes(c.state)

/**
 * The queues these roles work, in the order the panel offers them; none for roles without case work (crew,
 * planner, visitors). `unitId` is the handler's own unit: a unit's queue holds its cases only, also for an
 * account that has other roles too (and so sees every unit's cases from the server).
 */
export function listCaseQueues(roles: readonly string[], unitId: string | null = null): CaseQueue[] {
  const queues: CaseQueue[] = []
  if (roles.includes('dispatcher')) {
    queues.push(
      { id: 'intake', matches: inState('reported'), order: 'newest' },
      { id: 'dispatch', matches: inState('accepted'), order: 'server' },
      { id: 'extensions', matches: (c) => c.extension_requested && inState('dispatched', 'in_handling')(c), order: 'deadline' },
    )
  }
  if (roles.includes('unit')) {
    queues.push({
      id: 'unit-work',
      matches: (c) => inState('dispatched', 'in_handling')(c) && (unitId === null || c.unit?.id === unitId),
      order: 'deadline',
    })
  }
  if (roles.includes('inspector')) queues.push({ id: 'verification', matches: inState('handled'), order: 'server' })
  if (roles.includes('leader') || roles.includes('admin')) queues.push({ id: 'all', order: 'server' })
  return queues
}

/** Overdue cases first, then by nearest deadline (the most overdue on top); ties by id. Does not mutate its input. */
export function sortByDeadline<C extends QueueCase>(cases: readonly C[]): C[] {
  return [...cases].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || Date.parse(a.deadline) - Date.parse(b.deadline) || a.id.localeCompare(b.id),
  )
}

/** The latest report first; ties by id, newest id first. Does not mutate its input. */
export function sortByNewest<C extends QueueCase>(cases: readonly C[]): C[] {
  return [...cases].sort((a, b) => Date.parse(b.reported_at) - Date.parse(a.reported_at) || b.id.localeCompare(a.id))
}

/** The open cases in `queue`, in its order. Empty for the 'all' queue, which the server fills. */
export function selectQueueCases<C extends QueueCase>(queue: CaseQueue, openCases: readonly C[]): C[] {
  const { matches } = queue
  if (!matches) return []
  const cases = openCases.filter(matches)
  return queue.order === 'deadline' ? sortByDeadline(cases) : queue.order === 'newest' ? sortByNewest(cases) : cases
}

/** The text a search looks through: what a caller on the hotline or a colleague would quote. */
type SearchableCase = Pick<CaseSummary, 'id' | 'tracking_number' | 'description' | 'category_name' | 'category_name_en' | 'unit'>

/** The cases whose id, tracking number, description, category or unit contains `text` (any case); all for blank text. */
export function searchCases<C extends SearchableCase>(cases: readonly C[], text: string): C[] {
  const needle = text.trim().toLowerCase()
  if (needle === '') return [...cases]
  return cases.filter((c) =>
    [c.id, c.tracking_number, c.description, c.category_name, c.category_name_en, c.unit?.id, c.unit?.name, c.unit?.name_en].some((field) =>
      field?.toLowerCase().includes(needle),
    ),
  )
}

/** The leader's filters; 'open' is every state still in the loop, '' every state (the server leaves merged out). */
export interface BrowseFilters {
  state: CaseState | 'open' | ''
  category: string
  overdueOnly: boolean
  escalatedOnly: boolean
}

/** Every state a case can be in, open ones first, for the leader's state filter. */
export const ALL_CASE_STATES: readonly CaseState[] = INCIDENT_STATUSES

/** The state filter from a select's value; anything unknown falls back to the open cases. */
export function parseStateChoice(value: string): BrowseFilters['state'] {
  if (value === 'open' || value === '') return value
  return ALL_CASE_STATES.find((state) => state === value) ?? 'open'
}

export const DEFAULT_BROWSE_FILTERS: BrowseFilters = { state: 'open', category: '', overdueOnly: false, escalatedOnly: false }

/** The server query for the leader's filters. */
export function toBrowseQuery(filters: BrowseFilters): Omit<CasesQuery, 'limit' | 'offset'> {
  return {
    ...(filters.state === 'open' ? { state: OPEN_INCIDENT_STATUSES.join(',') } : filters.state === '' ? {} : { state: filters.state }),
    ...(filters.category === '' ? {} : { category: filters.category }),
    ...(filters.overdueOnly ? { overdue: 'true' } : {}),
    ...(filters.escalatedOnly ? { escalated: 'true' } : {}),
  }
}

export interface UnitChoice {
  id: string
  name: string
  name_en: string
}

/** The responsible units named by these cases, once each, by id: what a dispatcher may send a case to. */
export function listKnownUnits(cases: ReadonlyArray<{ unit: UnitChoice | null }>): UnitChoice[] {
  const units = new Map<string, UnitChoice>()
  for (const { unit } of cases) if (unit && !units.has(unit.id)) units.set(unit.id, unit)
  return [...units.values()].sort((a, b) => a.id.localeCompare(b.id))
}
