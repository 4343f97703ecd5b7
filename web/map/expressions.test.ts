import { describe, expect, test } from 'vitest'
import { matchColor } from './expressions.ts'

describe('matchColor', () => {
  test('builds a match expression with the fallback last', () => {
    expect(matchColor('status', [['ok', '#0f0'], ['broken', '#f00']], '#999')).toEqual([
      'match',
      ['get', 'status'],
      'ok',
      '#0f0',
      'broken',
      '#f00',
      '#999',
    ])
  })

  test('gives every feature the fallback when the table is empty', () => {
    expect(matchColor('status', [], '#999')).toEqual(['to-color', '#999'])
  })
})
