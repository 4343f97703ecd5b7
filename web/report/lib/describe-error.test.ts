import { DetailedError } from 'hono/client'
import { describe, expect, test } from 'vitest'
import { createReportI18n } from '../i18n.ts'
import { describeReportError } from './describe-error.ts'

const zh = createReportI18n('zh-CN', () => {})
const en = createReportI18n('en', () => {})

// what hono's parseResponse throws for a problem+json answer
const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new DetailedError(`${status}`, { statusCode: status, detail: { data: { type: 'x', title: 'x', status, detail: 'x', code, ...extra } } })

describe('describeReportError', () => {
  test('says how long to wait when too many reports were sent', () => {
    // lib/api.ts copies the Retry-After header into the problem body
    expect(describeReportError(problem(429, 'rate-limited', { retry_after_seconds: 270 }), zh)).toBe('提交过于频繁，请 4 分 30 秒后再试。')
    expect(describeReportError(problem(429, 'rate-limited', { retry_after_seconds: 45 }), en)).toBe('Too many submissions; please try again in 45 s.')
    expect(describeReportError(problem(429, 'rate-limited'), en)).toBe('Too many submissions; please try again later.')
  })

  test('explains refused photos and an unknown tracking number', () => {
    expect(describeReportError(problem(413, 'too-large'), zh)).toBe('照片太大，最大 5 MB。')
    expect(describeReportError(problem(415, 'unsupported-media-type'), en)).toBe('Only JPEG, PNG or WebP images can be uploaded.')
    expect(describeReportError(problem(404, 'not-found'), zh)).toBe('没有找到这个查询编号，请核对后重试。')
  })

  test('names the status when the code is unknown or the body is not a problem', () => {
    expect(describeReportError(problem(418, 'teapot'), en)).toBe('The request failed (418)')
    expect(describeReportError(new DetailedError('502', { statusCode: 502, detail: { data: '<html>' } }), zh)).toBe('请求失败（502）')
  })

  test('reports a request that got no answer as a connection failure', () => {
    expect(describeReportError(new TypeError('Failed to fetch'), zh)).toBe('无法连接服务器，请检查网络后重试。')
  })
})
