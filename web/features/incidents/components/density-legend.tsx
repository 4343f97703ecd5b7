import { useI18n } from '../../../lib/i18n.ts'
import { DENSITY_RAMP } from './incident-style.ts'

export function DensityLegend() {
  const { t } = useI18n()
  return (
    <>
      <div className="density-ramp" aria-hidden="true" style={{ background: `linear-gradient(to right, ${DENSITY_RAMP.join(', ')})` }} />
      <div className="density-ramp-labels">
        <span>{t('legend.densityLow')}</span>
        <span>{t('legend.densityHigh')}</span>
      </div>
      <p className="legend-note">{t('legend.densityNote')}</p>
    </>
  )
}
