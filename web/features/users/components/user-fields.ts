// Checks an account form before it is sent, with the server's own rules (server/routes/users.ts), so the user
// learns what is wrong next to the field instead of from a refused request.
import { ROLES } from '../../../../server/kernel/permissions.ts'
import { ZONE_ID_PATTERN } from '../../../../server/kernel/record-ids.ts'
import type { MessageKey } from '../../../lib/i18n.ts'
import type { NewUserBody } from '../api/change-users.ts'

export type Role = NewUserBody['roles'][number]

// the kernel's roles, which the server validates against
export const ROLE_IDS: readonly Role[] = ROLES

export function isRole(value: string): value is Role {
  return ROLE_IDS.some((role) => role === value)
}

// server/auth/passwords.ts MIN_PASSWORD_LENGTH
export const MIN_PASSWORD_LENGTH = 10
// the documented demo password is refused for real accounts
const DEMO_PASSWORD = 'gridwatch-demo'
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,63}$/i

export interface FieldProblem {
  field: 'username' | 'display_name' | 'password' | 'password_repeat' | 'roles' | 'zone_ids'
  message: MessageKey
}

export interface AccountDraft {
  username?: string // only when creating
  display_name?: string
  password?: string // when creating or resetting
  password_repeat?: string
  roles?: readonly string[]
  zone_ids?: readonly string[]
}

/** Every rule the draft breaks; empty when the server will accept it. Only the fields present are checked. */
export function checkAccountDraft(draft: AccountDraft): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (draft.username !== undefined && !USERNAME_PATTERN.test(draft.username.trim())) {
    problems.push({ field: 'username', message: 'users.invalidUsername' })
  }
  if (draft.display_name !== undefined && draft.display_name.trim() === '') {
    problems.push({ field: 'display_name', message: 'users.missingDisplayName' })
  }
  if (draft.password !== undefined) {
    if (draft.password.length < MIN_PASSWORD_LENGTH) problems.push({ field: 'password', message: 'users.passwordTooShort' })
    else if (draft.password === DEMO_PASSWORD) problems.push({ field: 'password', message: 'users.passwordIsDemo' })
    else if (draft.password_repeat !== undefined && draft.password_repeat !== draft.password) {
      problems.push({ field: 'password_repeat', message: 'users.passwordMismatch' })
    }
  }
  if (draft.roles !== undefined && draft.roles.length === 0) problems.push({ field: 'roles', message: 'users.noRole' })
  if (draft.zone_ids?.some((id) => !ZONE_ID_PATTERN.test(id))) problems.push({ field: 'zone_ids', message: 'users.invalidZone' })
  return problems
}
