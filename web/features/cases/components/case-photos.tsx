// The case's photos as thumbnails (served to staff at /api/photos/:id), each opening full size, and — for a unit
// reporting its work or an inspector verifying it — adding one (JPEG, PNG or WebP, at most 5 MiB).
import { useId, useState } from 'react'
import type { ChangeEvent } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { useAddCasePhoto } from '../api/change-case.ts'
import type { CasePhoto } from '../api/get-case.ts'
import { PHOTO_STAGE_LABELS } from './case-labels.ts'
import type { PhotoProblem } from './describe-case-error.ts'
import { PHOTO_TYPES, checkCasePhoto, describeCaseError } from './describe-case-error.ts'

export interface CasePhotosProps {
  caseId: string
  photos: readonly CasePhoto[]
  canAdd: boolean
}

export function CasePhotos({ caseId, photos, canAdd }: CasePhotosProps) {
  const i18n = useI18n()
  const { t, formatDateTime } = i18n
  const add = useAddCasePhoto()
  const headingId = useId()
  const inputId = useId()
  const [problem, setProblem] = useState<PhotoProblem>()

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = '' // the same file may be chosen again after a fix
    if (!file) return
    const found = checkCasePhoto(file)
    setProblem(found)
    if (found === undefined) add.mutate({ id: caseId, photo: file })
  }

  if (photos.length === 0 && !canAdd) return null
  return (
    <section className="case-block" aria-labelledby={headingId}>
      <h4 id={headingId} className="case-block__title">
        {t('cases.photos')}
      </h4>
      {photos.length === 0 ? (
        <p className="panel-empty">{t('cases.noPhotos')}</p>
      ) : (
        <ul className="case-photos">
          {photos.map((photo) => {
            const label = `${t(PHOTO_STAGE_LABELS[photo.stage])} · ${formatDateTime(photo.uploaded_at)}`
            return (
              <li key={photo.id} className="case-photos__item">
                <a href={photo.url} target="_blank" rel="noreferrer" title={label}>
                  <img src={photo.url} alt={label} loading="lazy" />
                </a>
                <span className="case-photos__stage">{t(PHOTO_STAGE_LABELS[photo.stage])}</span>
              </li>
            )
          })}
        </ul>
      )}
      {canAdd && (
        <div className="case-photos__add">
          <label htmlFor={inputId} className="small-button">
            {add.isPending ? t('cases.uploading') : t('cases.addPhoto')}
          </label>
          <input id={inputId} className="case-photos__input" type="file" accept={PHOTO_TYPES.join(',')} disabled={add.isPending} onChange={choose} />
          <span className="form-hint">{t('cases.photoHint')}</span>
        </div>
      )}
      {problem !== undefined && (
        <p className="form-problem" role="alert">
          {t(`cases.error.${problem}`)}
        </p>
      )}
      {add.error && problem === undefined && (
        <p className="form-problem" role="alert">
          {describeCaseError(add.error, i18n)}
        </p>
      )}
    </section>
  )
}
