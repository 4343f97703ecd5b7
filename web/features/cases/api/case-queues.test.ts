import { describe, expect, test } from 'vitest'
import type { QueueCase } from './case-queues.ts'
import {
  DEFAULT_BROWSE_FILTERS,
  listCaseQueues,
  listKnownUnits,
  parseStateChoice,
  searchCases,
  selectQueueCases,
  sortByDeadline,
  toBrowseQuery,
} from './case-queues.ts'

const SD001 = { id: 'SD001', name: '锦官驿街道办事处', name_en: 'Jinguanyi Office' }
const ENF = { id: 'ENF', name: '城管执法大队', name_en: 'Urban Management Enforcement Squad' }

/** A fresh open case; each test builds its own. */
function createCase(id: string, fields: Partial<QueueCase> = {}): QueueCase {
  return { id, state: 'reported', extension_requested: false, unit: SD001, deadline: '2026-11-02T12:00:00+08:00', overdue: false, reported_at: '2026-11-01T08:00:00+08:00', ...fields }
}

const ids = (cases: readonly { id: string }[]) => cases.map((c) => c.id)

describe('listCaseQueues', () => {
  test('gives the dispatcher intake, dispatch and extension requests', () => {
    expect(listCaseQueues(['dispatcher']).map((q) => q.id)).toEqual(['intake', 'dispatch', 'extensions'])
  })

  test('gives a unit its own work, an inspector verification, leaders and administrators everything', () => {
    expect(listCaseQueues(['unit'], 'SD001').map((q) => q.id)).toEqual(['unit-work'])
    expect(listCaseQueues(['inspector']).map((q) => q.id)).toEqual(['verification'])
    expect(listCaseQueues(['leader']).map((q) => q.id)).toEqual(['all'])
    expect(listCaseQueues(['admin']).map((q) => q.id)).toEqual(['all'])
  })

  test('gives roles without case work no queue, and an account with several roles each of theirs once', () => {
    expect(listCaseQueues([])).toEqual([])
    expect(listCaseQueues(['crew', 'planner'])).toEqual([])
    expect(listCaseQueues(['dispatcher', 'inspector', 'leader', 'admin']).map((q) => q.id)).toEqual([
      'intake',
      'dispatch',
      'extensions',
      'verification',
      'all',
    ])
  })
})

describe('selectQueueCases', () => {
  const open = [
    createCase('I1', { state: 'reported' }),
    createCase('I2', { state: 'accepted' }),
    createCase('I3', { state: 'dispatched', extension_requested: true }),
    createCase('I4', { state: 'in_handling' }),
    createCase('I5', { state: 'handled' }),
    createCase('I6', { state: 'in_handling', unit: ENF }),
  ]
  const queue = (roles: string[], id: string, unitId: string | null = null) => {
    const found = listCaseQueues(roles, unitId).find((q) => q.id === id)
    if (!found) throw new Error(`no queue ${id} for ${roles.join(',')}`)
    return found
  }

  test('puts each open case in the queue of the step it waits for', () => {
    expect(ids(selectQueueCases(queue(['dispatcher'], 'intake'), open))).toEqual(['I1'])
    expect(ids(selectQueueCases(queue(['dispatcher'], 'dispatch'), open))).toEqual(['I2'])
    expect(ids(selectQueueCases(queue(['dispatcher'], 'extensions'), open))).toEqual(['I3'])
    expect(ids(selectQueueCases(queue(['inspector'], 'verification'), open))).toEqual(['I5'])
  })

  test("gives a unit only its own dispatched and rework cases, also when it sees other units' cases", () => {
    expect(ids(selectQueueCases(queue(['unit'], 'unit-work', 'SD001'), open))).toEqual(['I3', 'I4'])
    expect(ids(selectQueueCases(queue(['unit', 'inspector'], 'unit-work', 'ENF'), open))).toEqual(['I6'])
  })

  test("sorts a unit's queue overdue first, then by the nearest deadline", () => {
    const work = [
      createCase('late-a-little', { state: 'dispatched', overdue: true, deadline: '2026-11-01T09:00:00+08:00' }),
      createCase('due-later', { state: 'dispatched', deadline: '2026-11-03T09:00:00+08:00' }),
      createCase('due-soon', { state: 'in_handling', deadline: '2026-11-01T18:00:00+08:00' }),
      createCase('late-a-lot', { state: 'in_handling', overdue: true, deadline: '2026-10-20T09:00:00+08:00' }),
    ]
    expect(ids(selectQueueCases(queue(['unit'], 'unit-work', 'SD001'), work))).toEqual(['late-a-lot', 'late-a-little', 'due-soon', 'due-later'])
  })

  test('keeps the server order (escalated first) in the dispatch queue', () => {
    const accepted = [createCase('escalated', { state: 'accepted' }), createCase('plain', { state: 'accepted' })]
    expect(ids(selectQueueCases(queue(['dispatcher'], 'dispatch'), accepted))).toEqual(['escalated', 'plain'])
  })

  test('puts the latest report first in the intake, where a dispatcher looks for what just came in', () => {
    const intake = [
      createCase('I0000001', { reported_at: '2026-11-01T08:00:00+08:00' }),
      createCase('I0000003', { reported_at: '2026-11-01T09:30:00+08:00' }),
      createCase('I0000002', { reported_at: '2026-11-01T01:00:00Z' }), // 09:00 in China: between the two
    ]
    expect(ids(selectQueueCases(queue(['dispatcher'], 'intake'), intake))).toEqual(['I0000003', 'I0000002', 'I0000001'])
  })

  test('returns no case for no open cases, and none for the leader queue the server fills', () => {
    expect(selectQueueCases(queue(['dispatcher'], 'intake'), [])).toEqual([])
    expect(selectQueueCases(queue(['leader'], 'all'), open)).toEqual([])
  })

  test('does not mutate its input', () => {
    const work = [createCase('b', { deadline: '2026-11-03T00:00:00Z' }), createCase('a', { deadline: '2026-11-01T00:00:00Z' })]
    const copy = structuredClone(work)
    sortByDeadline(work)
    expect(work).toEqual(copy)
  })
})

