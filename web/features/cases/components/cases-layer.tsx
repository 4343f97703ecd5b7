// Open cases on the map: a dot per case coloured by state, escalated ones as bubbles with their report count.
// A click opens the case in the panel and names it in a small popup at the spot.
import type { FeatureCollection, Point } from 'geojson'
import { useMemo } from 'react'
import { FeatureCard } from '../../../lib/feature-card.tsx'
import { useI18n } from '../../../lib/i18n.ts'
import { readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { CaseSummary } from '../api/get-cases.ts'
import { useOpenCases } from '../api/get-cases.ts'
import { describeCategory, describeStage } from './case-labels.ts'
import { CASES_SOURCE, casesEscalatedCountLayer, casesEscalatedLayer, casesOpenLayer, casesSelectedLayer } from './case-style.ts'

export interface CaseProperties {
  state: string
  escalated: boolean
  report_count: number
  priority: number
}

/** The cases as map points, carrying what the layers draw by; no cases give an empty collection. */
export function toCaseFeatures(list: {
  items: ReadonlyArray<Pick<CaseSummary, 'id' | 'coordinates' | 'state' | 'escalated' | 'report_count' | 'priority'>>
}): FeatureCollection<Point, CaseProperties> {
  return {
    type: 'FeatureCollection',
    features: list.items.map((c) => ({
      type: 'Feature',
      id: c.id,
      geometry: { type: 'Point', coordinates: c.coordinates },
      properties: { state: c.state, escalated: c.escalated, report_count: c.report_count, priority: c.priority },
    })),
  }
}

export interface CasesLayerProps {
  selectedId: string | undefined
  onOpen: (caseId: string) => void
}

export function CasesLayer({ selectedId, onOpen }: CasesLayerProps) {
  const cases = useOpenCases()
  const features = useMemo(() => cases.data && toCaseFeatures(cases.data), [cases.data])
  const byId = useMemo(() => new Map((cases.data?.items ?? []).map((c) => [c.id, c])), [cases.data])
  useGeoJsonSource(CASES_SOURCE, { data: features, status: cases.status })
  const onClick = (feature: { id?: string | number | undefined }) => {
    const found = byId.get(readFeatureId(feature) ?? '')
    if (!found) return undefined
    onOpen(found.id)
    return <CasePopup summary={found} />
  }
  useMapLayer(casesOpenLayer, { onClick })
  useMapLayer(casesEscalatedLayer, { onClick })
  // The count is not a click target of its own: its label's box is wider than the digits and would catch clicks
  // meant for a neighbouring bubble; a click on the digits lands on the bubble under them.
  useMapLayer(casesEscalatedCountLayer)
  useMapLayer(casesSelectedLayer(selectedId))
  return null
}

function CasePopup({ summary }: { summary: CaseSummary }) {
  const i18n = useI18n()
  const { t, locale, formatNumber } = i18n
  return (
    <FeatureCard
      title={t('cases.caseTitle', { id: summary.id })}
      subtitle={describeCategory(summary, locale)}
      rows={[
        [t('cases.field.state'), describeStage(summary, i18n)],
        [t('cases.field.reportCount'), formatNumber(summary.report_count)],
      ]}
    />
  )
}
