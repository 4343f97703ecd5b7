import { describe, expect, test } from 'vitest'
import { createDateTimeFormat, fillMessage, formatDuration, formatIso } from './locale.ts'

describe('shared locale machinery', () => {
  test('fills placeholders and leaves unknown ones as written', () => {
    expect(fillMessage('{a} 与 {b}', { a: 1 })).toBe('1 与 {b}')
  })

  test('shows times in China Standard Time whatever the device zone, and passes unparsable text through', () => {
    const format = createDateTimeFormat('en')
    expect(formatIso(format, '2026-10-31T16:30:00Z')).toContain('00:30')
    expect(formatIso(format, 'not a date')).toBe('not a date')
  })

  test('words a wait in seconds, minutes, or both', () => {
    const t = (key: string, params: Record<string, number>) => `${key}:${JSON.stringify(params)}`
    expect(formatDuration(44.2, t)).toBe('unit.seconds:{"value":45}')
    expect(formatDuration(300, t)).toBe('unit.minutes:{"value":5}')
    expect(formatDuration(270, t)).toBe('unit.minutesSeconds:{"minutes":4,"seconds":30}')
  })
})
