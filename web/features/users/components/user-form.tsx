// Create an account, or edit one's name, roles, zones and unit: role checkboxes say what each role may do,
// zone checkboxes scope a crew (none ticked means every zone).
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { readRequestFailure } from '../../../lib/api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { I18n, LocalizedName } from '../../../lib/i18n.ts'
import { useCreateUser, useUpdateUser } from '../api/change-users.ts'
import type { UserAccount } from '../api/get-users.ts'
import type { FieldProblem } from './user-fields.ts'
import { MIN_PASSWORD_LENGTH, checkAccountDraft, isRole } from './user-fields.ts'

export interface RoleChoice extends LocalizedName {
  role: string
  may: string
  may_en: string
}

export interface ZoneChoice extends LocalizedName {
  id: string
}

export interface UserFormProps {
  /** The account to edit; none to create one. */
  user?: UserAccount
  /** The signed-in administrator: they may not take their own admin role away. */
  currentUserId: string | undefined
  roles: readonly RoleChoice[]
  zones: readonly ZoneChoice[]
  onDone: () => void
}

/** A refused account write in words: a taken username and the self-protection rule get their own message. */
export function describeAccountError(error: unknown, i18n: I18n, action: 'create' | 'update'): string {
  const { code } = readRequestFailure(error)
  if (code === 'conflict') return i18n.t(action === 'create' ? 'users.usernameTaken' : 'users.selfProtected')
  return describeError(error, i18n)
}

const readAll = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string')
const readText = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

export function UserForm({ user, currentUserId, roles, zones, onDone }: UserFormProps) {
  const i18n = useI18n()
  const { t, locale } = i18n
  const id = useId()
  const creating = user === undefined
  const create = useCreateUser()
  const update = useUpdateUser()
  const mutation = creating ? create : update
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const isSelf = user !== undefined && user.id === currentUserId

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const unit = readText(form, 'unit_id').trim()
    const common = {
      display_name: readText(form, 'display_name').trim(),
      roles: readAll(form, 'roles'),
      zone_ids: readAll(form, 'zone_ids'),
    }
    if (creating) {
      const draft = {
        ...common,
        username: readText(form, 'username').trim(),
        password: readText(form, 'password'),
        password_repeat: readText(form, 'password_repeat'),
      }
      const found = checkAccountDraft(draft)
      setProblems(found)
      if (found.length > 0) return
      const { password_repeat: _repeat, ...body } = draft
      create.mutate({ ...body, roles: roleIds(body.roles), unit_id: unit === '' ? undefined : unit }, { onSuccess: onDone })
    } else {
      const found = checkAccountDraft(common)
      setProblems(found)
      if (found.length > 0) return
      update.mutate(
        { id: user.id, patch: { ...common, roles: roleIds(common.roles), unit_id: unit === '' ? null : unit } },
        { onSuccess: onDone },
      )
    }
  }

  // only the server's roles are sent; a box for a role this build does not know is dropped
  const roleIds = (values: readonly string[]) => values.filter(isRole)
  const userRoles: readonly string[] = user?.roles ?? []

  const problemFor = (field: FieldProblem['field']) => {
    const problem = problems.find((p) => p.field === field)
    return (
      problem && (
        <p className="form-problem" role="alert">
          {t(problem.message, { min: MIN_PASSWORD_LENGTH })}
        </p>
      )
    )
  }

  return (
    <form className="user-form" aria-label={creating ? t('users.createTitle') : t('users.editTitle', { name: user.username })} onSubmit={submit} noValidate>
      {creating && (
        <div className="form-field">
          <label htmlFor={`${id}-username`}>{t('users.username')}</label>
          <input id={`${id}-username`} name="username" autoComplete="off" required />
          <p className="form-hint">{t('users.usernameHint')}</p>
          {problemFor('username')}
        </div>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-display`}>{t('users.displayName')}</label>
        <input id={`${id}-display`} name="display_name" defaultValue={user?.display_name ?? ''} required />
        {problemFor('display_name')}
      </div>
      {creating && (
        <>
          <div className="form-field">
            <label htmlFor={`${id}-password`}>{t('users.password')}</label>
            <input id={`${id}-password`} name="password" type="password" autoComplete="new-password" required />
            <p className="form-hint">{t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}</p>
            {problemFor('password')}
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-repeat`}>{t('users.passwordRepeat')}</label>
            <input id={`${id}-repeat`} name="password_repeat" type="password" autoComplete="new-password" required />
            {problemFor('password_repeat')}
          </div>
        </>
      )}
      <fieldset className="form-choices">
        <legend>{t('users.roles')}</legend>
        {roles.map((role) => {
          // an administrator editing themselves keeps the admin role: the server refuses to drop it
          const locked = isSelf && role.role === 'admin'
          return (
            <label key={role.role} className="form-choice">
              <input
                type="checkbox"
                name="roles"
                value={role.role}
                defaultChecked={userRoles.includes(role.role)}
                disabled={locked}
              />
              {locked && <input type="hidden" name="roles" value={role.role} />}
              <span>
                <strong>{pickName(locale, role) ?? role.role}</strong>
                <span className="form-choice__note">{locale === 'en' ? role.may_en : role.may}</span>
              </span>
            </label>
          )
        })}
        {problemFor('roles')}
      </fieldset>
      <fieldset className="form-choices form-choices--grid">
        <legend>{t('users.zones')}</legend>
        <p className="form-hint">{t('users.zonesHint')}</p>
        {zones.map((zone) => (
          <label key={zone.id} className="form-choice">
            <input type="checkbox" name="zone_ids" value={zone.id} defaultChecked={user?.zone_ids.includes(zone.id) ?? false} />
            <span>
              {zone.id} {pickName(locale, zone)}
            </span>
          </label>
        ))}
        {problemFor('zone_ids')}
      </fieldset>
      <div className="form-field">
        <label htmlFor={`${id}-unit`}>{t('users.unit')}</label>
        <input id={`${id}-unit`} name="unit_id" defaultValue={user?.unit_id ?? ''} />
        <p className="form-hint">{t('users.unitHint')}</p>
      </div>
      {mutation.error && (
        <p className="form-problem" role="alert">
          {describeAccountError(mutation.error, i18n, creating ? 'create' : 'update')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="link-button" onClick={onDone}>
          {t('session.cancel')}
        </button>
        <button type="submit" className="primary-button" disabled={mutation.isPending}>
          {creating ? t('users.create') : t('users.save')}
        </button>
      </div>
    </form>
  )
}
