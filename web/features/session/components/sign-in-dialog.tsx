// Sign-in as a modal dialog over the page: the map stays visible behind it, the rest of the page is inert until it
// closes. In demo mode it lists the demo accounts (username = role) and fills one in with a click.
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { readRequestFailure } from '../../../lib/api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { useSignIn } from '../api/session.ts'
import type { RoleName } from './session-control.tsx'

// The documented password of every demo account (README "Accounts and roles"); shown only in demo mode.
const DEMO_PASSWORD = 'gridwatch-demo'

export interface SignInDialogProps {
  demo: boolean
  roles: readonly RoleName[]
  onClose: () => void
}

/** Seconds left until `untilMs`, ticking once a second; 0 once it has passed. */
function useSecondsLeft(untilMs: number | undefined): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (untilMs === undefined) return
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [untilMs])
  return untilMs === undefined ? 0 : Math.max(0, Math.ceil((untilMs - now) / 1000))
}

export function SignInDialog({ demo, roles, onClose }: SignInDialogProps) {
  const i18n = useI18n()
  const { t, locale, formatDuration } = i18n
  const signIn = useSignIn()
  const formId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const [lockedUntilMs, setLockedUntilMs] = useState<number>()
  const secondsLeft = useSecondsLeft(lockedUntilMs)
  const locked = secondsLeft > 0

  useEffect(() => {
    const dialog = dialogRef.current
    // the control that opened the dialog gets the focus back when it closes (not <body>, where a keyboard user
    // would have to start again from the top)
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const username = form.get('username')
    const password = form.get('password')
    if (typeof username !== 'string' || typeof password !== 'string') return
    signIn.mutate(
      { username, password },
      {
        onSuccess: onClose,
        onError: (error) => {
          const { retryAfterSeconds } = readRequestFailure(error)
          setLockedUntilMs(retryAfterSeconds === undefined ? undefined : Date.now() + retryAfterSeconds * 1000)
        },
      },
    )
  }

  const fillDemoAccount = (username: string) => {
    if (usernameRef.current) usernameRef.current.value = username
    if (passwordRef.current) passwordRef.current.value = DEMO_PASSWORD
    passwordRef.current?.focus()
  }

  // while locked out, the line counts down; afterwards the server's own words stay (it may refuse again)
  const errorText = signIn.error
    ? locked
      ? t('error.rateLimitedWait', { wait: formatDuration(secondsLeft) })
      : describeError(signIn.error, i18n)
    : undefined

  return (
    <dialog
      ref={dialogRef}
      className="sign-in-dialog"
      aria-labelledby={`${formId}-title`}
      onCancel={(event) => {
        event.preventDefault() // Escape: close through React, so the state and the element agree
        onClose()
      }}
    >
      <form className="sign-in" aria-label={t('session.formLabel')} onSubmit={submit}>
        <h2 id={`${formId}-title`} className="sign-in__title">
          {t('session.formLabel')}
        </h2>
        <p className="sign-in__lead">{t('session.lead')}</p>
        <label htmlFor={`${formId}-username`}>{t('session.username')}</label>
        <input ref={usernameRef} id={`${formId}-username`} name="username" autoComplete="username" required autoFocus />
        <label htmlFor={`${formId}-password`}>{t('session.password')}</label>
        <input ref={passwordRef} id={`${formId}-password`} name="password" type="password" autoComplete="current-password" required />
        {errorText !== undefined && (
          <p className="sign-in__error" role="alert">
            {errorText}
          </p>
        )}
        {demo && roles.length > 0 && (
          <div className="sign-in__demo">
            <p className="sign-in__hint">{t('session.demoHint', { password: DEMO_PASSWORD })}</p>
            <ul className="sign-in__accounts">
              {roles.map((role) => (
                <li key={role.role}>
                  <button type="button" className="chip-button" onClick={() => fillDemoAccount(role.role)}>
                    <span>{pickName(locale, role) ?? role.role}</span> <code>{role.role}</code>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="sign-in__actions">
          <button type="button" className="link-button" onClick={onClose}>
            {t('session.cancel')}
          </button>
          <button type="submit" className="primary-button" disabled={signIn.isPending || locked}>
            {signIn.isPending ? t('session.signingIn') : t('session.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
