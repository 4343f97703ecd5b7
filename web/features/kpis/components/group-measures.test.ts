import { describe, expect, test } from 'vitest'
import { MEASURE_AREAS, groupMeasuresByArea } from './group-measures.ts'

const measure = (id: string, area: (typeof MEASURE_AREAS)[number], deadline: string, overdue = false, status: 'planned' | 'in_progress' | 'done' = 'in_progress') => ({
  id,
  area,
  deadline,
  overdue,
  status,
})

describe('groupMeasuresByArea', () => {
  test('lists the four areas in the plan order, even the empty ones', () => {
    const groups = groupMeasuresByArea([measure('M1', 'sanitation', '2026-12-01')])
    expect(groups.map((g) => g.area)).toEqual(['street_order', 'team_building', 'sanitation', 'municipal_lighting'])
    expect(groups.map((g) => g.measures.length)).toEqual([0, 0, 1, 0])
  })

  test('puts overdue measures first, then the nearest deadline', () => {
    const groups = groupMeasuresByArea([
      measure('M1', 'street_order', '2026-12-01'),
      measure('M2', 'street_order', '2026-12-20', true),
      measure('M3', 'street_order', '2026-11-30'),
    ])
    expect(groups[0]?.measures.map((m) => m.id)).toEqual(['M2', 'M3', 'M1'])
    expect(groups[0]?.overdue).toBe(1)
  })

  test('counts the done measures of each area', () => {
    const groups = groupMeasuresByArea([measure('M1', 'team_building', '2026-12-01', false, 'done'), measure('M2', 'team_building', '2026-12-02')])
    expect(groups[1]).toMatchObject({ done: 1, overdue: 0 })
  })

  test('returns four empty areas for no measures and leaves its input alone', () => {
    expect(groupMeasuresByArea([]).every((g) => g.measures.length === 0)).toBe(true)
    const input = [measure('M2', 'sanitation', '2026-12-09'), measure('M1', 'sanitation', '2026-12-01')]
    const copy = structuredClone(input)
    groupMeasuresByArea(input)
    expect(input).toEqual(copy)
  })
})
