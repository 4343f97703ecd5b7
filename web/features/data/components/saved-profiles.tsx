// Step 4: the mapping kept as a named district profile on the server, and every saved one as a JSON download for
// `npm run import -- --profile` (files named by their own names, to sit beside it).
import { useId } from 'react'
import type { FormEvent } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { profileExportPath, useImportProfiles } from '../api/import-profiles.ts'
import { listImportBlockers } from './district-profile.ts'
import { ImportProblem } from './import-problem.tsx'
import type { DataImport } from './use-data-import.ts'

export function SavedProfiles({ data }: { data: DataImport }) {
  const { t, formatDateTime } = useI18n()
  const id = useId()
  const profiles = useImportProfiles()
  const { saveProfile } = data
  const saved = saveProfile.data && saveProfile.variables
  const ready = listImportBlockers(data.district, data.pending.length).length === 0 && data.profileName.trim() !== ''

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (ready) data.saveCurrentProfile()
  }

  return (
    <section className="data-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="data-step__title">
        {t('data.stepProfiles')}
      </h3>
      <p className="form-hint">{t('data.profilesHint')}</p>
      <form className="data-row" onSubmit={submit}>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{t('data.profileName')}</label>
          <input id={`${id}-name`} value={data.profileName} maxLength={64} onChange={(event) => data.setProfileName(event.target.value)} />
        </div>
        <button type="submit" className="small-button" disabled={!ready || saveProfile.isPending}>
          {t('data.saveProfile')}
        </button>
      </form>
      {saved && (
        <p className="panel-notice" role="status">
          {t(saveProfile.data.created ? 'data.profileSaved' : 'data.profileReplaced', { name: saveProfile.variables.name })}
        </p>
      )}
      {saveProfile.error && <ImportProblem error={saveProfile.error} />}
      <p className="data-subtitle">{t('data.savedProfiles')}</p>
      <QueryState isPending={profiles.isPending} error={profiles.error} onRetry={() => void profiles.refetch()} />
      {profiles.data?.length === 0 && <p className="panel-empty">{t('data.noProfiles')}</p>}
      {profiles.data && profiles.data.length > 0 && (
        <ul className="data-pending" aria-label={t('data.savedProfiles')}>
          {profiles.data.map((profile) => (
            <li key={profile.name}>
              <span>
                <strong>{profile.name}</strong> <span className="form-hint">{t('data.savedAt', { time: formatDateTime(profile.saved_at) })}</span>
              </span>
              <a className="small-button" href={profileExportPath(profile.name)} download={`${profile.name}.json`} aria-label={t('data.exportProfile', { name: profile.name })}>
                {t('data.export')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
