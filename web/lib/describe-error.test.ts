import { DetailedError } from 'hono/client'
import { describe, expect, test } from 'vitest'
import { describeError } from './describe-error.ts'
import { createI18n } from './i18n.ts'

const zh = createI18n('zh-CN', () => {})
const en = createI18n('en', () => {})

// what hono's parseResponse throws for a problem+json answer
const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new DetailedError(`${status}`, { statusCode: status, detail: { data: { type: 'x', title: 'x', status, detail: 'x', code, ...extra } } })

describe('describeError', () => {
  test('maps a problem code to Chinese and English text', () => {
    expect(describeError(problem(413, 'too-large'), zh)).toBe('数据量过大，请缩小范围')
    expect(describeError(problem(401, 'unauthenticated'), en)).toBe('Sign in to see this layer')
  })

  test('says how long to wait when a rate limit refused the request', () => {
    // lib/api.ts copies the Retry-After header into the problem body
    expect(describeError(problem(429, 'rate-limited', { retry_after_seconds: 270 }), zh)).toBe('尝试次数过多，请 4 分 30 秒后再试')
    expect(describeError(problem(429, 'rate-limited', { retry_after_seconds: 45 }), en)).toBe('Too many attempts; try again in 45 s')
  })

  test('falls back to the plain rate-limit message without a wait', () => {
    expect(describeError(problem(429, 'rate-limited'), en)).toBe('Too many attempts; try again later')
  })

  test('names the status when the code is unknown', () => {
    expect(describeError(problem(418, 'teapot'), en)).toBe('Loading failed (418)')
  })

  test('names the status when the body is not a problem', () => {
    const error = new DetailedError('502', { statusCode: 502, detail: { data: '<html>bad gateway</html>' } })
    expect(describeError(error, zh)).toBe('加载失败（502）')
  })

  test('reports a request that got no answer as a connection failure', () => {
    expect(describeError(new TypeError('Failed to fetch'), zh)).toBe('无法连接服务器')
  })

  test('passes any other error message through', () => {
    expect(describeError(new Error('boom'), en)).toBe('boom')
  })
})
