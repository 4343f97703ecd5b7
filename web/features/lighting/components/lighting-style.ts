// How the lighting views draw: dark stretches as a magenta glow that reads on the night basemap and by day alike,
// the crew's route as a cyan dashed line with numbered white stops. The legend reads the same table.
import { byZoom } from '../../../map/expressions.ts'
import { LABEL_FONT } from '../../../map/offline-style.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

export const LIGHTING_COLORS = {
  dark: '#ff2bd6', // magenta: no basemap or category colour is near it, day or night
  darkCore: '#ff7ae9',
  selected: '#ffe600',
  route: '#33d1ff',
  stop: '#ffffff',
  stopText: '#10151e',
} as const

export const DARK_ZONES_SOURCE = 'dark-zones'
export const WORK_ROUTE_SOURCE = 'work-route'
export const WORK_STOPS_SOURCE = 'work-stops'

export const darkZonesGlowLayer: MapLayerSpec = {
  id: 'dark-zones-glow',
  type: 'line',
  source: DARK_ZONES_SOURCE,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': LIGHTING_COLORS.dark, 'line-width': byZoom(5, 12, 26), 'line-blur': byZoom(3, 6, 12), 'line-opacity': 0.5 },
}

export const darkZonesLayer: MapLayerSpec = {
  id: 'dark-zones',
  type: 'line',
  source: DARK_ZONES_SOURCE,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': LIGHTING_COLORS.darkCore, 'line-width': byZoom(1.2, 2.5, 6) },
}

/** The stretch picked in the priority list, outlined so it is found at once among the others. */
export const darkZonesSelectedLayer = (selectedId: string | undefined): MapLayerSpec => ({
  id: 'dark-zones-selected',
  type: 'line',
  source: DARK_ZONES_SOURCE,
  filter: ['==', ['get', 'id'], selectedId ?? ''],
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': LIGHTING_COLORS.selected, 'line-width': byZoom(3, 5, 10), 'line-gap-width': byZoom(1, 2.5, 6) },
})

export const workRouteLayer: MapLayerSpec = {
  id: 'work-route',
  type: 'line',
  source: WORK_ROUTE_SOURCE,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': LIGHTING_COLORS.route, 'line-width': byZoom(1.5, 2.5, 4), 'line-dasharray': [2, 1.5], 'line-opacity': 0.9 },
}

export const workStopsLayer = (selectedId: string | undefined): MapLayerSpec => ({
  id: 'work-stops',
  type: 'circle',
  source: WORK_STOPS_SOURCE,
  paint: {
    'circle-color': LIGHTING_COLORS.stop,
    'circle-radius': byZoom(3, 8, 12),
    'circle-stroke-color': ['case', ['==', ['get', 'id'], selectedId ?? ''], LIGHTING_COLORS.selected, LIGHTING_COLORS.route],
    'circle-stroke-width': ['case', ['==', ['get', 'id'], selectedId ?? ''], 4, 2],
  },
})

export const workStopsLabelLayer: MapLayerSpec = {
  id: 'work-stops-label',
  type: 'symbol',
  source: WORK_STOPS_SOURCE,
  minzoom: 14, // below this the circles are too small to hold a number
  layout: {
    'text-field': ['to-string', ['get', 'order']],
    'text-font': LABEL_FONT,
    'text-size': 11,
    'text-allow-overlap': true,
    'symbol-sort-key': ['get', 'order'],
  },
  paint: { 'text-color': LIGHTING_COLORS.stopText },
}
