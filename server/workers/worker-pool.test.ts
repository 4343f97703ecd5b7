import { afterEach, describe, expect, test } from 'vitest'
import type { TestTasks } from '../../test/fixtures/workers/test-tasks.ts'
import { PoolUnavailableError, WorkerTaskError } from './pool-errors.ts'
import { WorkerPool, type WorkerPoolOptions } from './worker-pool.ts'

const TEST_TASKS = new URL('../../test/fixtures/workers/test-tasks.ts', import.meta.url)
const pools: WorkerPool<TestTasks>[] = []
const createPool = (options: WorkerPoolOptions = {}) => {
  const pool = new WorkerPool<TestTasks>(TEST_TASKS, { workers: 1, ...options })
  pools.push(pool)
  return pool
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

describe('WorkerPool', () => {
  test('runs a task in a worker and moves typed arrays both ways', async () => {
    const pool = createPool()
    const values = new Float64Array([1, 2, 3])
    const out = await pool.run('double', { values }, [values.buffer])
    expect(values.length).toBe(0) // detached: moved, not copied
    expect(out.received).toBe(3)
    expect([...out.doubled]).toEqual([2, 4, 6])
  })

  test('rejects a task that throws with its message, and keeps the worker serving', async () => {
    const pool = createPool()
    const err = await rejection(pool.run('fail', { message: 'bad input' }))
    expect(err).toBeInstanceOf(WorkerTaskError)
    expect((err as WorkerTaskError).message).toContain('bad input')
    expect((err as WorkerTaskError).workerStack).toContain('RangeError')
    expect(await pool.run('spin', { ms: 1 })).toBe(1)
    expect(pool.load.workers).toBe(1)
  })

  test('refuses a task as busy when every worker is taken and the queue is full, without waiting', async () => {
    const pool = createPool({ workers: 1, maxQueued: 1 })
    const running = pool.run('spin', { ms: 400 })
    const queued = pool.run('spin', { ms: 1 })
    const refused = await rejection(pool.run('spin', { ms: 1 }))
    expect(refused).toBeInstanceOf(PoolUnavailableError)
    expect(refused).toMatchObject({ code: 'busy' })
    expect((refused as PoolUnavailableError).retryAfterSeconds).toBeGreaterThan(0)
    await expect(running).resolves.toBe(400)
    await expect(queued).resolves.toBe(1)
  })

  test('stops a task past its budget and replaces the worker', async () => {
    const pool = createPool({ budgetMs: 200 })
    await pool.run('spin', { ms: 1 }) // the worker is up, so the budget measures the task alone
    const err = await rejection(pool.run('spin', { ms: 60_000 }))
    expect(err).toBeInstanceOf(PoolUnavailableError)
    expect(err).toMatchObject({ code: 'analysis-timeout' })
    expect(await pool.run('spin', { ms: 1 })).toBe(1)
  })

  test('fails the task of a worker that dies, and recovers for the next', async () => {
    const pool = createPool()
    const err = await rejection(pool.run('exit', {}))
    expect(String(err)).toContain('exited with code 3')
    expect(await pool.run('spin', { ms: 1 })).toBe(1)
  })

  test('runs queued tasks in order on up to `workers` threads', async () => {
    const pool = createPool({ workers: 2, maxQueued: 4 })
    const results = await Promise.all([10, 20, 30, 40, 50].map((ms) => pool.run('spin', { ms })))
    expect(results).toEqual([10, 20, 30, 40, 50])
    expect(pool.load.workers).toBe(2)
  })

  test('close() ends the workers, fails pending tasks and refuses new ones', async () => {
    const pool = createPool({ maxQueued: 2 })
    const running = rejection(pool.run('spin', { ms: 60_000 }))
    const queued = rejection(pool.run('spin', { ms: 1 }))
    await new Promise((r) => setTimeout(r, 50))
    await pool.close()
    expect(String(await running)).toContain('closed')
    expect(String(await queued)).toContain('closed')
    expect(pool.load).toEqual({ workers: 0, running: 0, queued: 0 })
    expect(String(await rejection(pool.run('spin', { ms: 1 })))).toContain('closed')
  })

  test('rejects bad options as a caller bug', () => {
    expect(() => new WorkerPool<TestTasks>(TEST_TASKS, { workers: 0 })).toThrow(RangeError)
    expect(() => new WorkerPool<TestTasks>(TEST_TASKS, { budgetMs: 0 })).toThrow(RangeError)
  })
})
