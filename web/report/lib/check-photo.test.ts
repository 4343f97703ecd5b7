import { describe, expect, test } from 'vitest'
import { MAX_PHOTO_BYTES, checkPhoto } from './check-photo.ts'

describe('checkPhoto', () => {
  test('accepts a JPEG, PNG or WebP image up to 5 MiB', () => {
    expect(checkPhoto({ type: 'image/jpeg', size: MAX_PHOTO_BYTES })).toBeUndefined()
    expect(checkPhoto({ type: 'image/png', size: 1 })).toBeUndefined()
    expect(checkPhoto({ type: 'IMAGE/WEBP', size: 1000 })).toBeUndefined()
  })

  test('refuses an image one byte over 5 MiB', () => {
    expect(checkPhoto({ type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 })).toBe('photo.tooLarge')
  })

  test('refuses types the server does not accept, and a file with no type', () => {
    expect(checkPhoto({ type: 'image/heic', size: 1000 })).toBe('photo.wrongType')
    expect(checkPhoto({ type: 'application/pdf', size: 1000 })).toBe('photo.wrongType')
    expect(checkPhoto({ type: '', size: 1000 })).toBe('photo.wrongType')
  })
})
