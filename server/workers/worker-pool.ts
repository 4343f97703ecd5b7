// A small pool of worker threads with a bounded queue and a time budget per task, so that CPU-heavy analysis runs
// beside the event loop instead of on it.
//
// Why not piscina: it would add a dependency for what is ~200 lines here, and it does not solve the part that needs
// care in this project — loading TypeScript in the worker under both tsx and Vitest (see worker-entry.mjs).
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { PoolUnavailableError, WorkerTaskError } from './pool-errors.ts'
import type { TaskTable, WorkerReply } from './serve-tasks.ts'

export interface WorkerPoolOptions {
  workers?: number // default availableParallelism() − 1, at least 1 and at most 2: one core stays with the event loop
  maxQueued?: number // default 8 tasks waiting for a worker; one more is refused as busy
  budgetMs?: number // default 20,000 ms of running time per task; past it the worker is ended and replaced
  idleMs?: number // default 600,000 ms: a worker idle this long is ended (its heap freed), and started again on demand
}

// Retry-After for a full queue: at the Chengdu demo's 0.2–3 s per task, 2 workers drain 8 queued tasks in seconds.
const BUSY_RETRY_AFTER_S = 5
// Retry-After for a task over its budget: the same request is likely to run as long again, so wait for the load to
// change rather than retry at once.
const TIMEOUT_RETRY_AFTER_S = 30

export const DEFAULT_WORKER_POOL_OPTIONS: Required<WorkerPoolOptions> = {
  workers: Math.min(2, Math.max(1, availableParallelism() - 1)),
  maxQueued: 8, // tasks
  budgetMs: 20_000, // ms
  // 10 minutes: starting a worker (tsx and the analysis modules) costs ~0.8 s, which a leader clicking through the
  // dashboard should pay once per session, not once per filter change.
  idleMs: 600_000, // ms
}

type Input<T extends TaskTable, N extends keyof T> = Parameters<T[N]>[0]
type Output<T extends TaskTable, N extends keyof T> = ReturnType<T[N]>

interface Job {
  id: number
  name: string
  input: unknown
  transfer: ArrayBuffer[]
  resolve: (value: unknown) => void
  reject: (reason: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  job: Job | undefined
  budgetTimer: NodeJS.Timeout | undefined
  idleTimer: NodeJS.Timeout | undefined
}

/**
 * Runs the tasks of the table `T` (served by the worker module at `moduleUrl`, see serve-tasks.ts) on up to
 * `workers` threads, started on first use. `run` rejects with PoolUnavailableError 'busy' when every worker is taken
 * and `maxQueued` tasks already wait, and 'analysis-timeout' when a task runs past `budgetMs` (its worker is
 * terminated, so a runaway computation cannot hold a thread). Idle workers do not keep the process alive; `close()`
 * ends them all.
 */
export class WorkerPool<T extends TaskTable> {
  readonly options: Required<WorkerPoolOptions>
  #slots: Slot[] = []
  #queue: Job[] = []
  #nextId = 1
  #closed = false

  constructor(
    private readonly moduleUrl: URL,
    options: WorkerPoolOptions = {},
  ) {
    this.options = { ...DEFAULT_WORKER_POOL_OPTIONS, ...options }
    const { workers, maxQueued, budgetMs, idleMs } = this.options
    if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`WorkerPool: workers must be an integer ≥ 1, got ${workers}`)
    if (!(Number.isInteger(maxQueued) && maxQueued >= 0)) throw new RangeError(`WorkerPool: maxQueued must be an integer ≥ 0, got ${maxQueued}`)
    if (!(budgetMs > 0)) throw new RangeError(`WorkerPool: budgetMs must be positive, got ${budgetMs}`)
    if (!(idleMs > 0)) throw new RangeError(`WorkerPool: idleMs must be positive, got ${idleMs}`)
  }

