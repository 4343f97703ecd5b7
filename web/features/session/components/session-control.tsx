// The header's account corner: who is signed in, with their roles, and a sign-out button; or, for a visitor, a
// prominent sign-in button that opens the sign-in dialog over the whole page.
import { useState } from 'react'
import { describeError } from '../../../lib/describe-error.ts'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { useSession, useSignOut } from '../api/session.ts'
import { SignInDialog } from './sign-in-dialog.tsx'

/** A role as the roles table names it; passed in by the app, which owns that query. */
export interface RoleName extends LocalizedName {
  role: string
}

export interface SessionControlProps {
  /** Demo mode: the sign-in dialog offers the demo accounts. */
  demo: boolean
  roles: readonly RoleName[]
}

export function SessionControl({ demo, roles }: SessionControlProps) {
  const i18n = useI18n()
  const { t, locale } = i18n
  const session = useSession()
  const signOut = useSignOut()
  const [open, setOpen] = useState(false)
  // a successful sign-in swaps this corner to the signed-in view, unmounting the dialog before its own onSuccess
  // can close it; close it here, or it would reopen at the next sign-out
  if (session.data && open) setOpen(false)

  if (session.isPending) return null
  if (session.data) {
    const { user } = session.data
    const roleNames = user.roles.map((role) => {
      const info = roles.find((r) => r.role === role)
      return (info && pickName(locale, info)) ?? role
    })
    return (
      <div className="session">
        <span className="session__user">{t('session.signedInAs', { name: user.display_name || user.username })}</span>
        <span className="session__roles">{roleNames.join(' · ')}</span>
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
      <button type="button" className="header-button header-button--primary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('session.signIn')}
      </button>
      {open && <SignInDialog demo={demo} roles={roles} onClose={() => setOpen(false)} />}
    </div>
  )
}
