// The administrator's Data view (数据导入): upload a file, check its mapping and preview it, add it to the import;
// run the import and read its report; keep the mapping as a profile. Every step reads and writes the working
// state of useDataImport, which outlives this panel while another tab is open.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { CategoryChoice } from './data-labels.ts'
import { ImportStep } from './import-step.tsx'
import { MappingPlaceholder, MappingStep } from './mapping-step.tsx'
import { SavedProfiles } from './saved-profiles.tsx'
import { UploadForm } from './upload-form.tsx'
import type { DataImport, DistrictBounds } from './use-data-import.ts'
import './data-panel.css'

export interface DataPanelProps {
  data: DataImport
  /** The district's incident categories, national and its own: what complaint types can be mapped to. */
  categories: readonly CategoryChoice[]
  /** Called once a run has stored a district, with its bounds (null when it has no extent). */
  onDistrictImported: (bounds: DistrictBounds) => void
}

export function DataPanel({ data, categories, onDistrictImported }: DataPanelProps) {
  const { t } = useI18n()
  const headingId = useId()
  return (
    <section className="panel-section data-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t('data.title')}
      </h2>
      <p className="panel-callout">{t('data.intro')}</p>
      <UploadForm data={data} />
      {data.current ? <MappingStep data={data} file={data.current} categories={categories} /> : <MappingPlaceholder />}
      <ImportStep data={data} onDistrictImported={onDistrictImported} />
      <SavedProfiles data={data} />
    </section>
  )
}
