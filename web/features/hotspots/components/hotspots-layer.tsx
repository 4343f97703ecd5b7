// The Gi* cells on the map, coloured by confidence bin; with the comparison on, the trend classes instead. A click on
// a cell shows its numbers and lists its incidents in the panel. A refused analysis draws nothing: the panel says why.
import type { MapGeoJSONFeature } from 'maplibre-gl'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { readFeatureId } from '../../../lib/index-by-id.ts'
import { EMPTY_COLLECTION } from '../../../map/offline-style.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { readHotspotRefusal, useHotspots } from '../api/get-hotspots.ts'
import { useHotspotTrends } from '../api/get-hotspot-trends.ts'
import { buildHotspotsQuery, buildTrendsQuery } from './hotspot-filters.ts'
import {
  HOTSPOTS_SOURCE,
  HOTSPOT_TRENDS_SOURCE,
  hotspotTrendsFillLayer,
  hotspotsFillLayer,
  hotspotsOutlineLayer,
  readBin,
  readTrend,
} from './hotspot-style.ts'
import { useBinLabel } from './use-bin-label.ts'
import type { HotspotView } from './use-hotspot-view.ts'

export function HotspotsLayer({ view }: { view: HotspotView }) {
  const hotspots = useHotspots(buildHotspotsQuery(view.filters, view.period))
  const refused = readHotspotRefusal(hotspots.error) !== undefined
  // a refusal is an answer (nothing to draw), not a broken layer; the last filters' cells, kept while the new ones
  // load, are not the answer yet: the map says it is loading (stale data is never shown as current)
  useGeoJsonSource(HOTSPOTS_SOURCE, {
    data: refused ? EMPTY_COLLECTION : hotspots.data,
    status: refused ? 'success' : hotspots.isPlaceholderData ? 'pending' : hotspots.status,
  })
  const onClick = (feature: MapGeoJSONFeature) => {
    const id = readFeatureId(feature)
    if (id !== undefined) view.selectCell(id)
    return <CellPopup properties={feature.properties} />
  }
  useMapLayer(hotspotsFillLayer, { visible: !view.compare, onClick })
  useMapLayer(hotspotsOutlineLayer(view.selectedCellId), { visible: !view.compare })
  return view.compare ? <HotspotTrendsLayer view={view} /> : null
}

function HotspotTrendsLayer({ view }: { view: HotspotView }) {
  const trends = useHotspotTrends(buildTrendsQuery(view.filters, view.period), true)
  const refused = readHotspotRefusal(trends.error) !== undefined
  useGeoJsonSource(HOTSPOT_TRENDS_SOURCE, {
    data: refused ? EMPTY_COLLECTION : trends.data,
    status: refused ? 'success' : trends.isPlaceholderData ? 'pending' : trends.status,
  })
  useMapLayer(hotspotTrendsFillLayer, { onClick: (feature) => <TrendPopup properties={feature.properties} /> })
  return null
}

const readNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

function CellPopup({ properties }: { properties: Record<string, unknown> }) {
  const { t, formatNumber } = useI18n()
  const binLabel = useBinLabel()
  const count = readNumber(properties.count)
  const z = readNumber(properties.z)
  const p = readNumber(properties.p)
  const neighbors = readNumber(properties.neighbors)
  const dash = t('value.none')
  return (
    <FeatureCard
      title={binLabel(readBin(properties.bin))}
      subtitle={t('hotspots.cellTitle')}
      rows={[
        [t('hotspots.incidents'), count === undefined ? dash : formatNumber(count)],
        [t('hotspots.zScore'), z === undefined ? dash : z.toFixed(2)],
        [t('hotspots.pValue'), p === undefined ? dash : formatP(p)],
        [t('hotspots.neighbors'), neighbors === undefined ? dash : formatNumber(neighbors)],
      ]}
    />
  )
}

function TrendPopup({ properties }: { properties: Record<string, unknown> }) {
  const { t, formatNumber } = useI18n()
  const trend = readTrend(properties.trend)
  const count = readNumber(properties.count)
  const before = readNumber(properties.before_count)
  const dash = t('value.none')
  return (
    <FeatureCard
      title={trend ? t(`hotspots.trend.${trend}`) : dash}
      subtitle={t('hotspots.cellTitle')}
      rows={[
        [t('hotspots.countNow'), count === undefined ? dash : formatNumber(count)],
        [t('hotspots.countBefore'), before === undefined ? dash : formatNumber(before)],
      ]}
    />
  )
}

/** p-values span dozens of orders of magnitude here: small ones in scientific notation. */
function formatP(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1)
}
