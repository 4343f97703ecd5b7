// What one analysis request may ask for, checked before any of the work: each refusal is a 422 whose `code` names
// the cap and whose body carries the cap, its limit and what was asked (RFC 9457 extension members).
import { estimateGiStarCost } from '../analysis/hotspot-cost.ts'
import type { CellScheme } from '../analysis/cells.ts'
import type { BBox } from '../kernel/geo.ts'
import { ProblemError } from '../kernel/problems.ts'

const DAY_MS = 86_400_000

// 3 years (1096 days, one leap day): the longest trend a leader compares; longer periods only make the read and the
// binning grow with no new question answered.
export const MAX_PERIOD_DAYS = 1096

// 50 million (cell, neighbour) pairs: measured on the Chengdu demo (33,844 H3 res-11 cells), 47 M pairs
// (res 11, band 1000 m) take ~1.5 s of Gi* and 200 M take ~2.7 s, while res 11 at band 5000 m (~1 billion estimated)
// took 55–85 s. Every default request stays far below (res 11 automatic band ≈ 1 M, res 10 at the largest band
// ≈ 22 M, grid-100 at 5000 m ≈ 49 M — the grid sums neighbours by row runs, so it is cheaper than its estimate).
export const MAX_CELL_PAIRS = 50_000_000

/** Refuses (422 period-too-long) a period longer than MAX_PERIOD_DAYS; `which` names it in the detail. */
export function checkPeriodCap(fromMs: number, toMs: number, which = 'the period'): void {
  const days = (toMs - fromMs) / DAY_MS
  if (days > MAX_PERIOD_DAYS) {
    throw new ProblemError(422, 'period-too-long', `${which} spans ${Math.ceil(days)} days; at most ${MAX_PERIOD_DAYS} days can be analysed at once`, undefined, {}, {
      cap: 'period_days',
      limit: MAX_PERIOD_DAYS,
      requested: Math.ceil(days),
    })
  }
}

/** Refuses (422 too-many-pairs) a Gi* request whose estimated cells × neighbours exceed MAX_CELL_PAIRS. */
export function checkCellPairCap(bbox: BBox, scheme: CellScheme, cellName: string, bandMeters: number | undefined): void {
  const { cells, neighbours, pairs } = estimateGiStarCost(bbox, scheme, bandMeters)
  if (pairs > MAX_CELL_PAIRS) {
    const band = bandMeters === undefined ? 'the automatic band' : `a ${bandMeters} m band`
    throw new ProblemError(
      422,
      'too-many-pairs',
      `${cellName} cells with ${band} means about ${cells} cells × ${neighbours} neighbours = ${pairs} pairs, over the limit of ${MAX_CELL_PAIRS}; use a smaller band or larger cells`,
      undefined,
      {},
      { cap: 'cells_x_neighbours', limit: MAX_CELL_PAIRS, requested: pairs },
    )
  }
}
