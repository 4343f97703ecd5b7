import { describe, expect, test } from 'vitest'
import type { NewCaseDraft } from './create-case.ts'
import { defaultSource, mayCreateCase, toIntakeBody } from './create-case.ts'

const draft = (fields: Partial<NewCaseDraft> = {}): NewCaseDraft => ({
  source: 'hotline',
  category: '0104',
  description: '  人民路路面有油污 ',
  phone: ' 13800000000 ',
  point: [104.065, 30.665],
  ...fields,
})

describe('defaultSource', () => {
  test('is the hotline for a dispatcher and the patrol for an inspector', () => {
    expect(defaultSource(['dispatcher'])).toBe('hotline')
    expect(defaultSource(['inspector'])).toBe('patrol')
    expect(defaultSource(['inspector', 'dispatcher'])).toBe('hotline')
  })
})

describe('mayCreateCase', () => {
  test('lets dispatchers and inspectors file cases, nobody else', () => {
    expect(mayCreateCase(['dispatcher'])).toBe(true)
    expect(mayCreateCase(['inspector'])).toBe(true)
    expect(mayCreateCase(['unit', 'leader', 'admin'])).toBe(false)
  })
})

describe('toIntakeBody', () => {
  test('builds the body from a complete draft, trimmed, with the phone of a hotline call', () => {
    expect(toIntakeBody(draft())).toEqual({
      body: { source: 'hotline', category: '0104', description: '人民路路面有油污', lon: 104.065, lat: 30.665, phone: '13800000000' },
    })
  })

  test('leaves the phone out of a patrol find and when it is blank', () => {
    expect(toIntakeBody(draft({ source: 'patrol' }))).toEqual({
      body: { source: 'patrol', category: '0104', description: '人民路路面有油污', lon: 104.065, lat: 30.665 },
    })
    expect(toIntakeBody(draft({ phone: '  ' }))).not.toHaveProperty('body.phone')
  })

  test('names the first missing field', () => {
    expect(toIntakeBody(draft({ category: '' }))).toEqual({ missing: 'category' })
    expect(toIntakeBody(draft({ description: '   ' }))).toEqual({ missing: 'description' })
    expect(toIntakeBody(draft({ point: undefined }))).toEqual({ missing: 'point' })
  })
})
