// DEMONSTRATION DATA: the simulated life of one demo case — report → accept → dispatch → handle → handled → closed,
// with random stage durations — and the weighted sampler the incident generator draws places and times with.

import type { IncidentStatus } from '../../server/kernel/statuses.ts'
import { HOUR_MS } from './china-time.ts'
import type { Random } from './prng.ts'

/** A weighted sampler over fixed weights: cumulative sums and binary search, O(log n) per draw. */
export function createWeightedSampler(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = []
  let total = 0
  for (const w of weights) {
    total += w > 0 && Number.isFinite(w) ? w : 0
    cumulative.push(total)
  }
  return (random) => {
    if (!(total > 0)) return -1
    const r = random.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) > r) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

export interface Timeline {
  status: IncidentStatus
  updatedMs: number
  closedMs: number | null
}

/**
 * Runs one case through report → accept → dispatch → handle → handled → closed (docs/domain-notes.md §2) with exponential
 * stage durations, and returns where it stands at `refMs`. A rejected case stops after intake; a stalled case
 * stops at `stallAt` and stays open.
 */
export function simulateWorkflow(
  reportedMs: number,
  handleHours: number,
  refMs: number,
  random: Random,
  opts: { reject: boolean; stallAt: IncidentStatus | null },
): Timeline {
  if (opts.reject) {
    const rejectedMs = reportedMs + 10 * 60_000 + random.exponential(2 * HOUR_MS)
    return rejectedMs <= refMs
      ? { status: 'rejected', updatedMs: rejectedMs, closedMs: null }
      : { status: 'reported', updatedMs: reportedMs, closedMs: null }
  }
  // mean stage durations: intake 1.5 h, dispatch 2 h, start of work 4 h, the category's handling time,
  // inspector's verification 16 h; each has a small floor so stages never share a timestamp
  const steps: [IncidentStatus, number][] = [
    ['accepted', 5 * 60_000 + random.exponential(1.5 * HOUR_MS)],
    ['dispatched', 5 * 60_000 + random.exponential(2 * HOUR_MS)],
    ['in_handling', 10 * 60_000 + random.exponential(4 * HOUR_MS)],
    ['handled', 10 * 60_000 + random.exponential(handleHours * HOUR_MS)],
    ['closed', 30 * 60_000 + random.exponential(16 * HOUR_MS)],
  ]
  let status: IncidentStatus = 'reported'
  let t = reportedMs
  for (const [next, durationMs] of steps) {
    if (status === opts.stallAt || t + durationMs > refMs) break
    t += durationMs
    status = next
  }
  return { status, updatedMs: t, closedMs: status === 'closed' ? t : null }
}
