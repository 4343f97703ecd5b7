import { describe, expect, test } from 'vitest'
import type { GuidancePoint } from '../api/get-guidance-points.ts'
import { createEmptyFormValues, listChangedFields, parseCapacity, readGuidanceForm, toFormValues } from './guidance-form.ts'

const filled = { name: ' 春熙路夜市 ', capacity: '12', opening_hours: '18:00-22:00', allowed_goods: '水果、小吃', unit: '锦江区城管一中队', off_street: true }

const point: GuidancePoint = {
  type: 'Feature',
  id: 'G1',
  geometry: { type: 'Point', coordinates: [104.05, 30.663] },
  properties: {
    name: '春熙路夜市',
    capacity: 12,
    opening_hours: '18:00-22:00',
    allowed_goods: '水果、小吃',
    unit: '锦江区城管一中队',
    off_street: true,
    status: 'proposed',
    created_at: '2026-11-26T00:00:00Z',
    created_by: 'planner',
    updated_at: '2026-11-26T00:00:00Z',
    version: 3,
    violations: [],
  },
}

describe('readGuidanceForm', () => {
  test('trims the text and reads the capacity as a whole number', () => {
    expect(readGuidanceForm(filled)).toEqual({
      fields: { name: '春熙路夜市', capacity: 12, opening_hours: '18:00-22:00', allowed_goods: '水果、小吃', unit: '锦江区城管一中队', off_street: true },
      problems: [],
    })
  })

  test('names every missing or oversized field', () => {
    const { fields, problems } = readGuidanceForm({ ...createEmptyFormValues(), allowed_goods: '货'.repeat(201) })
    expect(fields).toBeUndefined()
    expect(problems).toEqual([
      { field: 'name', kind: 'required' },
      { field: 'capacity', kind: 'capacity', max: 1000 },
      { field: 'allowed_goods', kind: 'too-long', max: 200 },
      { field: 'unit', kind: 'required' },
    ])
  })

  test('lets optional text stay empty', () => {
    expect(readGuidanceForm({ ...filled, opening_hours: ' ', allowed_goods: '' }).fields).toMatchObject({ opening_hours: '', allowed_goods: '' })
  })
})

describe('parseCapacity', () => {
  test('accepts whole numbers from 0 to 1000 only', () => {
    expect(parseCapacity(' 0 ')).toBe(0)
    expect(parseCapacity('1000')).toBe(1000)
    for (const text of ['', '1001', '2.5', '-1', '十', '1e2']) expect(parseCapacity(text), text).toBeUndefined()
  })
})

describe('listChangedFields', () => {
  test('sends only what the planner changed', () => {
    const { fields } = readGuidanceForm({ ...toFormValues(point), capacity: '20', off_street: false })
    if (!fields) throw new Error('the form should be valid')
    expect(listChangedFields(point, fields)).toEqual({ capacity: 20, off_street: false })
  })

  test('sends nothing for an untouched form', () => {
    const { fields } = readGuidanceForm(toFormValues(point))
    if (!fields) throw new Error('the form should be valid')
    expect(listChangedFields(point, fields)).toEqual({})
  })
})
