import { describe, expect, test } from 'vitest'
import { createLatestOnlyRunner } from './latest-only-runner.ts'

/** A runner whose task and clock the test drives by hand. */
function createHarness(minIntervalMs = 100) {
  let clock = 0
  const calls: { input: number; resolve: (value: string) => void; reject: (error: unknown) => void }[] = []
  const timers: { at: number; run: () => void }[] = []
  const results: [number, string][] = []
  const errors: [number, unknown][] = []
  const runner = createLatestOnlyRunner<number, string>({
    task: (input) => new Promise((resolve, reject) => calls.push({ input, resolve, reject })),
    onResult: (input, result) => results.push([input, result]),
    onError: (input, error) => errors.push([input, error]),
    minIntervalMs,
    now: () => clock,
    schedule: (run, delayMs) => {
      const timer = { at: clock + delayMs, run }
      timers.push(timer)
      return timer
    },
    cancel: (handle) => {
      const index = timers.findIndex((t) => t === handle)
      if (index >= 0) timers.splice(index, 1)
    },
  })
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  const advance = (ms: number) => {
    clock += ms
    for (const timer of timers.filter((t) => t.at <= clock)) {
      timers.splice(timers.indexOf(timer), 1)
      timer.run()
    }
  }
  return { runner, calls, results, errors, settle, advance, pendingTimers: () => timers.length }
}

describe('createLatestOnlyRunner', () => {
  test('sends the first input at once', () => {
    const h = createHarness()
    h.runner.submit(1)
    expect(h.calls.map((c) => c.input)).toEqual([1])
  })

  test('keeps one call in flight and sends only the latest of the inputs that arrived meanwhile', async () => {
    const h = createHarness()
    h.runner.submit(1)
    h.runner.submit(2)
    h.runner.submit(3)
    expect(h.calls.map((c) => c.input)).toEqual([1])
    h.advance(150)
    h.calls[0]?.resolve('one')
    await h.settle()
    expect(h.calls.map((c) => c.input)).toEqual([1, 3])
    h.calls[1]?.resolve('three')
    await h.settle()
    expect(h.results).toEqual([
      [1, 'one'],
      [3, 'three'],
    ])
  })

  test('waits out the minimum interval after a fast answer', async () => {
    const h = createHarness(100)
    h.runner.submit(1)
    h.calls[0]?.resolve('one')
    await h.settle()
    h.runner.submit(2)
    expect(h.calls).toHaveLength(1)
    h.advance(99)
    expect(h.calls).toHaveLength(1)
    h.advance(1)
    expect(h.calls.map((c) => c.input)).toEqual([1, 2])
  })

  test('reports a failed call and carries on with the next input', async () => {
    const h = createHarness(0)
    h.runner.submit(1)
    h.runner.submit(2)
    h.calls[0]?.reject(new Error('offline'))
    await h.settle()
    expect(h.errors).toHaveLength(1)
    expect(h.calls.map((c) => c.input)).toEqual([1, 2])
  })

  test('ignores answers and drops waiting input once disposed', async () => {
    const h = createHarness()
    h.runner.submit(1)
    h.runner.submit(2)
    h.runner.dispose()
    h.calls[0]?.resolve('one')
    await h.settle()
    h.advance(1000)
    h.runner.submit(3)
    expect(h.calls.map((c) => c.input)).toEqual([1])
    expect(h.results).toEqual([])
    expect(h.pendingTimers()).toBe(0)
  })

  test('does nothing when nothing is submitted', () => {
    const h = createHarness()
    h.advance(1000)
    expect(h.calls).toEqual([])
  })
})
