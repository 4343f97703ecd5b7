// The basemap as a MapLibre style that needs no network: no tiles, no sprite, no glyphs URL.
// Without `glyphs`, MapLibre draws label text with the browser's own fonts (CJK from the system, e.g. Noto Sans CJK),
// so labels work on an intranet with no font server. Sources start empty; features hand them GeoJSON from our API.
import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification, GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl'
import type { Locale } from '../lib/i18n.ts'

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** The property every source promotes to the feature id (see useGeoJsonSource). */
export const FEATURE_ID_PROPERTY = 'id'

/** Basemap sources the style declares; features fill them with `useGeoJsonSource`. */
export const BASEMAP_SOURCES = {
  water: 'base-water',
  buildings: 'base-buildings',
  streets: 'base-streets',
} as const

export const BASE_COLORS = {
  land: '#f3f1ec',
  water: '#a9cce8',
  waterLine: '#7fb2dc',
  building: '#dedad3',
  buildingOutline: '#cfcac1',
  street: '#ffffff',
  streetCasing: '#c9c4ba',
  label: '#3f3b36',
  waterLabel: '#3d6e99',
  halo: '#ffffff',
} as const

/** The basemap at night, for the lighting views: dark land and streets, so unlit stretches and lamps stand out. */
export const NIGHT_COLORS: Record<keyof typeof BASE_COLORS, string> = {
  land: '#151b26',
  water: '#1d3550',
  waterLine: '#2a4b6e',
  building: '#222a38',
  buildingOutline: '#2c3647',
  street: '#465165',
  streetCasing: '#2a3240',
  label: '#c3ccd9',
  waterLabel: '#80a7cf',
  halo: '#10151e',
}

type ColorPaintProperty = 'background-color' | 'fill-color' | 'fill-outline-color' | 'line-color' | 'text-color' | 'text-halo-color'

/** The part of a MapLibre map a repaint needs (a stand-in in tests). */
export interface PaintableMap {
  getLayer: (id: string) => unknown
  setPaintProperty: (layer: string, property: ColorPaintProperty, value: string) => unknown
}

/** Which basemap paint property shows which palette colour; `applyBasemapPalette` repaints them all. */
const PALETTE_PAINT: ReadonlyArray<readonly [layer: string, property: ColorPaintProperty, color: keyof typeof BASE_COLORS]> = [
  ['base-background', 'background-color', 'land'],
  ['base-water-area', 'fill-color', 'water'],
  ['base-water-line', 'line-color', 'waterLine'],
  ['base-buildings', 'fill-color', 'building'],
  ['base-buildings', 'fill-outline-color', 'buildingOutline'],
  ['base-streets-casing', 'line-color', 'streetCasing'],
  ['base-streets', 'line-color', 'street'],
  ['base-water-label', 'text-color', 'waterLabel'],
  ['base-water-label', 'text-halo-color', 'halo'],
  ['base-streets-label', 'text-color', 'label'],
  ['base-streets-label', 'text-halo-color', 'halo'],
]

/** Repaints the basemap layers of `map` with `palette` (day: BASE_COLORS, night: NIGHT_COLORS). */
export function applyBasemapPalette(map: PaintableMap, palette: Record<keyof typeof BASE_COLORS, string>): void {
  for (const [layer, property, color] of PALETTE_PAINT) {
    if (map.getLayer(layer)) map.setPaintProperty(layer, property, palette[color])
  }
}

/**
 * Font stack for every symbol layer. With no glyphs URL these are CSS font families looked up on the user's
 * machine: Noto on Linux (fonts-noto-cjk), Microsoft YaHei on the bureau's Windows desktops, PingFang on macOS.
 */
export const LABEL_FONT = ['Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif']

/** CSS font family MapLibre uses for CJK characters, which it always draws locally. */
export const IDEOGRAPH_FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

