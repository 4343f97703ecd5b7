import { describe, expect, test } from 'vitest'
import { normalizeTrackingNumber } from './tracking-number.ts'

describe('normalizeTrackingNumber', () => {
  test('accepts a number as issued', () => {
    expect(normalizeTrackingNumber('GW2611265LXNYT')).toBe('GW2611265LXNYT')
  })

  test('forgives lower case, spaces and dashes typed on a phone', () => {
    expect(normalizeTrackingNumber(' gw261126-5lx nyt ')).toBe('GW2611265LXNYT')
  })

  test('rejects empty input, a short number and characters the alphabet leaves out', () => {
    expect(normalizeTrackingNumber('')).toBeUndefined()
    expect(normalizeTrackingNumber('GW26112')).toBeUndefined()
    expect(normalizeTrackingNumber('GW2611265LXNY0')).toBeUndefined()
    expect(normalizeTrackingNumber('XX2611265LXNYT')).toBeUndefined()
  })
})
