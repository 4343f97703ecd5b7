import { useMemo } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { QueryState } from '../../../lib/query-state.tsx'
import { useLamps } from '../api/get-lamps.ts'
import type { LampStatus } from './lamp-style.ts'
import { LAMP_FAULTS, LAMP_STATUS_COLORS } from './lamp-style.ts'

export function LampsLegend() {
  const { t, formatNumber } = useI18n()
  const lamps = useLamps()
  const counts = useMemo(() => {
    const byStatus = new Map<LampStatus, number>()
    for (const { properties } of lamps.data?.features ?? []) {
      byStatus.set(properties.status, (byStatus.get(properties.status) ?? 0) + 1)
    }
    return byStatus
  }, [lamps.data])
  const countOf = (status: LampStatus) => (lamps.data ? formatNumber(counts.get(status) ?? 0) : undefined)
  const faults = LAMP_FAULTS.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0)
  return (
    <>
      <QueryState isPending={lamps.isPending} error={lamps.error} onRetry={() => void lamps.refetch()} />
      <LegendList>
        <LegendItem shape="dot" color={LAMP_STATUS_COLORS.ok} label={t('lampStatus.ok')} count={countOf('ok')} />
        {LAMP_FAULTS.map((status) => (
          <LegendItem
            key={status}
            shape="dot"
            color={LAMP_STATUS_COLORS[status]}
            label={t(`lampStatus.${status}`)}
            count={countOf(status)}
          />
        ))}
      </LegendList>
      {lamps.data && (
        <p className="legend-total">
          {t('legend.lampFaults')}: <strong>{formatNumber(faults)}</strong>
        </p>
      )}
    </>
  )
}
