// What the user is looking at lives in the address bar, so a reload, a bookmark or a link sent to a colleague opens
// the same view: the tab, the open case, the hotspot filters and picked cell, the crew's zone and stop, the planner's
// street and guidance point. The map's own position is MapLibre's hash (#zoom/lat/lng) beside these. nuqs keeps each
// key in step with the URL (and with back/forward); a choice the user makes is a history entry, so Back undoes it.
//
// Decision: values outside what a key takes (an unknown tab, a misspelt period) read as that key's default rather
// than an error page: an old or hand-edited link still opens Gridwatch, on its default view.
import {
  createParser,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsString,
  parseAsStringLiteral,
  useQueryState,
  useQueryStates,
} from 'nuqs'
import { isCalendarDate } from '../features/hotspots/components/hotspot-period.ts'
import { PERIOD_PRESETS } from '../features/hotspots/components/hotspot-period.ts'
import { CELL_CHOICES, DEFAULT_HOTSPOT_FILTERS } from '../features/hotspots/components/hotspot-filters.ts'
import { PANEL_MODES } from './permissions.ts'

/** A choice is a step Back can undo; the map's own moves replace (MapLibre's hash) rather than fill the history. */
const STEP = { history: 'push' } as const

// ids as the API writes them: letters, digits and a few separators; anything else in the URL is ignored
const ID_PATTERN = /^[\w.:-]{1,80}$/
const parseAsId = createParser({
  parse: (value: string) => (ID_PATTERN.test(value) ? value : null),
  serialize: (value: string) => value,
})
const parseAsDate = createParser({
  parse: (value: string) => (isCalendarDate(value) ? value : null),
  serialize: (value: string) => value,
})

export const tabParam = parseAsStringLiteral(PANEL_MODES).withDefault('layers').withOptions(STEP)

/** The side panel's tab. */
export const useTabParam = () => useQueryState('tab', tabParam)

/** The case open in the case view (a link to it: ?tab=cases&case=…). */
export const useCaseParam = () => useQueryState('case', parseAsId.withOptions(STEP))

/** The hotspot filters, the comparison switch and the cell picked. */
export const useHotspotParams = () =>
  useQueryStates(
    {
      category: parseAsArrayOf(parseAsString, ',').withDefault([]),
      period: parseAsStringLiteral(PERIOD_PRESETS).withDefault(DEFAULT_HOTSPOT_FILTERS.period.preset),
      from: parseAsDate,
      to: parseAsDate,
      cell: parseAsStringLiteral(CELL_CHOICES).withDefault(DEFAULT_HOTSPOT_FILTERS.cell),
      fdr: parseAsBoolean.withDefault(DEFAULT_HOTSPOT_FILTERS.fdr),
      compare: parseAsBoolean.withDefault(false),
      hotspot: parseAsId,
    },
    STEP,
  )

/** The lighting views' zone: absent is the first zone offered, `all` the whole district. */
export const ALL_ZONES = 'all'
export const useZoneParam = () => useQueryState('zone', parseAsId.withOptions(STEP))

/** The crew's picked stop (a lamp or dark stretch in the work list). */
export const useStopParam = () => useQueryState('stop', parseAsId.withOptions(STEP))

/** The planning view's picked street and guidance point. */
export const usePlanningParams = () => useQueryStates({ street: parseAsId, point: parseAsId }, STEP)

/** Every key a view keeps, cleared together at sign-out (the next user starts at the default view). */
export const VIEW_KEYS = ['tab', 'case', 'category', 'period', 'from', 'to', 'cell', 'fdr', 'compare', 'hotspot', 'zone', 'stop', 'street', 'point'] as const
