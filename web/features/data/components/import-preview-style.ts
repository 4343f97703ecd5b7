// The file being imported, as mapped, drawn over every data layer: one warm orange for zones, streets and points
// alike, apart from the street-category colours, the magenta dark stretches and the cyan retrofit rings.
import type { ExpressionSpecification } from 'maplibre-gl'
import { byZoom } from '../../../map/expressions.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'

export const IMPORT_PREVIEW_SOURCE = 'import-preview'

const PREVIEW_COLOR = '#e8590c'

// MapLibre names multi-part geometries by their own type, so each test lists both
const isArea: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]]
const isPoint: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]

export const importPreviewFillLayer: MapLayerSpec = {
  id: 'import-preview-fill',
  type: 'fill',
  source: IMPORT_PREVIEW_SOURCE,
  filter: isArea,
  paint: { 'fill-color': PREVIEW_COLOR, 'fill-opacity': 0.12 },
}

/** Street lines and zone outlines. */
export const importPreviewLineLayer: MapLayerSpec = {
  id: 'import-preview-line',
  type: 'line',
  source: IMPORT_PREVIEW_SOURCE,
  filter: ['!', isPoint],
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': PREVIEW_COLOR, 'line-width': byZoom(1.5, 2.5, 4) },
}

export const importPreviewPointsLayer: MapLayerSpec = {
  id: 'import-preview-points',
  type: 'circle',
  source: IMPORT_PREVIEW_SOURCE,
  filter: isPoint,
  paint: {
    'circle-color': PREVIEW_COLOR,
    'circle-radius': byZoom(2, 3.5, 6),
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': byZoom(0.5, 1, 1.5),
  },
}
