// How much of the street network working lamps light: district totals, the share per zone, and the coverage radius
// per road class the analysis used (docs/domain-notes.md §3).
import { useId, useMemo } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { Stat } from '../../../lib/stat.tsx'
import { useCoverage } from '../api/get-coverage.ts'

export interface CoverageSummaryProps {
  /** Picks a zone for the lists below when its row is clicked. */
  onZonePick: (zoneId: string) => void
}

export function CoverageSummary({ onZonePick }: CoverageSummaryProps) {
  const { t, locale, lookup, formatKilometers, formatPercent, formatNumber, formatMeters } = useI18n()
  const coverage = useCoverage()
  const headingId = useId()

  // road classes grouped by the radius they get: "15 m: residential, tertiary, …"
  const radii = useMemo(() => {
    const byRadius = new Map<number, string[]>()
    for (const [highway, radius] of Object.entries(coverage.data?.radius_m_by_highway ?? {})) {
      byRadius.set(radius, [...(byRadius.get(radius) ?? []), highway])
    }
    return [...byRadius].sort(([a], [b]) => a - b)
  }, [coverage.data])

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('lighting.coverage')}
      </h3>
      <QueryState isPending={coverage.isPending} error={coverage.error} onRetry={() => void coverage.refetch()} />
      {coverage.data && (
        <>
          {/* a district imported with only some layers says what is missing rather than show a bare 0 */}
          {coverage.data.total_length_m === 0 ? (
            <p className="panel-callout" role="status">{t('lighting.noStreets')}</p>
          ) : coverage.data.lamps === 0 ? (
            <p className="panel-callout" role="status">{t('lighting.noLamps')}</p>
          ) : null}
          <div className="stat-grid">
            <Stat label={t('lighting.totalLength')} value={formatKilometers(coverage.data.total_length_m)} />
            <Stat label={t('lighting.darkLength')} value={formatKilometers(coverage.data.dark_length_m)} />
            <Stat label={t('lighting.litShare')} value={formatPercent(coverage.data.lit_share)} />
          </div>
          <p className="panel-count">
            {t('lighting.workingLamps', { working: formatNumber(coverage.data.working_lamps), total: formatNumber(coverage.data.lamps) })}
          </p>
          <details className="panel-details">
            <summary>{t('lighting.byZone')}</summary>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('field.zone')}</th>
                  <th scope="col" className="data-table__number">
                    {t('lighting.darkLength')}
                  </th>
                  <th scope="col" className="data-table__number">
                    {t('lighting.litShare')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {coverage.data.by_zone.map((zone) => (
                  <tr key={zone.zone_id ?? 'none'}>
                    <th scope="row">
                      {zone.zone_id === null ? (
                        t('lighting.outsideZones')
                      ) : (
                        <button type="button" className="link-button" onClick={() => zone.zone_id !== null && onZonePick(zone.zone_id)}>
                          {pickName(locale, zone) ?? zone.zone_id}
                        </button>
                      )}
                    </th>
                    <td className="data-table__number">{formatKilometers(zone.dark_length_m)}</td>
                    <td className="data-table__number">{formatPercent(zone.lit_share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <details className="panel-details">
            <summary>{t('lighting.radii')}</summary>
            <p className="legend-note">{t('lighting.darkDefinition')}</p>
            <ul className="radius-list">
              {radii.map(([radius, highways]) => (
                <li key={radius}>
                  <strong>{formatMeters(radius)}</strong>：{highways.map((h) => lookup(`highway.${h}`, h)).join('、')}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  )
}
