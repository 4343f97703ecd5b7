import { describe, expect, test } from 'vitest'
import { MESSAGE_KEYS, MESSAGE_PARTS, createI18n, pickName } from './i18n.ts'

const noop = () => {}

describe('the dictionary', () => {
  test('defines each key once across the shared and the features’ messages', () => {
    const keys = MESSAGE_PARTS.flatMap((part) => Object.keys(part))
    expect(keys.length).toBeGreaterThan(600)
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('has English for every key', () => {
    const en = createI18n('en', noop)
    for (const key of MESSAGE_KEYS) expect(typeof en.t(key) === 'string' && en.t(key) !== '', key).toBe(true)
  })
})

describe('createI18n', () => {
  test('fills placeholders in both languages', () => {
    expect(createI18n('zh-CN', noop).t('unit.meters', { value: 12 })).toBe('12 米')
    expect(createI18n('en', noop).t('unit.meters', { value: 12 })).toBe('12 m')
  })

  test('leaves a placeholder without a value visible rather than printing "undefined"', () => {
    expect(createI18n('en', noop).t('unit.meters')).toBe('{value} m')
  })

  test('uses the same placeholders in Chinese and English for every message', () => {
    const zh = createI18n('zh-CN', noop)
    const en = createI18n('en', noop)
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of MESSAGE_KEYS) expect(placeholders(en.t(key)), key).toEqual(placeholders(zh.t(key)))
  })

  test('formats lengths in kilometres, shares as percentages and waits in minutes and seconds', () => {
    const zh = createI18n('zh-CN', noop)
    const en = createI18n('en', noop)
    expect(zh.formatKilometers(154_904)).toBe('154.90 公里')
    expect(en.formatKilometers(920_960.4)).toBe('920.96 km')
    expect(en.formatPercent(0.8318)).toBe('83.2%')
    expect(zh.formatDuration(45)).toBe('45 秒')
    expect(zh.formatDuration(270)).toBe('4 分 30 秒')
    expect(en.formatDuration(300)).toBe('5 min')
    expect(en.formatDuration(0.2)).toBe('1 s')
  })

  test('shows times in China Standard Time whatever the offset they were written with', () => {
    const en = createI18n('en', noop)
    expect(en.formatDateTime('2026-06-23T11:11:00Z')).toBe(en.formatDateTime('2026-06-23T19:11:00+08:00'))
    expect(en.formatDateTime('2026-06-23T11:11:00Z')).toContain('19:11')
  })

  test('returns an unparsable timestamp unchanged', () => {
    expect(createI18n('zh-CN', noop).formatDateTime('not a date')).toBe('not a date')
  })

  test('looks up keys built from server data and falls back for unknown ones', () => {
    const zh = createI18n('zh-CN', noop)
    expect(zh.lookup('highway.primary', 'primary')).toBe('主干路')
    expect(zh.lookup('highway.bridleway', 'bridleway')).toBe('bridleway')
  })
})

describe('pickName', () => {
  test('prefers the interface language and falls back to the other name', () => {
    expect(pickName('zh-CN', { name: '春熙路', name_en: 'Chunxi Road' })).toBe('春熙路')
    expect(pickName('en', { name: '春熙路', name_en: 'Chunxi Road' })).toBe('Chunxi Road')
    expect(pickName('en', { name: '春熙路', name_en: null })).toBe('春熙路')
    expect(pickName('zh-CN', { name: null, name_en: null })).toBeNull()
  })
})
