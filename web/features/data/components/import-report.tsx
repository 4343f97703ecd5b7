// A finished run as the CLI prints it: per layer the rows read, accepted, rejected and written, the reasons rows
// were rejected, the server's warnings, and every rejected row as a CSV to fix the source file with.
import { useI18n } from '../../../lib/i18n.ts'
import type { ImportReport as Report, ImportReportLayer } from '../api/run-import.ts'
import { rejectsCsvPath } from '../api/run-import.ts'
import { LAYER_LABELS } from './data-labels.ts'

export function ImportReport({ runId, report }: { runId: string; report: Report }) {
  const { t, formatNumber } = useI18n()
  const accepted = report.layers.reduce((sum, layer) => sum + layer.accepted, 0)
  const rejected = formatNumber(report.rejected)
  const summary = report.stored
    ? t('data.reportSummary', { imported: formatNumber(report.imported), rejected })
    : report.dry_run
      ? t('data.reportDryRun', { accepted: formatNumber(accepted), rejected })
      : t('data.reportStrict', { rejected })

  return (
    <div className="data-report">
      <p className={report.stored ? 'panel-notice' : 'data-warning'} role="status">
        {summary}
      </p>
      <table className="data-table">
        <caption className="data-report__caption">
          {t('data.reportTitle')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('data.report.layer')}</th>
            <th scope="col">{t('data.report.file')}</th>
            <th scope="col" className="data-table__number">
              {t('data.report.read')}
            </th>
            <th scope="col" className="data-table__number">
              {t('data.report.accepted')}
            </th>
            <th scope="col" className="data-table__number">
              {t('data.report.rejected')}
            </th>
            <th scope="col" className="data-table__number">
              {t('data.report.stored')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.layers.map((layer) => (
            <ReportRow key={`${layer.layer}:${layer.file}`} layer={layer} />
          ))}
        </tbody>
      </table>
      {report.layers
        .filter((layer) => layer.rejected > 0)
        .map((layer) => (
          <div key={`${layer.layer}:${layer.file}`}>
            <p className="data-subtitle">{t('data.reasons', { file: layer.file })}</p>
            <ul className="data-reasons">
              {Object.entries(layer.reasons)
                .sort(([, a], [, b]) => b - a)
                .map(([reason, count]) => (
                  <li key={reason}>{t('data.reasonCount', { reason, count: formatNumber(count) })}</li>
                ))}
            </ul>
          </div>
        ))}
      {report.warnings.map((warning) => (
        <p key={warning} className="data-warning">
          {warning}
        </p>
      ))}
      <p>
        <a className="small-button" href={rejectsCsvPath(runId)} download>
          {t('data.rejectsCsv')}
        </a>
      </p>
    </div>
  )
}

function ReportRow({ layer }: { layer: ImportReportLayer }) {
  const { t, formatNumber } = useI18n()
  const stored = layer.stored
  return (
    <tr>
      <th scope="row">{t(LAYER_LABELS[layer.layer])}</th>
      <td className="data-table__file">{layer.file}</td>
      <td className="data-table__number">{formatNumber(layer.read)}</td>
      <td className="data-table__number">{formatNumber(layer.accepted)}</td>
      <td className="data-table__number">{formatNumber(layer.rejected)}</td>
      <td
        className="data-table__number"
        title={stored ? t('data.storedDetail', { inserted: formatNumber(stored.inserted), updated: formatNumber(stored.updated), unchanged: formatNumber(stored.unchanged) }) : undefined}
      >
        {/* written = new + updated + unchanged: every accepted row is in the store afterwards */}
        {stored ? formatNumber(stored.inserted + stored.updated + stored.unchanged) : t('value.none')}
      </td>
    </tr>
  )
}
