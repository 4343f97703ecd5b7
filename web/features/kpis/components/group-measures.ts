// The measures board's order: the four areas of the bureau's plan, and within each the overdue measures first (the
// ones the inspection office chases), then by deadline.
import { MEASURE_AREAS } from '../../../../server/kernel/statuses.ts'
import type { MeasureArea } from '../../../../server/kernel/statuses.ts'
import type { Measure } from '../api/get-measures.ts'

// the plan's four areas, in the order the plan lists them
export { MEASURE_AREAS, type MeasureArea }

type BoardMeasure = Pick<Measure, 'id' | 'area' | 'deadline' | 'overdue' | 'status'>

export interface MeasureGroup<M> {
  area: MeasureArea
  measures: M[]
  overdue: number
  done: number
}

/** Every area once, in plan order, even when it has no measure yet; does not mutate its input. */
export function groupMeasuresByArea<M extends BoardMeasure>(measures: readonly M[]): MeasureGroup<M>[] {
  return MEASURE_AREAS.map((area) => {
    const inArea = measures
      .filter((m) => m.area === area)
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    return {
      area,
      measures: inArea,
      overdue: inArea.filter((m) => m.overdue).length,
      done: inArea.filter((m) => m.status === 'done').length,
    }
  })
}
