// The pool the routes run heavy analysis on (Gi* hotspots, period comparison, study-cell lookup, intersection ranking,
// incident counts, guidance-site suggestions, crew visiting order), so that no request's computation holds the event
// loop. The task table is analysis-tasks.ts.
import type { AnalysisTasks } from './analysis-tasks.ts'
import { WorkerPool, type WorkerPoolOptions } from './worker-pool.ts'

export type AnalysisPool = WorkerPool<AnalysisTasks>
export type AnalysisPoolOptions = WorkerPoolOptions

/** A pool of analysis workers (started on first use; see WorkerPool for the defaults). Close it when done. */
export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  return new WorkerPool<AnalysisTasks>(new URL('./analysis-worker.ts', import.meta.url), options)
}

let shared: AnalysisPool | undefined

/**
 * One default-sized pool per process, for apps built without one (API tests, tools): ~40 MB per worker thread would
 * add up over the many short-lived apps of a test run, and its idle workers end on their own without holding the
 * process open, so it needs no closing. A server passes a pool of its own and closes it on shutdown.
 */
export function sharedAnalysisPool(): AnalysisPool {
  return (shared ??= createAnalysisPool())
}
