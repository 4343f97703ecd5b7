import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import { LAMP_CELL_BROKEN_COLORS, LAMP_FAULTS, LAMP_STATUS_COLORS } from './lamp-style.ts'

export interface LampsLegendProps {
  /** The district's lamps (from /api/meta): the map draws them from tiles and never holds them all. */
  total: number | undefined
}

export function LampsLegend({ total }: LampsLegendProps) {
  const { t, formatNumber } = useI18n()
  return (
    <>
      <LegendList>
        <LegendItem shape="dot" color={LAMP_STATUS_COLORS.ok} label={t('lampStatus.ok')} />
        {LAMP_FAULTS.map((status) => (
          <LegendItem key={status} shape="dot" color={LAMP_STATUS_COLORS[status]} label={t(`lampStatus.${status}`)} />
        ))}
        <LegendItem shape="dot" color={LAMP_CELL_BROKEN_COLORS.many} label={t('legend.lampCellsBroken')} />
      </LegendList>
      <p className="legend-note">{t('legend.lampCells')}</p>
      {total !== undefined && (
        <p className="legend-total">
          {t('panel.total')}: <strong>{formatNumber(total)}</strong>
        </p>
      )}
    </>
  )
}
