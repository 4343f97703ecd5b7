import { DetailedError } from 'hono/client'
import { describe, expect, test } from 'vitest'
import { createI18n } from '../../../lib/i18n.ts'
import { MAX_PHOTO_BYTES, checkCasePhoto, describeCaseError } from './describe-case-error.ts'

const zh = createI18n('zh-CN', () => {})
const problem = (status: number, code: string) => new DetailedError(String(status), { statusCode: status, detail: { data: { code } } })

describe('checkCasePhoto', () => {
  test('accepts JPEG, PNG and WebP up to 5 MiB', () => {
    expect(checkCasePhoto({ type: 'image/jpeg', size: MAX_PHOTO_BYTES })).toBeUndefined()
    expect(checkCasePhoto({ type: 'image/png', size: 1 })).toBeUndefined()
    expect(checkCasePhoto({ type: 'image/webp', size: 0 })).toBeUndefined()
  })

  test('refuses other types and anything larger, as the server would (415, 413)', () => {
    expect(checkCasePhoto({ type: 'image/heic', size: 10 })).toBe('unsupported-media-type')
    expect(checkCasePhoto({ type: '', size: 10 })).toBe('unsupported-media-type')
    expect(checkCasePhoto({ type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 })).toBe('too-large')
  })
})

describe('describeCaseError', () => {
  test("says the workflow's refusals in its own words", () => {
    expect(describeCaseError(problem(409, 'conflict'), zh)).toBe('案件已被他人更新，请刷新后再操作')
    expect(describeCaseError(problem(422, 'unknown-unit'), zh)).toBe('请选择有效的责任单位')
    expect(describeCaseError(problem(413, 'too-large'), zh)).toBe('照片超过 5 MB')
  })

  test('falls back to the app-wide message for other codes and for no answer', () => {
    expect(describeCaseError(problem(401, 'unauthenticated'), zh)).toBe(zh.t('error.unauthenticated'))
    expect(describeCaseError(new TypeError('Failed to fetch'), zh)).toBe(zh.t('error.network'))
  })
})
