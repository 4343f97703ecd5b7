import type { QueryKey } from '@tanstack/react-query'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { AFFECTS, PATCHES, invalidateAffected } from './affects.ts'

// Every query the two pages really make: each feature's (and the report page's) *QueryOptions builders, called with
// placeholder parameters: only the keys' leading parts matter here. Loaded by file pattern, so a new feature counts
// without being listed.
const apiModules = import.meta.glob<Record<string, unknown>>(['../features/*/api/*.ts', '../report/api/*.ts', '!**/*.test.ts'], { eager: true })

function collectQueryKeys(): QueryKey[] {
  const keys: QueryKey[] = []
  for (const module of Object.values(apiModules)) {
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('QueryOptions') || typeof value !== 'function') continue
      const options: unknown = value({}, {})
      if (typeof options === 'object' && options !== null && 'queryKey' in options && Array.isArray(options.queryKey)) keys.push(options.queryKey)
    }
  }
  return keys
}

const definedKeys = collectQueryKeys()
const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, i) => JSON.stringify(key[i]) === JSON.stringify(part))

describe('the affects map', () => {
  test('finds the queries the app defines', () => {
    expect(definedKeys.length).toBeGreaterThan(30)
  })

  test.each(Object.entries(AFFECTS))('names only prefixes of real queries for a %s write', (_write, prefixes) => {
    for (const prefix of prefixes) expect(definedKeys.some((key) => startsWith(key, prefix)), JSON.stringify(prefix)).toBe(true)
  })

  test.each(Object.entries(PATCHES))('patches only real queries for a %s write', (_write, targets) => {
    for (const prefix of Object.values(targets)) expect(definedKeys.some((key) => startsWith(key, prefix)), JSON.stringify(prefix)).toBe(true)
  })

  test('refreshes the unit league table and the case tiles after a case step', () => {
    expect(AFFECTS.caseTransition).toContainEqual(['unit-league'])
    expect(AFFECTS.caseTransition).toContainEqual(['cases-overview'])
  })

  test('never refetches the district’s dark zones for one lamp, and asks only for the lamp tiles in view again', () => {
    expect(AFFECTS.lampStatus).not.toContainEqual(['lamps'])
    expect(AFFECTS.lampStatus).toContainEqual(['lamps', 'tiles'])
    expect(AFFECTS.lampStatus).not.toContainEqual(['dark-zones'])
  })

  test('refreshes the incident and lamp tiles after every write that changes incidents', () => {
    for (const write of ['caseCreate', 'caseTransition', 'caseMerge', 'lampRepairClosedCases'] as const) {
      expect(AFFECTS[write], write).toContainEqual(['incidents'])
      // an open outage report leaves an 'ok' lamp unlit
      expect(AFFECTS[write], write).toContainEqual(['lamps'])
    }
  })

  test('a prefix that no query has would fail the check', () => {
    expect(definedKeys.some((key) => startsWith(key, ['kpis']))).toBe(false)
  })
})

describe('invalidateAffected', () => {
  test('an import makes every query stale', async () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(['lamps', 'tiles'], 1)
    queryClient.setQueryData(['meta'], {})
    await invalidateAffected(queryClient, 'districtImport')
    expect(queryClient.getQueryState(['lamps', 'tiles'])?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(['meta'])?.isInvalidated).toBe(true)
  })

  test('marks the queries under each prefix of the write and leaves the rest', async () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(['measures'], [])
    queryClient.setQueryData(['audit', {}], { pages: [], pageParams: [] })
    queryClient.setQueryData(['users'], [])
    await invalidateAffected(queryClient, 'measureChange')
    expect(queryClient.getQueryState(['measures'])?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(['audit', {}])?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(['users'])?.isInvalidated).toBe(false)
  })
})
