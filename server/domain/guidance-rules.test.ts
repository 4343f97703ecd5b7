import { describe, expect, test } from 'vitest'
import { GUIDANCE_VIOLATION_CODES } from '../analysis/guidance-check.ts'
import { breaksClearance, breaksProximity } from '../analysis/guidance-geometry.ts'
import { DEFAULT_GUIDANCE_RULES, formatGuidanceViolationText, GUIDANCE_VIOLATION_TEXT, resolveGuidanceRules } from './guidance-rules.ts'

describe('guidance rules table', () => {
  test('lists the five codes in a stable order', () => {
    expect(GUIDANCE_VIOLATION_CODES).toEqual(['on-demonstration-street', 'near-arterial-intersection', 'too-close-to-guidance-point', 'not-beside-allowed-street', 'no-capacity'])
  })

  test('has zh-CN and en text for every code', () => {
    for (const code of GUIDANCE_VIOLATION_CODES) {
      expect(GUIDANCE_VIOLATION_TEXT[code].zh).toMatch(/\p{Script=Han}/u)
      // Chinese text takes Chinese punctuation: full-width commas and brackets, never ASCII ones
      expect(GUIDANCE_VIOLATION_TEXT[code].zh).not.toMatch(/[,()]/)
      expect(GUIDANCE_VIOLATION_TEXT[code].en).toMatch(/^[\x20-\x7e]+$/)
    }
  })

  test('defaults to 50 / 30 / 20 / 15 m and the arterial classes with their links', () => {
    expect(DEFAULT_GUIDANCE_RULES).toEqual({
      demonstrationClearanceM: 50,
      arterialIntersectionClearanceM: 30,
      arterialHighways: ['trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link'],
      minSpacingM: 20,
      besideStreetM: 15,
      allowedStreetCategories: ['regulated', 'commercial'],
    })
  })
})

describe('resolveGuidanceRules', () => {
  test('applies overrides and keeps defaults for missing or undefined fields', () => {
    const rules = resolveGuidanceRules({ minSpacingM: 40, besideStreetM: undefined, allowedStreetCategories: ['commercial'] })
    expect(rules.minSpacingM).toBe(40)
    expect(rules.besideStreetM).toBe(15)
    expect(rules.allowedStreetCategories).toEqual(['commercial'])
    expect(resolveGuidanceRules()).toEqual(DEFAULT_GUIDANCE_RULES)
  })

  test('rejects a negative or non-finite distance', () => {
    expect(() => resolveGuidanceRules({ demonstrationClearanceM: -1 })).toThrow(RangeError)
    expect(() => resolveGuidanceRules({ minSpacingM: Number.NaN })).toThrow(/minSpacingM/)
  })

  test('does not mutate its input or share arrays with it', () => {
    const overrides = Object.freeze({ arterialHighways: Object.freeze(['primary']) })
    const rules = resolveGuidanceRules(overrides)
    expect(rules.arterialHighways).not.toBe(overrides.arterialHighways)
    expect(DEFAULT_GUIDANCE_RULES.arterialHighways).toHaveLength(6)
  })
})

describe('distance comparison', () => {
  test('compares the distance rounded to 0.1 m, the limit itself passing', () => {
    expect(breaksClearance(49.94, 50)).toBe(true)
    expect(breaksClearance(49.96, 50)).toBe(false) // reported as 50.0 m
    expect(breaksClearance(50, 50)).toBe(false)
    expect(breaksProximity(15.04, 15)).toBe(false)
    expect(breaksProximity(15.06, 15)).toBe(true)
  })
})

describe('formatGuidanceViolationText', () => {
  test('fills distance with one decimal, the limit and the name', () => {
    const text = formatGuidanceViolationText('on-demonstration-street', { distanceM: 48.04, limitM: 50, name: '春熙路' })
    expect(text.zh).toBe('距示范街「春熙路」仅 48.0 米，示范街禁止摆卖，疏导点应距其至少 50 米')
    expect(text.en).toBe('Is 48.0 m from the demonstration street 春熙路, where vending is banned; a guidance point must be at least 50 m away')
  })

  test('names the allowed categories and the nearest street only when there is one', () => {
    const near = formatGuidanceViolationText('not-beside-allowed-street', { distanceM: 42.3, limitM: 15, name: '红星路', categories: ['regulated', 'commercial'] })
    expect(near.zh).toBe('15 米内没有规范街或商业街（最近的「红星路」在 42.3 米外），也未标为场外区域（广场、停车场）')
    expect(near.en).toBe('No regulated street or commercial street within 15 m (the nearest, 红星路, is 42.3 m away), and not marked as an off-street area (plaza, parking lot)')
    const none = formatGuidanceViolationText('not-beside-allowed-street', { limitM: 15, categories: ['commercial'] })
    expect(none.zh).toBe('15 米内没有商业街，也未标为场外区域（广场、停车场）')
  })

  test('leaves no placeholder in any message', () => {
    for (const code of GUIDANCE_VIOLATION_CODES) {
      const text = formatGuidanceViolationText(code, { distanceM: 1, limitM: 2, name: 'x', categories: ['regulated'], capacity: 0 })
      expect(text.zh).not.toMatch(/[{}]/)
      expect(text.en).not.toMatch(/[{}]/)
    }
  })
})
