// The district an import creates or updates: its name (required by the profile), English name and time zone.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { DistrictDraft } from './district-profile.ts'

export function DistrictFields({ district, onChange }: { district: DistrictDraft; onChange: (district: DistrictDraft) => void }) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="data-row">
      <div className="form-field">
        <label htmlFor={`${id}-name`}>{t('data.districtName')}</label>
        <input id={`${id}-name`} value={district.name} required onChange={(event) => onChange({ ...district, name: event.target.value })} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-name-en`}>{t('data.districtNameEn')}</label>
        <input id={`${id}-name-en`} value={district.nameEn} lang="en" onChange={(event) => onChange({ ...district, nameEn: event.target.value })} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-tz`}>{t('data.timeZone')}</label>
        <input
          id={`${id}-tz`}
          value={district.timeZone}
          spellCheck={false}
          title={t('data.timeZoneHint')}
          onChange={(event) => onChange({ ...district, timeZone: event.target.value })}
        />
      </div>
    </div>
  )
}
