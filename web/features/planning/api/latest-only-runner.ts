// Runs an async task for a stream of inputs (a point being dragged) with at most one call in flight: while one runs,
// newer inputs replace each other and only the latest is sent when it ends, no sooner than `minIntervalMs` after the
// previous call started. Results reach `onResult` in call order, so a slow old answer never overwrites a newer one.

export interface LatestOnlyRunnerOptions<I, R> {
  task: (input: I) => Promise<R>
  onResult: (input: I, result: R) => void
  onError: (input: I, error: unknown) => void
  minIntervalMs?: number // ms between the starts of two calls; 100 ms ≈ 10 checks a second while dragging
  /** Injected in tests; defaults to Date.now and setTimeout. */
  now?: () => number
  schedule?: (run: () => void, delayMs: number) => unknown
  cancel?: (handle: unknown) => void
}

export interface LatestOnlyRunner<I> {
  /** Queues `input`; it replaces any input still waiting. */
  submit: (input: I) => void
  /** Drops the waiting input and ignores the answer of the call in flight (the draft was closed). */
  dispose: () => void
}

const DEFAULT_MIN_INTERVAL_MS = 100

export function createLatestOnlyRunner<I, R>(options: LatestOnlyRunnerOptions<I, R>): LatestOnlyRunner<I> {
  const minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS
  const now = options.now ?? Date.now
  const schedule = options.schedule ?? ((run: () => void, delayMs: number) => setTimeout(run, delayMs))
  const cancel = options.cancel ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  let inFlight = false
  let waiting: { input: I } | undefined
  let timer: unknown
  let lastStart = Number.NEGATIVE_INFINITY
  let disposed = false

  const start = () => {
    timer = undefined
    if (disposed || inFlight || !waiting) return
    const { input } = waiting
    waiting = undefined
    inFlight = true
    lastStart = now()
    options
      .task(input)
      .then(
        (result) => {
          if (!disposed) options.onResult(input, result)
        },
        (error: unknown) => {
          if (!disposed) options.onError(input, error)
        },
      )
      .finally(() => {
        inFlight = false
        startWhenDue()
      })
  }

  const startWhenDue = () => {
    if (disposed || inFlight || !waiting || timer !== undefined) return
    const wait = lastStart + minIntervalMs - now()
    if (wait <= 0) start()
    else timer = schedule(start, wait)
  }

  return {
    submit: (input) => {
      if (disposed) return
      waiting = { input }
      startWhenDue()
    },
    dispose: () => {
      disposed = true
      waiting = undefined
      if (timer !== undefined) cancel(timer)
      timer = undefined
    },
  }
}
