import { afterEach, describe, expect, test } from 'vitest'
import { missingEvidence, needsPhotoEvidence } from './case-evidence.ts'
import { useOwnCategories } from './district-categories.ts'

const since = '2026-12-01T08:00:00.000Z'
const photo = (stage: string, uploadedAt: string) => ({ stage, uploadedAt })

describe('evidence before closure', () => {
  afterEach(() => useOwnCategories([]))

  test('handling needs a handling photo, closing a verification photo, each from this round', () => {
    expect(missingEvidence('handle', '0104', [], since)).toBe('handling')
    expect(missingEvidence('handle', '0104', [photo('verification', '2026-12-01T09:00:00Z')], since)).toBe('handling')
    // the first round's picture does not hand back a rework
    expect(missingEvidence('handle', '0104', [photo('handling', '2026-12-01T07:59:59Z')], since)).toBe('handling')
    expect(missingEvidence('handle', '0104', [photo('handling', since)], since)).toBeUndefined()
    expect(missingEvidence('verify_pass', '0104', [photo('handling', '2026-12-01T09:00:00Z')], since)).toBe('verification')
    expect(missingEvidence('verify_pass', '0104', [photo('verification', '2026-12-01T09:00:00Z')], since)).toBeUndefined()
  })

  test('other steps need nothing; a district category may opt out', () => {
    for (const action of ['accept', 'dispatch', 'verify_fail', 'reject'] as const) expect(missingEvidence(action, '0104', [], since)).toBeUndefined()
    expect(needsPhotoEvidence('0101')).toBe(true)
    useOwnCategories([{ code: 'X01', kind: 'event', name: '夜间噪声', nameEn: 'Noise at night', photoEvidence: false }])
    expect(needsPhotoEvidence('X01')).toBe(false)
    expect(missingEvidence('handle', 'X01', [], since)).toBeUndefined()
  })
})
