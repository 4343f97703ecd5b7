// What each kind of write changes, as query-key prefixes: the one place that knows which answers a lamp repair, a
// case step or a category change makes stale. Mutations invalidate through `invalidateAffected` instead of keeping
// their own lists, so a key nobody defines cannot hide here (affects.test.ts checks every prefix against the
// queries the app really makes). Features never import each other; this module may, because it only names keys.
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { auditKeys } from '../features/audit/api/keys.ts'
import { briefingKeys } from '../features/briefings/api/keys.ts'
import { caseKeys } from '../features/cases/api/keys.ts'
import { incidentKeys } from '../features/incidents/api/keys.ts'
import { casesOverviewKeys, measureKeys, unitLeagueKeys } from '../features/kpis/api/keys.ts'
import { lampKeys } from '../features/lamps/api/keys.ts'
import { metaKeys } from '../features/meta/api/keys.ts'
import { coverageKeys, darkZoneKeys, darkZoneRankingKeys, workListKeys } from '../features/lighting/api/keys.ts'
import { guidancePointKeys, guidanceSuggestionKeys, streetDetailKeys, streetHistoryKeys } from '../features/planning/api/keys.ts'
import { retrofitPlanKeys } from '../features/retrofit/api/keys.ts'
import { sessionKeys } from '../features/session/api/keys.ts'
import { streetsKeys } from '../features/streets/api/keys.ts'
import { reportKeys } from '../report/api/keys.ts'

// Every server write records an audit entry in the same transaction, so every write makes the audit log stale.
// A case is an incident: its tiles and popups follow. An open outage report leaves an 'ok' lamp unlit, so the lamp
// tiles and popups follow too (a refresh asks only for the tiles in view, and each answers 304 unless it changed).
const CASE_LISTS_AND_TOTALS = [caseKeys.lists, incidentKeys.all, lampKeys.all, casesOverviewKeys.all, unitLeagueKeys.all, auditKeys.all] as const

/** Each write and the queries whose answers it changes (prefix keys), refetched after it succeeds. */
export const AFFECTS = {
  // The lamp, the district totals and the dark stretches come back in the answer and are patched in place (PATCHES):
  // the district's dark zones are never refetched for one lamp. What is derived from them is, and the lamp tiles in
  // view are asked again (each answers 304 unless the lamp is in it).
  lampStatus: [lampKeys.tiles, lampKeys.histories, darkZoneRankingKeys.all, workListKeys.all, coverageKeys.all, retrofitPlanKeys.all, auditKeys.all],
  // a repair that closed outage reports: those cases left the queues, the incident layers and the totals
  lampRepairClosedCases: CASE_LISTS_AND_TOTALS,
  // a step's answer is the case itself, written in place; its lists, the incident layers and the totals follow
  caseTransition: CASE_LISTS_AND_TOTALS,
  // …and the district's incident count (/api/meta), which the incidents legend shows
  caseCreate: [...CASE_LISTS_AND_TOTALS, metaKeys.all],
  // the answer has neither case's actions: both details are reloaded
  caseMerge: [...CASE_LISTS_AND_TOTALS, caseKeys.details],
  casePhoto: [caseKeys.details, auditKeys.all],
  // a citizen's rating on the report page
  caseRate: [reportKeys.all],
  // a point's violations and the suggested sites follow the categories
  streetCategory: [streetsKeys.all, streetDetailKeys.all, streetHistoryKeys.all, guidancePointKeys.all, guidanceSuggestionKeys.all, auditKeys.all],
  // one point's move changes its neighbours' spacing violations and what the suggestions count as served
  guidancePoint: [guidancePointKeys.all, guidanceSuggestionKeys.all, auditKeys.all],
  userChange: [auditKeys.all],
  // a new password or new roles may be the administrator's own: the header and the tabs must follow
  ownAccountChange: [sessionKeys.all],
  measureChange: [measureKeys.all, auditKeys.all],
  // a briefing drafted or issued: the list (and the audit log that records both)
  briefing: [briefingKeys.all, auditKeys.all],
  // an import replaces the district: streets, lamps, zones, cases, analyses, bounds, categories, time zone. The
  // empty prefix matches every query, so everything the page shows is fetched again
  districtImport: [[]],
  // A write refused because someone else changed the record first (409): re-read it to show it as it now is.
  staleLamp: [lampKeys.all],
  staleCase: [caseKeys.details, caseKeys.lists],
  staleGuidancePoint: [guidancePointKeys.all],
} as const satisfies Record<string, readonly QueryKey[]>

export type WriteKind = keyof typeof AFFECTS

/**
 * Each write whose answer goes straight into other features' cached queries, and the prefixes it writes there. The
 * feature that makes the write owns the merge; it takes the keys from here rather than from the other feature.
 */
export const PATCHES = {
  lampStatus: { lamp: lampKeys.details, coverage: coverageKeys.all, darkZones: darkZoneKeys.all, workLists: workListKeys.all },
  streetCategory: { streets: streetsKeys.all, street: streetDetailKeys.all },
  guidancePoint: { guidancePoints: guidancePointKeys.all },
} as const satisfies Record<string, Record<string, QueryKey>>

/** Marks every query `write` changes for refetch (active ones refetch at once); resolves when those refetches end. */
export async function invalidateAffected(queryClient: QueryClient, write: WriteKind): Promise<void> {
  await Promise.all(AFFECTS[write].map((queryKey) => queryClient.invalidateQueries({ queryKey })))
}
