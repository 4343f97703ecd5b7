// Sets a new password for an account (a forgotten password, a demo account made real). The server ends the
// account's sessions, so whoever had it open must sign in again.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { useUpdateUser } from '../api/change-users.ts'
import type { UserAccount } from '../api/get-users.ts'
import { describeAccountError } from './user-form.tsx'
import type { FieldProblem } from './user-fields.ts'
import { MIN_PASSWORD_LENGTH, checkAccountDraft } from './user-fields.ts'

export function PasswordResetForm({ user, onDone }: { user: UserAccount; onDone: (changed: boolean) => void }) {
  const i18n = useI18n()
  const { t } = i18n
  const id = useId()
  const update = useUpdateUser()
  const [problems, setProblems] = useState<FieldProblem[]>([])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const password = form.get('password')
    const repeat = form.get('password_repeat')
    if (typeof password !== 'string' || typeof repeat !== 'string') return
    const found = checkAccountDraft({ password, password_repeat: repeat })
    setProblems(found)
    if (found.length === 0) update.mutate({ id: user.id, patch: { password } }, { onSuccess: () => onDone(true) })
  }

  return (
    <form className="user-form" aria-label={t('users.resetTitle', { name: user.username })} onSubmit={submit} noValidate>
      <div className="form-field">
        <label htmlFor={`${id}-password`}>{t('users.newPassword')}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="new-password" required autoFocus />
        <p className="form-hint">{t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}</p>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-repeat`}>{t('users.passwordRepeat')}</label>
        <input id={`${id}-repeat`} name="password_repeat" type="password" autoComplete="new-password" required />
      </div>
      {problems.map((problem) => (
        <p key={problem.field} className="form-problem" role="alert">
          {t(problem.message, { min: MIN_PASSWORD_LENGTH })}
        </p>
      ))}
      {update.error && (
        <p className="form-problem" role="alert">
          {describeAccountError(update.error, i18n, 'update')}
        </p>
      )}
      <p className="form-hint">{t('users.resetNote')}</p>
      <div className="form-actions">
        <button type="button" className="link-button" onClick={() => onDone(false)}>
          {t('session.cancel')}
        </button>
        <button type="submit" className="primary-button" disabled={update.isPending}>
          {t('users.resetPassword')}
        </button>
      </div>
    </form>
  )
}
