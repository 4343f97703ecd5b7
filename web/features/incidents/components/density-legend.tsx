import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { useIncidents } from '../api/get-incidents.ts'
import { DENSITY_RAMP } from './incident-style.ts'

export function DensityLegend() {
  const { t } = useI18n()
  const incidents = useIncidents()
  return (
    <>
      <QueryState isPending={incidents.isPending} error={incidents.error} onRetry={() => void incidents.refetch()} />
      <div className="density-ramp" aria-hidden="true" style={{ background: `linear-gradient(to right, ${DENSITY_RAMP.join(', ')})` }} />
      <div className="density-ramp-labels">
        <span>{t('legend.densityLow')}</span>
        <span>{t('legend.densityHigh')}</span>
      </div>
      <p className="legend-note">{t('legend.densityNote')}</p>
    </>
  )
}
