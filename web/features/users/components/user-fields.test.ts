import { describe, expect, test } from 'vitest'
import { checkAccountDraft } from './user-fields.ts'

const valid = {
  username: 'wang.li',
  display_name: '王力',
  password: 'lamp-post-1234',
  password_repeat: 'lamp-post-1234',
  roles: ['crew'],
  zone_ids: ['001'],
}

describe('checkAccountDraft', () => {
  test('accepts what the server accepts', () => {
    expect(checkAccountDraft(valid)).toEqual([])
  })

  test('refuses a short password and the documented demo password', () => {
    expect(checkAccountDraft({ ...valid, password: 'short', password_repeat: 'short' })).toEqual([
      { field: 'password', message: 'users.passwordTooShort' },
    ])
    expect(checkAccountDraft({ password: 'gridwatch-demo' })).toEqual([{ field: 'password', message: 'users.passwordIsDemo' }])
  })

  test('refuses a repeated password that differs', () => {
    expect(checkAccountDraft({ password: 'lamp-post-1234', password_repeat: 'lamp-post-1235' })).toEqual([
      { field: 'password_repeat', message: 'users.passwordMismatch' },
    ])
  })

  test('needs a username the server allows, a display name and at least one role', () => {
    const problems = checkAccountDraft({ ...valid, username: '王', display_name: ' ', roles: [] })
    expect(problems.map((p) => p.field)).toEqual(['username', 'display_name', 'roles'])
  })

  test('refuses zone ids with spaces or other signs, and takes an imported district codes', () => {
    expect(checkAccountDraft({ zone_ids: ['1 2'] })).toEqual([{ field: 'zone_ids', message: 'users.invalidZone' }])
    expect(checkAccountDraft({ zone_ids: ['001', '510104901', 'QX-07'] })).toEqual([])
  })

  test('checks only the fields a form has', () => {
    expect(checkAccountDraft({})).toEqual([])
  })
})
