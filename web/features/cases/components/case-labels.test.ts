import { describe, expect, expectTypeOf, test } from 'vitest'
// the server's own action union, as a type only: web code (tests included) takes runtime values from the kernel alone
import type { CaseAction } from '../../../../server/domain/case-workflow.ts'
import { createI18n } from '../../../lib/i18n.ts'
import { ACTION_LABELS, PHOTO_STAGE_LABELS, PRIORITY_LABELS, describeStage } from './case-labels.ts'

const noop = () => {}
const zh = createI18n('zh-CN', noop)
const en = createI18n('en', noop)

// the events the store writes besides the workflow steps (server/domain/cases.ts CaseEvent)
type EventAction = 'report' | 'merge' | 'escalate' | 'rate' | 'photo' | 'lamp_repair' | 'enforce_stop' | 'enforce_outcome'

describe('ACTION_LABELS', () => {
  test('names every workflow step and timeline event of the server', () => {
    // checked by the type-check: a new server action makes the two unions differ
    expectTypeOf<keyof typeof ACTION_LABELS>().toEqualTypeOf<CaseAction | EventAction>()
    expect(Object.keys(ACTION_LABELS)).toHaveLength(18)
  })

  test('names each one differently, in Chinese and in English', () => {
    for (const i18n of [zh, en]) {
      const labels = Object.values(ACTION_LABELS).map((key) => i18n.t(key))
      expect(new Set(labels).size, i18n.locale).toBe(labels.length)
      for (const label of labels) expect(label.trim()).not.toBe('')
    }
  })

  test('uses the bureau’s words for the loop', () => {
    expect(zh.t(ACTION_LABELS.accept)).toBe('立案')
    expect(zh.t(ACTION_LABELS.dispatch)).toBe('派遣')
    expect(zh.t(ACTION_LABELS.handle)).toBe('处置反馈')
    expect(zh.t(ACTION_LABELS.verify_pass)).toContain('结案')
    expect(zh.t(ACTION_LABELS.verify_fail)).toContain('返工')
    expect(en.t(ACTION_LABELS.return)).toMatch(/^Return/)
  })
})

describe('other case labels', () => {
  test('name every priority and photo stage in both languages', () => {
    for (const key of [...Object.values(PRIORITY_LABELS), ...Object.values(PHOTO_STAGE_LABELS)]) {
      expect(zh.t(key)).not.toBe(en.t(key))
    }
  })

  test('show illegal construction at its own stage and other cases at the generic state', () => {
    // the stage the server names for a dispatched illegal-construction case
    const construction = { state: 'dispatched' as const, construction_stage: { name: '制止', name_en: 'Stopped' } }
    expect(describeStage(construction, zh)).toBe('制止')
    expect(describeStage(construction, en)).toBe('Stopped')
    expect(describeStage({ state: 'closed', construction_stage: null }, zh)).toBe('已结案')
  })
})
