import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { onError } from './problem.ts'
import { describeValidation, stripControlCharacters, validate } from './validate.ts'

function createEchoApp() {
  const schema = z.strictObject({ text: z.string().min(1), list: z.array(z.string()).optional() })
  const check = validate('json', schema)
  const app = new Hono().post('/echo', check, (c) => c.json(c.req.valid('json')))
  app.onError(onError)
  return { app, check, schema }
}

const post = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })

describe('stripControlCharacters', () => {
  test('removes C0 controls and DEL but keeps tab, line feed and carriage return', () => {
    expect(stripControlCharacters('a\u0000b\u0007c\u001bd\u007fe\tf\ng\rh')).toBe('abcde\tf\ng\rh')
  })

  test('cleans nested strings and leaves other values and the input alone', () => {
    const input = { a: ['x\u0000', 1, null, { b: 'y\u0001' }], c: true }
    expect(stripControlCharacters(input)).toEqual({ a: ['x', 1, null, { b: 'y' }], c: true })
    expect(input.a[0]).toBe('x\u0000')
  })
})

describe('validate', () => {
  test('the schema sees the text without control characters', async () => {
    const { app } = createEchoApp()
    const res = await app.request('/echo', post(JSON.stringify({ text: 'lamp\u0000 out\u0008', list: ['\u007fok'] })))
    expect(await res.json()).toEqual({ text: 'lamp out', list: ['ok'] })
  })

  test('a text of nothing but control characters is empty, and refused as such', async () => {
    const { app } = createEchoApp()
    const res = await app.request('/echo', post(JSON.stringify({ text: '\u0000\u0001' })))
    expect(res.status).toBe(400)
  })

  test('malformed JSON is 400 invalid-body, not a bare Hono error', async () => {
    const { app } = createEchoApp()
    const res = await app.request('/echo', post('{"text":'))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(((await res.json()) as { code: string }).code).toBe('invalid-body')
  })

  test('a body nested thousands deep is 400, not a stack overflow', async () => {
    const { app } = createEchoApp()
    const res = await app.request('/echo', post(`{"text":"x","list":${'['.repeat(5000)}${']'.repeat(5000)}}`))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { code: string }).code).toBe('invalid-body')
  })

  test('remembers its target and schema for the route fuzzer', () => {
    const { check, schema } = createEchoApp()
    expect(describeValidation(check)).toEqual({ target: 'json', schema })
    expect(describeValidation(() => undefined)).toBeUndefined()
  })
})
