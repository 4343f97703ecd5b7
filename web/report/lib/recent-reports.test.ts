import { describe, expect, test } from 'vitest'
import { addRecentReport, parseRecentReports } from './recent-reports.ts'

describe('parseRecentReports', () => {
  test('reads nothing from empty or broken storage', () => {
    expect(parseRecentReports(null)).toEqual([])
    expect(parseRecentReports('not json')).toEqual([])
    expect(parseRecentReports('{"a":1}')).toEqual([])
  })

  test('keeps only well-formed tracking numbers, once each', () => {
    expect(parseRecentReports('["GW2611265LXNYT", 7, "nonsense", "gw2611265lxnyt", "GW261127ABCDEF"]')).toEqual([
      'GW2611265LXNYT',
      'GW261127ABCDEF',
    ])
  })
})

describe('addRecentReport', () => {
  test('puts the newest first and does not repeat a number', () => {
    expect(addRecentReport(['GW261127ABCDEF', 'GW2611265LXNYT'], 'GW2611265LXNYT')).toEqual(['GW2611265LXNYT', 'GW261127ABCDEF'])
  })

  test('forgets the oldest beyond ten and does not mutate its input', () => {
    const recent = Array.from({ length: 10 }, (_, i) => `GW26112${i}ABCDEF`)
    const copy = [...recent]
    const next = addRecentReport(recent, 'GW261130ZZZZZZ')
    expect(next).toHaveLength(10)
    expect(next[0]).toBe('GW261130ZZZZZZ')
    expect(next).not.toContain('GW261129ABCDEF')
    expect(recent).toEqual(copy)
  })
})
