// Responsible units' names as the league table gives them, for the tiles and the measures board, which carry only
// unit ids. A unit the league does not list (no cases in the period) is shown by its id.
import { useMemo } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { useUnitLeague } from '../api/get-unit-league.ts'
import type { KpiPeriod } from './kpi-period.ts'

/** Borrows the names from the league table of `period`, so the tiles and the table share one request. */
export function useUnitName(period: KpiPeriod): (unitId: string | null) => string | null {
  const { locale } = useI18n()
  const league = useUnitLeague({ from: period.from, to: period.to })
  const names = useMemo(() => new Map((league.data?.units ?? []).map((u) => [u.key, u])), [league.data])
  return (unitId) => {
    if (unitId === null) return null
    const unit = names.get(unitId)
    return (unit && pickName(locale, unit)) ?? unitId
  }
}