  /** Runs task `name` on a worker; `transfer` lists buffers of `input` to move rather than copy (they are detached here). */
  run<N extends keyof T & string>(name: N, input: Input<T, N>, transfer: ArrayBuffer[] = []): Promise<Output<T, N>> {
    return new Promise<unknown>((resolve, reject) => {
      if (this.#closed) throw new Error(`WorkerPool: closed; task ${name} not run`)
      const job: Job = { id: this.#nextId++, name, input, transfer, resolve, reject }
      const idle = this.#slots.find((s) => s.ready && !s.job)
      if (idle) return this.#start(idle, job)
      if (this.#slots.length < this.options.workers) {
        this.#queue.push(job) // the worker started for it takes the oldest waiting job when ready
        this.#spawn()
        return
      }
      if (this.#waiting() >= this.options.maxQueued) {
        throw new PoolUnavailableError('busy', `all ${this.options.workers} analysis workers are busy and ${this.#waiting()} tasks are waiting`, BUSY_RETRY_AFTER_S)
      }
      this.#queue.push(job)
    }) as Promise<Output<T, N>>
  }

  /** Tasks running and waiting, for tests and health checks. */
  get load(): { workers: number; running: number; queued: number } {
    return { workers: this.#slots.length, running: this.#slots.filter((s) => s.job).length, queued: this.#waiting() }
  }

  /** Ends every worker; running and queued tasks reject. Later `run` calls reject. */
  async close(): Promise<void> {
    this.#closed = true
    const closing = new Error('WorkerPool: closed before the task finished')
    for (const job of this.#queue.splice(0)) job.reject(closing)
    const slots = this.#slots.splice(0)
    await Promise.all(
      slots.map((slot) => {
        this.#clearTimers(slot)
        slot.job?.reject(closing)
        slot.job = undefined
        return slot.worker.terminate()
      }),
    )
  }

  #spawn(): Slot {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { module: this.moduleUrl.href } })
    const slot: Slot = { worker, ready: false, job: undefined, budgetTimer: undefined, idleTimer: undefined }
    this.#slots.push(slot)
    worker.on('message', (reply: WorkerReply) => this.#onReply(slot, reply))
    // An uncaught error or a crash ends the worker: fail its job and let the next job start a fresh one.
    worker.on('error', (err) => this.#retire(slot, err))
    worker.on('exit', (code) => this.#retire(slot, new Error(`analysis worker exited with code ${code}`)))
    return slot
  }

  #onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      slot.ready = true
      this.#next(slot)
      return
    }
    const job = slot.job
    if (!job || job.id !== reply.id) return // a reply after close() or a budget stop
    this.#clearTimers(slot)
    slot.job = undefined
    if (reply.kind === 'done') job.resolve(reply.value)
    else job.reject(new WorkerTaskError(job.name, reply.message, reply.stack))
    this.#next(slot)
  }

  #start(slot: Slot, job: Job): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.idleTimer = undefined
    slot.job = job
    slot.worker.ref() // a running task keeps the process alive, as any pending I/O would
    slot.budgetTimer = setTimeout(() => {
      slot.job = undefined
      this.#remove(slot)
      void slot.worker.terminate()
      job.reject(new PoolUnavailableError('analysis-timeout', `task ${job.name} ran past its ${this.options.budgetMs} ms budget and was stopped`, TIMEOUT_RETRY_AFTER_S))
      this.#fill()
    }, this.options.budgetMs)
    slot.worker.postMessage({ id: job.id, name: job.name, input: job.input }, job.transfer)
  }

  /** Gives the slot the next queued job, or lets it idle. */
  #next(slot: Slot): void {
    const job = this.#queue.shift()
    if (job) return this.#start(slot, job)
    slot.worker.unref()
    slot.idleTimer = setTimeout(() => {
      this.#remove(slot)
      void slot.worker.terminate()
    }, this.options.idleMs)
    slot.idleTimer.unref()
  }

  /** Queued jobs beyond those the workers still starting will take. */
  #waiting(): number {
    return Math.max(0, this.#queue.length - this.#slots.filter((s) => !s.ready).length)
  }

  /** Starts workers for queued jobs while there is room (after a worker was stopped or died). */
  #fill(): void {
    while (!this.#closed && this.#waiting() > 0 && this.#slots.length < this.options.workers) this.#spawn()
  }

  #retire(slot: Slot, err: Error): void {
    if (!this.#remove(slot)) return // already removed: stopped on purpose
    const job = slot.job
    slot.job = undefined
    job?.reject(err)
    if (!slot.ready) {
      // It died while starting (a broken worker module, say): starting another would fail the same way, so the
      // jobs waiting for a worker fail now rather than cycle through failing workers.
      // With no worker left, every waiting job fails; otherwise the one it was started for (the oldest).
      const starting = this.#slots.filter((s) => !s.ready).length
      const orphans = this.#slots.length === 0 ? this.#queue.splice(0) : this.#queue.length > starting ? this.#queue.splice(0, 1) : []
      for (const orphan of orphans) orphan.reject(err)
      return
    }
    this.#fill()
  }

  #remove(slot: Slot): boolean {
    const i = this.#slots.indexOf(slot)
    if (i < 0) return false
    this.#slots.splice(i, 1)
    this.#clearTimers(slot)
    return true
  }

  #clearTimers(slot: Slot): void {
    if (slot.budgetTimer) clearTimeout(slot.budgetTimer)
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.budgetTimer = undefined
    slot.idleTimer = undefined
  }
}
