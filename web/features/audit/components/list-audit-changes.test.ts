import { describe, expect, test } from 'vitest'
import { listAuditChanges } from './list-audit-changes.ts'

describe('listAuditChanges', () => {
  test('lists only the fields whose value changed', () => {
    const before = { id: 'u1', username: 'crew', roles: ['crew'], disabled: false, zoneIds: [] }
    const after = { id: 'u1', username: 'crew', roles: ['crew', 'inspector'], disabled: true, zoneIds: [] }
    expect(listAuditChanges(before, after)).toEqual([
      { field: 'roles', before: ['crew'], after: ['crew', 'inspector'] },
      { field: 'disabled', before: false, after: true },
    ])
  })

  test('lists the fields of a created record, without its id, creation time or empty fields', () => {
    const after = { id: 'u2', username: 'wang', displayName: '王力', roles: ['crew'], zoneIds: [], unitId: null, createdAt: '2026-11-26T00:00:00Z' }
    expect(listAuditChanges(null, after).map((c) => c.field)).toEqual(['username', 'displayName', 'roles'])
  })

  test('shows a flag that only the after record carries', () => {
    expect(listAuditChanges({ displayName: 'A' }, { displayName: 'A', passwordChanged: true })).toEqual([
      { field: 'passwordChanged', before: undefined, after: true },
    ])
  })

  test('leaves out an empty list that only the after record carries', () => {
    const before = { status: 'defective_lamp' }
    const after = { status: 'ok', closedIncidentIds: [] }
    expect(listAuditChanges(before, after)).toEqual([{ field: 'status', before: 'defective_lamp', after: 'ok' }])
  })

  test('returns nothing when neither side is a record', () => {
    expect(listAuditChanges(null, null)).toEqual([])
    expect(listAuditChanges('x', 3)).toEqual([])
  })

  test('does not mutate its input', () => {
    const before = { roles: ['crew'] }
    const after = { roles: ['admin'] }
    listAuditChanges(before, after)
    expect(before).toEqual({ roles: ['crew'] })
    expect(after).toEqual({ roles: ['admin'] })
  })
})
