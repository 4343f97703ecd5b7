// What the case view says once a case is filed: its id, and the open cases of its category nearby that it may
// repeat, each a click away from folding the new one into it (which then opens that case).
import { useI18n } from '../../../lib/i18n.ts'
import type { CreatedCase } from '../api/create-case.ts'
import { useMergeCase } from '../api/change-case.ts'
import { describeCaseError } from './describe-case-error.ts'

export interface CreatedCaseNoticeProps {
  created: CreatedCase
  onOpenCase: (id: string) => void
  onDismiss: () => void
}

export function CreatedCaseNotice({ created, onOpenCase, onDismiss }: CreatedCaseNoticeProps) {
  const i18n = useI18n()
  const { t, formatNumber } = i18n
  const merge = useMergeCase()
  const candidates = created.repeat_candidates

  return (
    <div className="panel-notice created-case" role="status">
      <p className="created-case__line">
        {t('cases.new.created', { id: created.id })}{' '}
        <button type="button" className="link-button" onClick={onDismiss} aria-label={t('cases.new.dismiss')}>
          ×
        </button>
      </p>
      {candidates.length > 0 && (
        <>
          <p className="created-case__line">{t('cases.new.repeats')}</p>
          <ul className="created-case__repeats">
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                {t('cases.new.repeat', { id: candidate.id, distance: formatNumber(candidate.distance_m) })}
                {candidate.same_lamp && ` · ${t('cases.new.sameLamp')}`}{' '}
                <button
                  type="button"
                  className="small-button"
                  disabled={merge.isPending || merge.isSuccess}
                  onClick={() => merge.mutate({ id: created.id, into: candidate.id, etag: `"${created.version}"` }, { onSuccess: () => onOpenCase(candidate.id) })}
                >
                  {t('cases.new.mergeInto')}
                </button>
              </li>
            ))}
          </ul>
          {merge.isSuccess ? (
            <p className="created-case__line">{t('cases.merged', { into: merge.variables.into })}</p>
          ) : (
            <button type="button" className="link-button" onClick={() => onOpenCase(created.id)}>
              {t('cases.new.openCreated', { id: created.id })}
            </button>
          )}
        </>
      )}
      {merge.error && (
        <p className="form-problem" role="alert">
          {describeCaseError(merge.error, i18n)}
        </p>
      )}
    </div>
  )
}
