import { describe, expect, test } from 'vitest'
import { createPlanningWorkspace } from './planning-workspace.ts'

const here = { type: 'Point' as const, coordinates: [104.05, 30.663] as [number, number] }
const there = { type: 'Point' as const, coordinates: [104.051, 30.664] as [number, number] }

describe('createPlanningWorkspace', () => {
  test('picks streets and points and tells its listeners once per change', () => {
    const workspace = createPlanningWorkspace()
    let calls = 0
    workspace.subscribe(() => calls++)
    workspace.selectStreet('w1')
    workspace.selectStreet('w1')
    workspace.selectPoint('G1')
    expect(workspace.getState()).toMatchObject({ streetId: 'w1', pointId: 'G1' })
    expect(calls).toBe(2)
  })

  test('ignores picks while a draft is open, so the click that places a point does not pick the street under it', () => {
    const workspace = createPlanningWorkspace()
    workspace.startDrawing('point')
    workspace.selectStreet('w1')
    workspace.selectPoint('G1')
    expect(workspace.getState()).toMatchObject({ streetId: undefined, pointId: undefined })
  })

  test('turns a drawn geometry into an editable draft without restarting it', () => {
    const workspace = createPlanningWorkspace()
    workspace.startDrawing('point')
    const serial = workspace.getState().draftSerial
    workspace.setDraftGeometry(here)
    expect(workspace.getState().draft).toEqual({ pointId: undefined, stage: 'edit', geometry: here, presetName: undefined })
    expect(workspace.getState().draftSerial).toBe(serial)
  })

  test('moves a point and, on cancel, keeps it picked', () => {
    const workspace = createPlanningWorkspace()
    workspace.selectPoint('G1')
    workspace.startMove('G1', here)
    workspace.setDraftGeometry(there)
    expect(workspace.getState().draft).toMatchObject({ pointId: 'G1', geometry: there })
    workspace.cancelDraft()
    expect(workspace.getState()).toMatchObject({ draft: undefined, pointId: 'G1' })
  })

  test('picks the saved point when a draft is finished, and counts every start and end', () => {
    const workspace = createPlanningWorkspace()
    workspace.startAt(here, '建议点 1')
    expect(workspace.getState().draft).toMatchObject({ stage: 'edit', presetName: '建议点 1' })
    workspace.finishDraft('G7')
    expect(workspace.getState()).toMatchObject({ draft: undefined, pointId: 'G7', draftSerial: 2 })
  })

  test('ignores a geometry or a cancel with no draft open', () => {
    const workspace = createPlanningWorkspace()
    const before = workspace.getState()
    workspace.setDraftGeometry(here)
    workspace.cancelDraft()
    expect(workspace.getState()).toBe(before)
  })

  test('stops telling a listener that unsubscribed', () => {
    const workspace = createPlanningWorkspace()
    let calls = 0
    const unsubscribe = workspace.subscribe(() => calls++)
    unsubscribe()
    workspace.selectStreet('w1')
    expect(calls).toBe(0)
  })
})
