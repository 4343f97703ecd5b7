// The Data view's preview on the map: the first features of the file as mapped (WGS84, as the import would store
// them), and the map moved to them, so a file in the wrong coordinate system shows at once where it landed.
import { bbox } from '@turf/turf'
import type { Feature, FeatureCollection } from 'geojson'
import { useEffect } from 'react'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { readFeatureId } from '../../../lib/index-by-id.ts'
import { useMapHandle } from '../../../map/map-context.ts'
import { EMPTY_COLLECTION } from '../../../map/offline-style.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { IMPORT_PREVIEW_SOURCE, importPreviewFillLayer, importPreviewLineLayer, importPreviewPointsLayer } from './import-preview-style.ts'

// close enough to tell a street from its neighbour, not so close that a one-point file fills the screen
const PREVIEW_MAX_ZOOM = 16
const PREVIEW_PADDING_PX = 60

export function ImportPreviewLayer({ data }: { data: FeatureCollection | undefined }) {
  // no preview is an empty source, not a pending one: the map counts as drawn while nothing is previewed
  useGeoJsonSource(IMPORT_PREVIEW_SOURCE, { data: data ?? EMPTY_COLLECTION, status: 'success' })
  const onClick = (clicked: { id?: string | number | undefined }) => {
    const feature = data?.features.find((f) => String(f.id) === readFeatureId(clicked))
    return feature && <PreviewPopup feature={feature} />
  }
  useMapLayer(importPreviewFillLayer, { onClick })
  useMapLayer(importPreviewLineLayer, { onClick })
  useMapLayer(importPreviewPointsLayer, { onClick })
  useFitTo(data)
  return null
}

function useFitTo(data: FeatureCollection | undefined) {
  const handle = useMapHandle()
  useEffect(() => {
    if (!data || data.features.length === 0) return
    const [west, south, east, north] = bbox(data)
    handle.map.fitBounds([west, south, east, north], { padding: PREVIEW_PADDING_PX, maxZoom: PREVIEW_MAX_ZOOM })
  }, [handle, data])
}

const readText = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

function PreviewPopup({ feature }: { feature: Feature }) {
  const { t, formatNumber } = useI18n()
  const id = readText(feature.properties?.id)
  const row: unknown = feature.properties?.n
  return (
    <FeatureCard
      title={readText(feature.properties?.name) ?? id ?? t('value.none')}
      rows={[
        [t('data.rowNumber'), typeof row === 'number' ? formatNumber(row) : t('value.none')],
        [t('data.rowId'), id ?? t('value.none')],
      ]}
    />
  )
}
