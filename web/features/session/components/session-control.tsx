// The header's account corner: who is signed in and a sign-out button, or a sign-in form in a small popover.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { describeError } from '../../../lib/describe-error.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { useSession, useSignIn, useSignOut } from '../api/session.ts'

// The accounts a demo database is seeded with (README "Accounts and roles"); shown only in demo mode.
const DEMO_USERNAMES = 'leader / dispatcher / inspector / crew'
const DEMO_PASSWORD = 'gridwatch-demo'

export function SessionControl({ demo }: { demo: boolean }) {
  const i18n = useI18n()
  const { t } = i18n
  const session = useSession()
  const signOut = useSignOut()
  const [open, setOpen] = useState(false)

  if (session.isPending) return null
  if (session.data) {
    const { user } = session.data
    return (
      <div className="session">
        <span className="session__user" title={user.roles.join(', ')}>
          {t('session.signedInAs', { name: user.display_name || user.username })}
        </span>
        <button type="button" className="header-button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('session.signOut')}
        </button>
        {signOut.error && (
          <span className="session__error" role="alert">
            {describeError(signOut.error, i18n)}
          </span>
        )}
      </div>
    )
  }
  return (
    <div className="session">
      <button type="button" className="header-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('session.signIn')}
      </button>
      {open && <SignInForm demo={demo} onDone={() => setOpen(false)} />}
    </div>
  )
}

function SignInForm({ demo, onDone }: { demo: boolean; onDone: () => void }) {
  const i18n = useI18n()
  const { t } = i18n
  const signIn = useSignIn()
  const formId = useId()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const username = form.get('username')
    const password = form.get('password')
    if (typeof username !== 'string' || typeof password !== 'string') return
    signIn.mutate({ username, password }, { onSuccess: onDone })
  }

  return (
    <form
      className="sign-in"
      aria-label={t('session.formLabel')}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone()
      }}
    >
      <label htmlFor={`${formId}-username`}>{t('session.username')}</label>
      <input id={`${formId}-username`} name="username" autoComplete="username" required autoFocus />
      <label htmlFor={`${formId}-password`}>{t('session.password')}</label>
      <input id={`${formId}-password`} name="password" type="password" autoComplete="current-password" required />
      {signIn.error && (
        <p className="sign-in__error" role="alert">
          {describeError(signIn.error, i18n)}
        </p>
      )}
      {demo && (
        <p className="sign-in__hint">{t('session.demoHint', { usernames: DEMO_USERNAMES, password: DEMO_PASSWORD })}</p>
      )}
      <div className="sign-in__actions">
        <button type="button" className="link-button" onClick={onDone}>
          {t('session.cancel')}
        </button>
        <button type="submit" className="primary-button" disabled={signIn.isPending}>
          {signIn.isPending ? t('session.signingIn') : t('session.submit')}
        </button>
      </div>
    </form>
  )
}
