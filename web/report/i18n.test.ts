import { describe, expect, test } from 'vitest'
import { MESSAGE_KEYS, createReportI18n } from './i18n.ts'

const noop = () => {}

describe('createReportI18n', () => {
  test('uses the same placeholders in Chinese and English for every message', () => {
    const zh = createReportI18n('zh-CN', noop)
    const en = createReportI18n('en', noop)
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of MESSAGE_KEYS) expect(placeholders(en.t(key)), key).toEqual(placeholders(zh.t(key)))
  })

  test('names every case state in plain words', () => {
    const zh = createReportI18n('zh-CN', noop)
    const states = ['reported', 'accepted', 'dispatched', 'in_handling', 'handled', 'closed', 'rejected', 'merged']
    expect(states.map((s) => zh.lookup(`state.${s}`, '?'))).toEqual(['已上报', '已立案', '已派遣', '处置中', '已处置待核查', '已结案', '不予立案', '已合并'])
  })

  test('shows times in China Standard Time whatever the offset they were written with', () => {
    const en = createReportI18n('en', noop)
    expect(en.formatDateTime('2026-06-23T11:11:00Z')).toBe(en.formatDateTime('2026-06-23T19:11:00+08:00'))
    expect(en.formatDateTime('2026-06-23T11:11:00Z')).toContain('19:11')
  })

  test('falls back to the other language for a category without a name in this one', () => {
    expect(createReportI18n('en', noop).categoryName({ name: '暴露垃圾', name_en: '' })).toBe('暴露垃圾')
    expect(createReportI18n('zh-CN', noop).categoryName({ name: '暴露垃圾', name_en: 'Exposed garbage' })).toBe('暴露垃圾')
  })

  test('formats photo sizes and waits', () => {
    const zh = createReportI18n('zh-CN', noop)
    expect(zh.formatFileSize(6.5 * 1024 * 1024)).toBe('6.5 MB')
    expect(zh.formatFileSize(70)).toBe('1 KB')
    expect(zh.formatFileSize(300 * 1024)).toBe('300 KB')
    expect(zh.formatDuration(600)).toBe('10 分钟')
  })
})
