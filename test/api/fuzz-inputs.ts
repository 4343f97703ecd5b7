// Malformed inputs for the route fuzz suite (fuzz.test.ts): values for query strings, JSON fields, path segments,
// If-Match and multipart bodies, a seeded PRNG for the random ones, and the field names of a route's zod schema.
import { z } from 'zod'
import { createPrng } from '../fixtures/dark-zones/synthetic-city.ts'

/** A seeded PRNG (floats in [0, 1)), so a failing run can be repeated with the same seed. */
export const createRandom = createPrng

/** A string of `length` code points drawn from ASCII, controls, CJK, combining marks, surrogates and emoji. */
export function randomText(random: () => number, length: number): string {
  const ranges: [number, number][] = [[0x00, 0x1f], [0x20, 0x7e], [0x7f, 0x9f], [0x300, 0x36f], [0x4e00, 0x9fff], [0xd800, 0xdfff], [0x1f600, 0x1f64f], [0xfeff, 0xfeff]]
  let out = ''
  for (let i = 0; i < length; i++) {
    const [lo, hi] = ranges[Math.floor(random() * ranges.length)]!
    out += String.fromCodePoint(lo + Math.floor(random() * (hi - lo + 1)))
  }
  return out
}

/** Query-string values (sent URL-encoded): wrong types, out-of-range and non-decimal numbers, impossible dates. */
export function queryValues(random: () => number): string[] {
  return [
    '', ' ', 'abc', '-1', '0', '1.5', '1e2', '0x10', '0b1', 'NaN', 'Infinity', '-0', '+1', '1.', '.5',
    '99999999999999999999', '1'.repeat(400),
    '2024-02-30', '2026-02-29', '2026-13-01', '2026-01-01T24:00:00Z', '2026-01-01T10:00:00+25:00', '2026-01-01T10:00:00', '0000-01-01',
    '1,2,3,4,5', ',,,', '0x10,0,20,10', '1e2,0,2e2,1',
    'x'.repeat(5000), '\u0000\u0007\u001b[31m', '中文', 'true',
    randomText(random, 12),
  ]
}

// Where a JSON text needs a token JSON.stringify cannot write (1e400 parses to Infinity, -0 to -0).
export const RAW_JSON_TOKEN = '"__fuzz_raw__"'
export const RAW_JSON_NUMBERS = ['1e400', '-1e400', '-0', '1E-400', '123456789012345678901234567890']

/** JSON field values: wrong types, extreme numbers, overlong and control-character strings, nesting. */
export function jsonValues(random: () => number): unknown[] {
  return [
    null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 1e20,
    '', ' ', 'x'.repeat(10_000), '\u0000\u0007ctl\u007f', '2024-02-30', '2026-02-31', '2026-12-31T25:00:00Z', '0x10', '1e2', 'NaN', '-1',
    [], [1, 2], ['x'], {}, { a: 1 }, [[[[[[]]]]]],
    randomText(random, 20),
  ]
}

/** Whole JSON bodies that are not the object a route expects. */
export const MALFORMED_JSON_TEXTS = ['{', '{"a":', '[]', 'null', '"text"', '42', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"x":1}}', `${'['.repeat(50_000)}${']'.repeat(50_000)}`]

/** Path segments for a `:param` (URL-encoded where they need it). */
export const PATH_VALUES = ['0', '-1', '99999999999999999999', 'x'.repeat(300), '%00', '%0A', '..', '%2e%2e', '%2F', '%E4%B8%AD', '%FF', 'null', '1e2', '0x10', ' ']

/** If-Match values that name no single version, and one that names a version far from any real one. */
export const IF_MATCH_VALUES = ['', '"1', '1"', 'W/"1', '*', '"1", "2"', '"99999999999999999999"', '"-1"', '"0"', 'W/ "1"', '"abc"', '""', '"1 "', '"9999"']

/** The smallest real image: a 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0))

export function photoForm(field = 'photo', bytes: Uint8Array<ArrayBuffer> = PNG_BYTES, type = 'image/png'): FormData {
  const form = new FormData()
  form.append(field, new File([bytes], 'photo.png', { type }))
  return form
}

/** Bodies for a photo upload that are not one image in field "photo". */
export function malformedUploads(): { label: string; headers: Record<string, string>; body: BodyInit | undefined }[] {
  const text = (s: string) => new TextEncoder().encode(s)
  return [
    { label: 'multipart without boundary', headers: { 'content-type': 'multipart/form-data' }, body: 'xx' },
    { label: 'garbled multipart', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: '--abc\r\ngarbage' },
    { label: 'empty multipart', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: '' },
    { label: 'truncated multipart', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: '--abc\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\n\r\n\u0089PNG' },
    { label: 'boundary only', headers: { 'content-type': 'multipart/form-data; boundary=' }, body: '--\r\n' },
    { label: 'wrong field', headers: {}, body: photoForm('file') },
    { label: 'text instead of a file', headers: {}, body: (() => { const f = new FormData(); f.append('photo', 'not a file'); return f })() },
    { label: 'not an image', headers: {}, body: photoForm('photo', text('<script>alert(1)</script>'), 'image/png') },
    { label: 'empty file', headers: {}, body: photoForm('photo', new Uint8Array(0)) },
    { label: 'JSON', headers: { 'content-type': 'application/json' }, body: '{"photo":"x"}' },
    { label: 'urlencoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'photo=%00' },
    { label: 'no body', headers: {}, body: undefined },
  ]
}

/** The top-level field names of an object schema (through optional, refine and pipe wrappers); [] for others. */
export function schemaFields(schema: z.core.$ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape)
  if (schema instanceof z.ZodPipe) return schemaFields(schema.in)
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return schemaFields(schema.unwrap())
  return []
}