describe('searchCases', () => {
  const searchable = (id: string, description: string, unit = SD001) => ({
    id,
    tracking_number: `GW261101${id}`,
    description,
    category_name: '道路不洁',
    category_name_en: 'Dirty road',
    unit,
  })
  const cases = [searchable('I0000001', '小通巷路面很脏'), searchable('I0000002', '路灯不亮', ENF)]

  test('finds a case by id, tracking number, description, category or unit, in any case', () => {
    expect(ids(searchCases(cases, 'i0000002'))).toEqual(['I0000002'])
    expect(ids(searchCases(cases, 'gw261101I0000001'))).toEqual(['I0000001'])
    expect(ids(searchCases(cases, '小通巷'))).toEqual(['I0000001'])
    expect(ids(searchCases(cases, 'dirty'))).toEqual(['I0000001', 'I0000002'])
    expect(ids(searchCases(cases, '执法'))).toEqual(['I0000002'])
  })

  test('returns every case for blank text and none for text nobody wrote', () => {
    expect(ids(searchCases(cases, '  '))).toEqual(['I0000001', 'I0000002'])
    expect(searchCases(cases, 'nothing like it')).toEqual([])
  })
})

describe('toBrowseQuery', () => {
  test('asks for the open states by default', () => {
    expect(toBrowseQuery(DEFAULT_BROWSE_FILTERS)).toEqual({ state: 'reported,accepted,dispatched,in_handling,handled' })
  })

  test('passes one state, the category and the overdue and escalated switches as the server spells them', () => {
    expect(toBrowseQuery({ state: 'closed', category: '0101', overdueOnly: true, escalatedOnly: true })).toEqual({
      state: 'closed',
      category: '0101',
      overdue: 'true',
      escalated: 'true',
    })
    expect(toBrowseQuery({ state: '', category: '', overdueOnly: false, escalatedOnly: false })).toEqual({})
  })

  test('reads the state select, falling back to the open cases for an unknown value', () => {
    expect(parseStateChoice('handled')).toBe('handled')
    expect(parseStateChoice('')).toBe('')
    expect(parseStateChoice('lost')).toBe('open')
  })
})

describe('listKnownUnits', () => {
  test('lists each unit the cases name once, by id, and skips cases without one', () => {
    expect(listKnownUnits([{ unit: SD001 }, { unit: ENF }, { unit: null }, { unit: SD001 }])).toEqual([ENF, SD001])
    expect(listKnownUnits([])).toEqual([])
  })
})
