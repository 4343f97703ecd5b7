// The last lamp change this crew made, for a few seconds: a mis-tap on 标记已修复 in a moving van is easy, and the
// row it was on has already left the list, so the undo is offered beside the list rather than on the row. Undoing
// writes the lamp's previous status back at the version the change produced (a colleague's change since wins: 409).
import { useSyncExternalStore } from 'react'
import type { LampStatusValue } from './update-lamp-status.ts'

export interface UndoableChange {
  lampId: string
  /** The status before the change, which the undo restores. */
  previous: LampStatusValue
  /** The status the change set. */
  next: LampStatusValue
  /** The lamp's version after the change (the undo's If-Match). */
  version: number
  /** Counts changes, so the same lamp changed twice is a new offer with a new timer. */
  serial: number
}

/** How long the undo stays offered. */
export const UNDO_MS = 10_000

let last: UndoableChange | undefined
let serial = 0
let timer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()
const notify = () => {
  for (const listener of listeners) listener()
}

export function offerUndo(change: Omit<UndoableChange, 'serial'>): void {
  last = { ...change, serial: ++serial }
  clearTimeout(timer)
  timer = setTimeout(withdrawUndo, UNDO_MS)
  notify()
}

export function withdrawUndo(): void {
  if (last === undefined) return
  last = undefined
  clearTimeout(timer)
  notify()
}

export const useUndoableChange = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => last,
  )
