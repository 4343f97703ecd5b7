// Step 3: the layers to import, the district they make up, and the run: its progress while it goes, then its
// report. A run that stored data hands the new district's bounds up, so the map moves to it.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { DistrictFields } from './district-fields.tsx'
import { listImportBlockers } from './district-profile.ts'
import { ImportProblem } from './import-problem.tsx'
import { ImportReport } from './import-report.tsx'
import { PendingLayers } from './pending-layers.tsx'
import { RunProgress } from './run-progress.tsx'
import type { DataImport, DistrictBounds } from './use-data-import.ts'

export interface ImportStepProps {
  data: DataImport
  onDistrictImported: (bounds: DistrictBounds) => void
}

export function ImportStep({ data, onDistrictImported }: ImportStepProps) {
  const { t } = useI18n()
  const id = useId()
  const { run, runOptions } = data
  const blockers = listImportBlockers(data.district, data.pending.length)

  return (
    <section className="data-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="data-step__title">
        {t('data.stepImport')}
      </h3>
      <p className="data-subtitle">{t('data.pending')}</p>
      <PendingLayers files={data.pending} onEdit={data.editPending} onRemove={data.removePending} />
      <DistrictFields district={data.district} onChange={data.setDistrict} />
      <div className="form-choices">
        <label className="form-choice">
          <input type="checkbox" checked={runOptions.dryRun} onChange={(event) => data.setRunOptions({ ...runOptions, dryRun: event.target.checked })} />
          <span>{t('data.dryRun')}</span>
        </label>
        <label className="form-choice">
          <input type="checkbox" checked={runOptions.strict} onChange={(event) => data.setRunOptions({ ...runOptions, strict: event.target.checked })} />
          <span>{t('data.strict')}</span>
        </label>
      </div>
      <div className="form-actions form-actions--start">
        <button type="button" className="primary-button" disabled={blockers.length > 0 || run.isPending} onClick={() => data.startImport(onDistrictImported)}>
          {t('data.run')}
        </button>
        {blockers.length > 0 && <span className="form-hint">{blockers.map((b) => t(`data.blocker.${b}`)).join(' ')}</span>}
      </div>
      {run.isPending && <RunProgress run={data.runProgress} />}
      {run.error && <ImportProblem error={run.error} />}
      {run.data?.report && <ImportReport runId={run.data.id} report={run.data.report} />}
    </section>
  )
}
