// Account administration (admin): every account with its roles and zones; create one, edit it, disable or enable
// it, reset its password. The server checks the admin role on every request; this panel is only shown to admins.
import { useId, useState } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { useUpdateUser } from '../api/change-users.ts'
import type { UserAccount } from '../api/get-users.ts'
import { useUsers } from '../api/get-users.ts'
import { PasswordResetForm } from './password-reset-form.tsx'
import type { RoleChoice, ZoneChoice } from './user-form.tsx'
import { UserForm, describeAccountError } from './user-form.tsx'

export interface UserManagementPanelProps {
  currentUserId: string | undefined
  roles: readonly RoleChoice[]
  zones: readonly ZoneChoice[]
}

export function UserManagementPanel({ currentUserId, roles, zones }: UserManagementPanelProps) {
  const { t, formatNumber } = useI18n()
  const users = useUsers()
  const headingId = useId()
  const [creating, setCreating] = useState(false)
  const [notice, setNotice] = useState<string>()

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <div className="panel-section__header">
        <h2 id={headingId} className="panel-title">
          {t('users.title')}
        </h2>
        {!creating && (
          <button type="button" className="primary-button" onClick={() => setCreating(true)}>
            {t('users.new')}
          </button>
        )}
      </div>
      {notice !== undefined && (
        <p className="panel-notice" role="status">
          {notice}
        </p>
      )}
      {creating && (
        <UserForm
          currentUserId={currentUserId}
          roles={roles}
          zones={zones}
          onDone={() => setCreating(false)}
        />
      )}
      <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()} />
      {users.data && (
        <>
          <p className="panel-count">{t('users.count', { count: formatNumber(users.data.length) })}</p>
          <ul className="user-list">
            {users.data.map((user) => (
              <UserItem
                key={user.id}
                user={user}
                isSelf={user.id === currentUserId}
                roles={roles}
                zones={zones}
                onNotice={setNotice}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

interface UserItemProps {
  user: UserAccount
  isSelf: boolean
  roles: readonly RoleChoice[]
  zones: readonly ZoneChoice[]
  onNotice: (text: string) => void
}

function UserItem({ user, isSelf, roles, zones, onNotice }: UserItemProps) {
  const i18n = useI18n()
  const { t, locale, formatDate } = i18n
  const update = useUpdateUser()
  const [open, setOpen] = useState<'edit' | 'password' | undefined>()
  const nameId = useId()

  const roleName = (role: string) => {
    const info = roles.find((r) => r.role === role)
    return (info && pickName(locale, info)) ?? role
  }
  const zoneName = (zoneId: string) => {
    const zone = zones.find((z) => z.id === zoneId)
    return zone ? `${zoneId} ${pickName(locale, zone) ?? ''}`.trim() : zoneId
  }
  const toggleDisabled = () =>
    update.mutate(
      { id: user.id, patch: { disabled: !user.disabled } },
      { onSuccess: (changed) => onNotice(t(changed.disabled ? 'users.disabledNotice' : 'users.enabledNotice', { name: changed.username })) },
    )

  return (
    <li className={`user-item${user.disabled ? ' user-item--disabled' : ''}`} aria-labelledby={nameId}>
      <div className="user-item__head">
        <strong id={nameId}>{user.display_name}</strong>
        <code className="user-item__username">{user.username}</code>
        {isSelf && <span className="badge">{t('users.you')}</span>}
        {user.demo && <span className="badge badge--demo">{t('users.demoAccount')}</span>}
        {user.disabled && <span className="badge badge--off">{t('users.disabled')}</span>}
      </div>
      <dl className="user-item__facts">
        <dt>{t('users.roles')}</dt>
        <dd>{user.roles.map(roleName).join('、') || t('value.none')}</dd>
        <dt>{t('users.zones')}</dt>
        <dd>{user.zone_ids.length === 0 ? t('users.allZones') : user.zone_ids.map(zoneName).join('、')}</dd>
        {user.unit_id !== null && (
          <>
            <dt>{t('users.unit')}</dt>
            <dd>{user.unit_id}</dd>
          </>
        )}
        <dt>{t('users.createdAt')}</dt>
        <dd>{formatDate(user.created_at)}</dd>
      </dl>
      <div className="user-item__actions">
        <button type="button" className="small-button" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? undefined : 'edit')}>
          {t('users.edit')}
        </button>
        <button
          type="button"
          className="small-button"
          aria-expanded={open === 'password'}
          onClick={() => setOpen(open === 'password' ? undefined : 'password')}
        >
          {t('users.resetPassword')}
        </button>
        {/* the server refuses to let an administrator disable their own account */}
        {!isSelf && (
          <button type="button" className="small-button small-button--danger" disabled={update.isPending} onClick={toggleDisabled}>
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        )}
      </div>
      {update.error && (
        <p className="form-problem" role="alert">
          {describeAccountError(update.error, i18n, 'update')}
        </p>
      )}
      {open === 'edit' && (
        <UserForm user={user} currentUserId={isSelf ? user.id : undefined} roles={roles} zones={zones} onDone={() => setOpen(undefined)} />
      )}
      {open === 'password' && (
        <PasswordResetForm
          user={user}
          onDone={(changed) => {
            setOpen(undefined)
            if (changed) onNotice(t('users.passwordResetNotice', { name: user.username }))
          }}
        />
      )}
    </li>
  )
}
