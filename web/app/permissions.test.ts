import { describe, expect, test } from 'vitest'
import { listPanelModes, may } from './permissions.ts'

describe('may', () => {
  test('grants a permission to any of its roles', () => {
    expect(may(['crew'], 'changeLampStatus')).toBe(true)
    expect(may(['inspector', 'admin'], 'manageUsers')).toBe(true)
  })

  test('refuses roles that are not listed, and a visitor with no roles', () => {
    expect(may(['leader'], 'changeLampStatus')).toBe(false)
    expect(may(['planner'], 'auditLog')).toBe(false)
    expect(may([], 'crewView')).toBe(false)
  })

  test('reads the server’s own table, so the web offers what the server allows', () => {
    expect(may(['dispatcher'], 'addCasePhotos')).toBe(true)
    expect(may(['inspector'], 'createCase')).toBe(true)
    expect(may(['unit'], 'createCase')).toBe(false)
  })
})

describe('listPanelModes', () => {
  test('offers a visitor only the layer view', () => {
    expect(listPanelModes([])).toEqual(['layers'])
  })

  test('offers each role the views the server lets it use, in tab order', () => {
    expect(listPanelModes(['crew'])).toEqual(['layers', 'crew', 'briefings'])
    expect(listPanelModes(['planner'])).toEqual(['layers', 'planner', 'planning', 'briefings'])
    expect(listPanelModes(['leader'])).toEqual(['layers', 'overview', 'cases', 'crew', 'planner', 'planning', 'briefings', 'audit'])
    expect(listPanelModes(['admin'])).toEqual(['layers', 'overview', 'cases', 'crew', 'planner', 'planning', 'briefings', 'audit', 'users', 'data'])
    expect(listPanelModes(['dispatcher'])).toEqual(['layers', 'overview', 'cases', 'briefings'])
    expect(listPanelModes(['inspector'])).toEqual(['layers', 'overview', 'cases', 'briefings'])
    expect(listPanelModes(['unit'])).toEqual(['layers', 'cases', 'briefings'])
  })
})
