import { describe, expect, test } from 'vitest'
import { GUIDANCE_STATUSES, listStatusMoves } from './guidance-status.ts'

describe('listStatusMoves', () => {
  test('offers approval and retirement for a proposed point, activation for an approved one', () => {
    expect(listStatusMoves('proposed')).toEqual(['approved', 'retired'])
    expect(listStatusMoves('approved')).toEqual(['active', 'proposed', 'retired'])
    expect(listStatusMoves('active')).toEqual(['retired'])
  })

  test('offers nothing for a retired point', () => {
    expect(listStatusMoves('retired')).toEqual([])
  })

  test('never offers the status a point already has', () => {
    for (const status of GUIDANCE_STATUSES) expect(listStatusMoves(status)).not.toContain(status)
  })
})
