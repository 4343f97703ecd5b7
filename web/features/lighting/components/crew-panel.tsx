// The crew's view (路灯巡修): how much of the district is lit, the broken lamps to visit in order, and the dark
// stretches that matter most. The map beside it switches to the night basemap (see app.tsx).
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { ZoneSelect } from '../../../lib/zone-select.tsx'
import type { ZoneOption } from '../../../lib/zone-select.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import { CoverageSummary } from './coverage-summary.tsx'
import { DarkStretchRanking } from './dark-stretch-ranking.tsx'
import { LIGHTING_COLORS } from './lighting-style.ts'
import { WorkListSection } from './work-list-section.tsx'

export interface CrewPanelProps {
  /** The zone the lists and the route are narrowed to; undefined for all the user may see. */
  zone: string | undefined
  zones: readonly ZoneOption[]
  onZoneChange: (zone: string | undefined) => void
  canChangeLamps: boolean
  selectedId: string | undefined
  onSelect: (id: string | undefined) => void
  onFocus: (focus: MapFocus) => void
  /** The colours the lamps layer uses at night, for the legend (the lamps feature owns them). */
  lampColors: { lit: string; broken: string }
}

export function CrewPanel({ zone, zones, onZoneChange, canChangeLamps, selectedId, onSelect, onFocus, lampColors }: CrewPanelProps) {
  const { t } = useI18n()
  const headingId = useId()
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t('lighting.crewTitle')}
      </h2>
      <LegendList>
        <LegendItem shape="line" color={LIGHTING_COLORS.dark} label={t('lighting.legendDark')} />
        <LegendItem shape="dot" color={lampColors.lit} label={t('lighting.legendLit')} />
        <LegendItem shape="dot" color={lampColors.broken} label={t('lighting.legendBroken')} />
        <LegendItem shape="dash" color={LIGHTING_COLORS.route} label={t('lighting.legendRoute')} />
      </LegendList>
      <CoverageSummary onZonePick={onZoneChange} />
      <ZoneSelect label={t('field.zone')} zones={zones} value={zone} onChange={onZoneChange} allLabel={t('lighting.allZones')} />
      <WorkListSection
        query={zone === undefined ? {} : { zone }}
        canChangeLamps={canChangeLamps}
        selectedId={selectedId}
        onSelect={onSelect}
        onFocus={onFocus}
      />
      <DarkStretchRanking zone={zone} selectedId={selectedId} onSelect={onSelect} onFocus={onFocus} />
    </section>
  )
}
