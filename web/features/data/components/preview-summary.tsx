// What the preview found: how many of the first rows would import, a GCJ-02 warning for points that sit where
// Amap or Tencent coordinates would, and each row's verdict with the reason a rejected one gives.
import { useI18n } from '../../../lib/i18n.ts'
import type { LayerPreview, PreviewRow } from '../api/preview-layer.ts'

export interface PreviewSummaryProps {
  preview: LayerPreview
  /** The form has changed since this preview was made. */
  stale: boolean
}

export function PreviewSummary({ preview, stale }: PreviewSummaryProps) {
  const { t, formatNumber, formatMeters } = useI18n()
  const check = preview.gcj_check
  return (
    <div className="data-preview">
      <p role="status">
        {t('data.previewSummary', {
          read: formatNumber(preview.read),
          accepted: formatNumber(preview.accepted),
          rejected: formatNumber(preview.read - preview.accepted),
        })}
      </p>
      <p className="form-hint">{t('data.previewCrs', { crs: preview.crs, count: formatNumber(preview.features.features.length) })}</p>
      {stale && <p className="data-warning">{t('data.previewStale')}</p>}
      {preview.gcj_warning && (
        <p className="data-warning" role="alert">
          {check && check.median_raw_m !== null && check.median_converted_m !== null
            ? t('data.gcjWarning', { raw: formatMeters(check.median_raw_m), converted: formatMeters(check.median_converted_m) })
            : t('data.gcjWarningShort')}
        </p>
      )}
      <PreviewRows rows={preview.rows} />
    </div>
  )
}

function PreviewRows({ rows }: { rows: readonly PreviewRow[] }) {
  const { t, formatNumber } = useI18n()
  if (rows.length === 0) return null
  return (
    <div className="data-table-scroll">
      <table className="data-table data-table--compact">
        <caption>{t('data.previewRows')}</caption>
        <thead>
          <tr>
            <th scope="col" className="data-table__number">
              {t('data.rowNumber')}
            </th>
            <th scope="col">{t('data.rowId')}</th>
            <th scope="col">{t('data.rowResult')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className={row.ok ? undefined : 'data-table__rejected'}>
              <td className="data-table__number">{formatNumber(row.row)}</td>
              <td>{row.id === '' ? t('value.none') : row.id}</td>
              <td>
                {row.problem === null
                  ? t('data.rowOk')
                  : t(row.problem.value === '' ? 'data.rowProblem' : 'data.rowProblemValue', row.problem)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
