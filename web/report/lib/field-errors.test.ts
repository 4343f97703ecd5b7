import { describe, expect, test } from 'vitest'
import { readFieldErrors } from './field-errors.ts'

describe('readFieldErrors', () => {
  test('returns no errors for an empty list', () => {
    expect(readFieldErrors([])).toEqual({ fields: {}, other: [] })
  })

  test('puts each server path next to its form field, in our own words', () => {
    const { fields, other } = readFieldErrors([
      { path: 'description', message: 'describe the problem' },
      { path: 'phone', message: 'a phone number has 5–20 digits' },
      { path: 'lat', message: 'Too big' },
    ])
    expect(fields).toEqual({
      description: { key: 'description.invalid' },
      phone: { key: 'phone.invalid' },
      location: { key: 'location.required' },
    })
    expect(other).toEqual([])
  })

  test('reports one error per field when lon and lat both fail', () => {
    const { fields } = readFieldErrors([
      { path: 'lon', message: 'a' },
      { path: 'lat', message: 'b' },
    ])
    expect(Object.keys(fields)).toEqual(['location'])
  })

  test('keeps the server message for a path the form has no field for', () => {
    expect(readFieldErrors([{ path: 'repeat_of', message: 'Too long' }]).other).toEqual(['Too long'])
  })
})