/** A feature's display name: `name` (Chinese) in zh-CN; `name_en` in English, falling back to `name`. */
export function localizedName(locale: Locale): ExpressionSpecification {
  return locale === 'en'
    ? ['coalesce', ['get', 'name_en'], ['get', 'name'], '']
    : ['coalesce', ['get', 'name'], ['get', 'name_en'], '']
}

const OSM_ATTRIBUTION = '© OpenStreetMap contributors'

function emptyGeoJsonSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: EMPTY_COLLECTION, attribution: OSM_ATTRIBUTION, promoteId: FEATURE_ID_PROPERTY }
}

// Wider lines for bigger roads: OSM `highway` classes, widths in pixels at zoom 12 and 18.
const streetWidth = (at12: [number, number, number], at18: [number, number, number]): ExpressionSpecification => [
  'interpolate',
  ['exponential', 1.6],
  ['zoom'],
  12,
  ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary'], at12[0], ['secondary', 'tertiary'], at12[1], at12[2]],
  18,
  ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary'], at18[0], ['secondary', 'tertiary'], at18[1], at18[2]],
]

export function createOfflineStyle(locale: Locale): StyleSpecification {
  return {
    version: 8,
    name: 'Gridwatch offline basemap',
    sources: {
      [BASEMAP_SOURCES.water]: emptyGeoJsonSource(),
      [BASEMAP_SOURCES.buildings]: emptyGeoJsonSource(),
      [BASEMAP_SOURCES.streets]: emptyGeoJsonSource(),
    },
    layers: [
      { id: 'base-background', type: 'background', paint: { 'background-color': BASE_COLORS.land } },
      {
        id: 'base-water-area',
        type: 'fill',
        source: BASEMAP_SOURCES.water,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': BASE_COLORS.water },
      },
      {
        id: 'base-water-line',
        type: 'line',
        source: BASEMAP_SOURCES.water,
        filter: ['==', ['geometry-type'], 'LineString'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': BASE_COLORS.waterLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 16, 4],
        },
      },
      {
        id: 'base-buildings',
        type: 'fill',
        source: BASEMAP_SOURCES.buildings,
        minzoom: 13,
        paint: {
          'fill-color': BASE_COLORS.building,
          'fill-outline-color': BASE_COLORS.buildingOutline,
          'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.4, 15, 1],
        },
      },
      {
        id: 'base-streets-casing',
        type: 'line',
        source: BASEMAP_SOURCES.streets,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': BASE_COLORS.streetCasing, 'line-width': streetWidth([2.4, 1.6, 0.8], [20, 15, 9]) },
      },
      {
        id: 'base-streets',
        type: 'line',
        source: BASEMAP_SOURCES.streets,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': BASE_COLORS.street, 'line-width': streetWidth([1.6, 1, 0.4], [17, 12, 7]) },
      },
      {
        id: 'base-water-label',
        type: 'symbol',
        source: BASEMAP_SOURCES.water,
        minzoom: 13,
        filter: ['==', ['geometry-type'], 'LineString'],
        layout: {
          'symbol-placement': 'line',
          'text-field': localizedName(locale),
          'text-font': LABEL_FONT,
          'text-size': 12,
          'text-letter-spacing': 0.1,
        },
        paint: { 'text-color': BASE_COLORS.waterLabel, 'text-halo-color': BASE_COLORS.halo, 'text-halo-width': 1.4 },
      },
      {
        id: 'base-streets-label',
        type: 'symbol',
        source: BASEMAP_SOURCES.streets,
        minzoom: 13.5,
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 320,
          'text-field': localizedName(locale),
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 14, 11, 18, 14],
          'text-max-angle': 30,
        },
        paint: { 'text-color': BASE_COLORS.label, 'text-halo-color': BASE_COLORS.halo, 'text-halo-width': 1.6 },
      },
    ],
  }
}

/** Basemap label layers whose `text-field` follows the interface language. */
export const BASEMAP_LABEL_LAYERS = ['base-water-label', 'base-streets-label'] as const
