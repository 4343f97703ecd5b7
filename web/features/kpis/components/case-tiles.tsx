// The leader's four numbers for cases right now: open, overdue, escalated and awaiting verification. Overdue and
// escalated turn red when there are any: those are the ones a leader acts on.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { Stat } from '../../../lib/stat.tsx'
import { useCasesOverview } from '../api/get-cases-overview.ts'
import '../kpis.css'

export function CaseTiles() {
  const { t, formatNumber } = useI18n()
  const headingId = useId()
  const overview = useCasesOverview()
  const data = overview.data
  const alert = (count: number) => (count > 0 ? 'kpi-tile--alert' : undefined)

  return (
    <section className="panel-block kpi-cases" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('kpis.casesTitle')}
      </h3>
      <QueryState isPending={overview.isPending} error={overview.error} onRetry={() => void overview.refetch()} />
      {data && (
        <div className="kpi-tiles">
          <Stat label={t('kpis.open')} value={formatNumber(data.open)} />
          <div className={alert(data.overdue)}>
            <Stat label={t('kpis.overdue')} value={formatNumber(data.overdue)} />
          </div>
          <div className={alert(data.escalated)}>
            <Stat label={t('kpis.escalated')} value={formatNumber(data.escalated)} />
          </div>
          <Stat label={t('kpis.awaitingVerification')} value={formatNumber(data.awaiting_verification)} />
        </div>
      )}
    </section>
  )
}
