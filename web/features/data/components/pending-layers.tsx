// The layers added so far, kept across imports: a district is often imported in steps (zones and streets first,
// then the lamp ledger and the complaint history against them), and each run takes them all again.
import { useI18n } from '../../../lib/i18n.ts'
import { LAYER_LABELS } from './data-labels.ts'
import { describeCrs } from './layer-form.ts'
import type { MappedFile } from './use-data-import.ts'

export interface PendingLayersProps {
  files: readonly MappedFile[]
  onEdit: (uploadId: string) => void
  onRemove: (uploadId: string) => void
}

export function PendingLayers({ files, onEdit, onRemove }: PendingLayersProps) {
  const { t } = useI18n()
  if (files.length === 0) return <p className="panel-empty">{t('data.pendingEmpty')}</p>
  return (
    <ul className="data-pending" aria-label={t('data.pending')}>
      {files.map(({ upload, form }) => (
        <li key={upload.upload_id}>
          <span>
            <strong>{t(LAYER_LABELS[form.layer])}</strong> <span className="data-table__file">{`${upload.name} · ${describeCrs(form)}`}</span>
          </span>
          <span className="data-pending__actions">
            <button type="button" className="small-button" aria-label={t('data.editLayer', { file: upload.name })} onClick={() => onEdit(upload.upload_id)}>
              {t('data.edit')}
            </button>
            <button
              type="button"
              className="small-button small-button--danger"
              aria-label={t('data.removeLayer', { file: upload.name })}
              onClick={() => onRemove(upload.upload_id)}
            >
              {t('data.remove')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  )
}
