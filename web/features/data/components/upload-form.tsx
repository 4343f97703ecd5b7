// Step 1: which layer a file is, and the file itself. Once read, one line says what the server found (format,
// fields, size) and, when its contents suggest another layer than the one chosen, offers to switch.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { UploadedFile } from '../api/upload-file.ts'
import { formatFileSize, LAYER_LABELS } from './data-labels.ts'
import { ImportProblem } from './import-problem.tsx'
import { LAYER_KINDS, type LayerName } from './layer-form.ts'
import type { DataImport } from './use-data-import.ts'

// what the server's readers open (server/import/read/open-source.ts); a Shapefile travels as a zip with its .dbf
const ACCEPTED_FILES = '.csv,.tsv,.txt,.xlsx,.geojson,.json,.geojsonl,.zip,.osm,.pbf'

const toLayer = (value: string): LayerName | undefined => LAYER_KINDS.find((kind) => kind === value)

export function UploadForm({ data }: { data: DataImport }) {
  const { t } = useI18n()
  const id = useId()
  const { upload, current } = data

  return (
    <section className="data-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="data-step__title">
        {t('data.stepUpload')}
      </h3>
      <div className="data-row">
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>{t('data.layerKind')}</label>
          <select
            id={`${id}-kind`}
            value={data.kind}
            onChange={(event) => {
              const kind = toLayer(event.target.value)
              if (kind) data.chooseKind(kind)
            }}
          >
            {LAYER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(LAYER_LABELS[kind])}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-file`}>{t('data.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPTED_FILES}
            aria-describedby={`${id}-hint`}
            disabled={upload.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0]
              // cleared, so choosing the same file again (after fixing it) uploads it again
              event.target.value = ''
              if (file) data.uploadFile(file)
            }}
          />
        </div>
      </div>
      <p id={`${id}-hint`} className="form-hint">
        {t('data.fileHint')}
      </p>
      {upload.isPending && (
        <p className="data-progress" role="status">
          {t('data.uploading', { name: upload.variables.file.name })}
        </p>
      )}
      {upload.error && <ImportProblem error={upload.error} />}
      {current && <FileSummary upload={current.upload} layer={current.form.layer} onChooseKind={data.chooseKind} />}
    </section>
  )
}

function FileSummary({ upload, layer, onChooseKind }: { upload: UploadedFile; layer: LayerName; onChooseKind: (kind: LayerName) => void }) {
  const i18n = useI18n()
  const { t, lookup, formatNumber } = i18n
  const format = lookup(`data.format.${upload.format}`, upload.format)
  const size = formatFileSize(upload.bytes, i18n)
  const guessed = upload.guesses.layer
  return (
    <>
      <p className="data-file">
        {upload.format === 'osm'
          ? t('data.fileSummaryOsm', { name: upload.name, format, size })
          : t('data.fileSummary', { name: upload.name, format, fields: formatNumber(upload.field_names.length), size })}
      </p>
      {upload.geometry_type !== null && <p className="form-hint">{t('data.geometryType', { type: upload.geometry_type })}</p>}
      {guessed !== null && guessed !== layer && (
        <p className="data-warning">
          {t('data.guessedKind', { kind: t(LAYER_LABELS[guessed]) })}{' '}
          <button type="button" className="link-button" onClick={() => onChooseKind(guessed)}>
            {t('data.useGuessedKind', { kind: t(LAYER_LABELS[guessed]) })}
          </button>
        </p>
      )}
    </>
  )
}
