import { describe, expect, test } from 'vitest'
import { SharedScratch } from './shared-scratch.ts'

describe('SharedScratch', () => {
  test('lends shared buffers of the length asked, distinct within a lend, and the same again next time', async () => {
    const scratch = new SharedScratch()
    let first: SharedArrayBuffer | undefined
    await scratch.lend(async (take) => {
      const a = take(1000)
      const b = take(10)
      expect(a).toHaveLength(1000)
      expect(b).toHaveLength(10)
      expect(a.buffer).toBeInstanceOf(SharedArrayBuffer)
      expect(a.buffer).not.toBe(b.buffer)
      first = a.buffer
    })
    expect(scratch.keptBytes).toBe(2 * (1 << 20)) // two, each rounded up to a megabyte
    await scratch.lend(async (take) => {
      expect(take(1 << 17).buffer).toBe(first) // fits in a kept megabyte: no new buffer
    })
    // a longer one than any kept: a new buffer, and the kept ones stay at most four
    await scratch.lend(async (take) => {
      for (let i = 0; i < 6; i++) take((1 << 18) * (i + 1))
    })
    expect(scratch.keptBytes).toBeLessThanOrEqual(4 * 6 * (1 << 21))
  })

  test('a lend that fails still gives its buffers back', async () => {
    const scratch = new SharedScratch()
    await expect(scratch.lend(async (take) => (take(8), Promise.reject(new Error('task failed'))))).rejects.toThrow('task failed')
    expect(scratch.keptBytes).toBe(1 << 20)
  })
})
