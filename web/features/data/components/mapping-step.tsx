// Step 2, for the file just read: its first rows, the column for each key, the meaning of each value, the file's
// coordinate system and date format; then a preview on the map and "add to import". An OpenStreetMap file skips
// all of it: its tags say what each street is.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { CategoryChoice } from './data-labels.ts'
import { FieldMapping } from './field-mapping.tsx'
import { ImportProblem } from './import-problem.tsx'
import { LayerOptions } from './layer-options.tsx'
import { buildLayerSpec, isMappedRole, LAYER_FIELDS, listMissingFields, listValueTargets, setFallback, setField, setMappedValue } from './layer-form.ts'
import { PreviewSummary } from './preview-summary.tsx'
import { SampleTable } from './sample-table.tsx'
import type { DataImport, MappedFile } from './use-data-import.ts'
import { ValueMapping } from './value-mapping.tsx'

export interface MappingStepProps {
  data: DataImport
  file: MappedFile
  categories: readonly CategoryChoice[]
}

export function MappingStep({ data, file, categories }: MappingStepProps) {
  const { t } = useI18n()
  const id = useId()
  const { upload, form } = file
  const { preview } = data
  const missing = listMissingFields(form)
  const categoryCodes = categories.map((c) => c.code)
  const added = data.pending.some((f) => f.upload.upload_id === upload.upload_id)
  // the preview is of the spec as it was sent; any change since makes it out of date
  const stale =
    preview.variables !== undefined && JSON.stringify(preview.variables.layer) !== JSON.stringify(buildLayerSpec(form, upload.name))

  return (
    <section className="data-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="data-step__title">
        {t('data.stepMapping')}
      </h3>
      {form.osm ? (
        <p className="form-hint">{t('data.osmNote')}</p>
      ) : (
        <>
          <SampleTable upload={upload} />
          <FieldMapping form={form} columns={upload.field_names} onChange={(role, column) => data.updateForm((f) => setField(f, role, column, upload))} />
          {LAYER_FIELDS[form.layer].filter(isMappedRole).map((role) => {
            const column = form.fields[role]
            const mapping = form.mappings[role]
            if (column === undefined || mapping === undefined) return null
            return (
              <ValueMapping
                key={`${role}:${column}`}
                layer={form.layer}
                role={role}
                values={upload.distinct_values[column]}
                targets={listValueTargets(form.layer, role, categoryCodes)}
                mapping={mapping}
                categories={categories}
                onMap={(theirs, ours) => data.updateForm((f) => setMappedValue(f, role, theirs, ours))}
                onFallback={(ours) => data.updateForm((f) => setFallback(f, role, ours))}
              />
            )
          })}
          <LayerOptions form={form} prj={upload.prj} onChange={(change) => data.updateForm((f) => ({ ...f, ...change }))} />
        </>
      )}
      <div className="form-actions form-actions--start">
        {!form.osm && (
          <button type="button" className="small-button" disabled={missing.length > 0 || preview.isPending} onClick={() => data.previewCurrent(categoryCodes)}>
            {t('data.preview')}
          </button>
        )}
        <button type="button" className="primary-button" disabled={missing.length > 0} onClick={data.addCurrent}>
          {t('data.addLayer')}
        </button>
        {preview.isPending && (
          <span className="form-hint" role="status">
            {t('panel.loading')}
          </span>
        )}
      </div>
      {added && <p className="panel-notice">{t('data.added', { file: upload.name })}</p>}
      {preview.error && <ImportProblem error={preview.error} />}
      {preview.data && <PreviewSummary preview={preview.data} stale={stale} />}
    </section>
  )
}

/** Step 2 before any file is read: its place in the sequence, and what will appear there. */
export function MappingPlaceholder() {
  const { t } = useI18n()
  const id = useId()
  return (
    <section className="data-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="data-step__title">
        {t('data.stepMapping')}
      </h3>
      <p className="panel-empty">{t('data.mappingEmpty')}</p>
    </section>
  )
}
