import { describe, expect, test } from 'vitest'
import { MAX_DESCRIPTION_CHARS, type ReportDraft, findDraftErrors, toNewReport, toSimilarQuery } from './report-draft.ts'

const complete = (): ReportDraft => ({
  category: '0102',
  coordinates: [104.06331234567, 30.6598],
  description: '  路口有一堆垃圾  ',
  phone: '',
  photo: null,
})

describe('findDraftErrors', () => {
  test('finds nothing wrong with a complete draft', () => {
    expect(findDraftErrors(complete())).toEqual({})
  })

  test('names every missing required field of an empty draft', () => {
    expect(findDraftErrors({ category: '', coordinates: null, description: '   ', phone: '', photo: null })).toEqual({
      category: { key: 'category.required' },
      location: { key: 'location.required' },
      description: { key: 'description.required' },
    })
  })

  test('refuses a description over 4000 characters, a malformed phone number and an oversized photo', () => {
    expect(
      findDraftErrors({
        ...complete(),
        description: 'x'.repeat(MAX_DESCRIPTION_CHARS + 1),
        phone: '12',
        photo: { type: 'image/jpeg', size: 6 * 1024 * 1024 },
      }),
    ).toEqual({ description: { key: 'description.invalid' }, phone: { key: 'phone.invalid' }, photo: { key: 'photo.tooLarge' } })
  })

  test('accepts a phone number with a country code, spaces and dashes', () => {
    expect(findDraftErrors({ ...complete(), phone: '+86 138-0000-0000' })).toEqual({})
  })
})

describe('toNewReport', () => {
  test('trims the text, rounds the place to 6 decimals and leaves out an empty phone', () => {
    expect(toNewReport({ ...complete(), coordinates: [104.06331234567, 30.6598] })).toEqual({
      category: '0102',
      lon: 104.063312,
      lat: 30.6598,
      description: '路口有一堆垃圾',
    })
  })

  test('sends the phone and the case the citizen chose as the same problem', () => {
    expect(toNewReport({ ...complete(), coordinates: [104, 30], phone: ' 13800000000 ' }, 'I0012435')).toMatchObject({
      phone: '13800000000',
      repeat_of: 'I0012435',
    })
  })
})

describe('toSimilarQuery', () => {
  test('asks about the same rounded place the report will name', () => {
    expect(toSimilarQuery('0118', [104.06331234567, 30.6598])).toEqual({ category: '0118', lon: '104.063312', lat: '30.6598' })
  })
})
