// How open cases are drawn: a dot per case coloured by where it is in the loop; an escalated case (many calls, no
// fix) as a bigger bubble ringed in red with its report count in it, bigger the more often it was reported.
// The legend reads the same table.
import type { ExpressionSpecification } from 'maplibre-gl'
import { matchColor } from '../../../map/expressions.ts'
import { LABEL_FONT } from '../../../map/offline-style.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import type { OpenIncidentStatus } from '../../../../server/kernel/statuses.ts'

export const CASES_SOURCE = 'cases'

/** The zoom a case is shown at: close enough to tell it from its block's neighbours, wide enough to see its street. */
export const CASE_FOCUS_ZOOM = 17

// warm for the command centre's intake, blues while a unit works it, green when it waits for the inspector
export const CASE_STATE_COLORS: Readonly<Record<OpenIncidentStatus, string>> = {
  reported: '#f59e0b',
  accepted: '#8b5cf6',
  dispatched: '#0ea5e9',
  in_handling: '#2563eb',
  handled: '#16a34a',
}

export const CASE_COLORS = {
  escalated: '#b91c1c',
  selected: '#111827',
  unknown: '#6b7280',
  count: '#ffffff',
} as const

/** The colour of a case in `state`, as the map draws it; grey for a state that is not open. */
export function colorForState(state: string): string {
  return Object.entries(CASE_STATE_COLORS).find(([key]) => key === state)?.[1] ?? CASE_COLORS.unknown
}

const stateColor = matchColor('state', Object.entries(CASE_STATE_COLORS), CASE_COLORS.unknown)

// Bubble radius in pixels by report count: 3 reports (the escalation threshold) reads as a clear step up from a
// dot, 20 or more is as big as a bubble gets.
const bubbleRadius: ExpressionSpecification = ['interpolate', ['linear'], ['get', 'report_count'], 3, 10, 8, 14, 20, 20]

export const casesOpenLayer: MapLayerSpec = {
  id: 'cases-open',
  type: 'circle',
  source: CASES_SOURCE,
  filter: ['!=', ['get', 'escalated'], true],
  paint: {
    'circle-color': stateColor,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3.5, 16, 6, 18, 8],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.2,
  },
}

export const casesEscalatedLayer: MapLayerSpec = {
  id: 'cases-escalated',
  type: 'circle',
  source: CASES_SOURCE,
  filter: ['==', ['get', 'escalated'], true],
  layout: { 'circle-sort-key': ['get', 'report_count'] },
  paint: {
    'circle-color': stateColor,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, ['*', 0.75, bubbleRadius], 16, bubbleRadius],
    'circle-stroke-color': CASE_COLORS.escalated,
    'circle-stroke-width': 2.5,
  },
}

export const casesEscalatedCountLayer: MapLayerSpec = {
  id: 'cases-escalated-count',
  type: 'symbol',
  source: CASES_SOURCE,
  filter: ['==', ['get', 'escalated'], true],
  layout: {
    'text-field': ['to-string', ['get', 'report_count']],
    'text-font': LABEL_FONT,
    'text-size': 11,
    // Where bubbles overlap, their counts would print over each other unreadably: counts collide with one another
    // and the largest is placed first (lowest sort key), so the one shown is the top bubble's (circle-sort-key puts
    // the largest on top); zooming in separates the bubbles and shows every count. Street names never hide one.
    'text-allow-overlap': false,
    'text-ignore-placement': true,
    'symbol-sort-key': ['-', 0, ['get', 'report_count']],
  },
  paint: { 'text-color': CASE_COLORS.count, 'text-halo-color': 'rgba(0, 0, 0, 0.55)', 'text-halo-width': 1 },
}

/** A dark ring around the case open in the panel, so it is found at once among the others. */
export const casesSelectedLayer = (selectedId: string | undefined): MapLayerSpec => ({
  id: 'cases-selected',
  type: 'circle',
  source: CASES_SOURCE,
  filter: ['==', ['get', 'id'], selectedId ?? ''],
  paint: {
    'circle-color': 'rgba(0, 0, 0, 0)',
    'circle-radius': ['case', ['==', ['get', 'escalated'], true], ['+', 5, bubbleRadius], 12],
    'circle-stroke-color': CASE_COLORS.selected,
    'circle-stroke-width': 3,
  },
})
