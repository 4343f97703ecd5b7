import { describe, expect, test } from 'vitest'
import { appendJsonMember, encodeJson } from './json-bytes.ts'

const text = (chunks: Uint8Array | readonly Uint8Array[]) => (Array.isArray(chunks) ? chunks : [chunks]).map((c) => new TextDecoder().decode(c)).join('')
const decode = (chunks: Uint8Array | readonly Uint8Array[]) => JSON.parse(text(chunks)) as unknown

describe('encodeJson and appendJsonMember', () => {
  test('encodes UTF-8 JSON that decodes to the value', () => {
    const value = { name: '人民中路', z: 1.5e-7, list: [1, null, 'x'] }
    expect(decode(encodeJson(value))).toEqual(value)
  })

  test('appends an encoded member last, as JSON.stringify of the whole would', () => {
    const head = { type: 'FeatureCollection', n: 2, top: [{ street: '春熙路' }] }
    const features = [{ id: 'a', properties: { z: -0.25 } }]
    const bytes = appendJsonMember(head, 'features', encodeJson(features))
    expect(text(bytes)).toBe(JSON.stringify({ ...head, features }))
  })

  test('appends to an empty object, and an empty array as the member', () => {
    expect(decode(appendJsonMember({}, 'features', encodeJson([])))).toEqual({ features: [] })
  })

  test('sends the member’s bytes as they are, not a copy', () => {
    const member = encodeJson([1, 2])
    expect(appendJsonMember({ n: 1 }, 'features', member)).toContain(member)
  })

  test('does not mutate the head', () => {
    const head = { n: 1 }
    appendJsonMember(head, 'features', encodeJson([1]))
    expect(head).toEqual({ n: 1 })
  })
})
