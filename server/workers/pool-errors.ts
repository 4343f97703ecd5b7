// Why the worker pool did not run a task, for the HTTP boundary to render as 503 with Retry-After.

/**
 * The pool refused or stopped a task: `busy` when every worker is taken and the queue is full, `analysis-timeout`
 * when the task ran past its time budget (its worker was ended and replaced). `code` is a stable kebab string.
 */
export class PoolUnavailableError extends Error {
  override readonly name = 'PoolUnavailableError'
  constructor(
    readonly code: 'busy' | 'analysis-timeout',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}

/** A task threw inside its worker: a bug, not a refusal. Carries the worker's stack for the log. */
export class WorkerTaskError extends Error {
  override readonly name = 'WorkerTaskError'
  constructor(
    readonly task: string,
    message: string,
    readonly workerStack: string | undefined,
  ) {
    super(`task ${task} failed in its worker: ${message}`)
  }
}
