// Evidence before closure: a case cannot be reported handled without a photo of the work, nor closed without the
// inspector's photo of the place as it now is. The complaint behind it: cases "closed" on paper while the street
// stayed dirty. The photo must be taken in the current round (uploaded since the case entered the state it leaves),
// so a rework cannot be handed back with the first round's picture.
//
// Decision: every national category needs photo evidence at both steps; a district's own category may opt out in its
// profile (`photo_evidence: false`), for complaints with nothing to photograph (noise at night, a phone tip).
import type { CaseAction } from './case-workflow.ts'
import { ownCategory } from './district-categories.ts'

export type EvidenceStage = 'handling' | 'verification'

/** The steps that need evidence, and the photo stage that counts for each. */
export const EVIDENCE_STAGE: Partial<Record<CaseAction, EvidenceStage>> = { handle: 'handling', verify_pass: 'verification' }

/** Whether a category's cases need photo evidence (on unless the district's own category turns it off). */
export const needsPhotoEvidence = (category: string): boolean => ownCategory(category)?.photoEvidence ?? true

/**
 * The stage whose photo `action` still lacks, or undefined when the step may go ahead. `since` is when the case
 * entered its current state (ISO 8601); only photos uploaded at or after it count.
 */
export function missingEvidence(
  action: CaseAction,
  category: string,
  photos: readonly { stage: string; uploadedAt: string }[],
  since: string,
): EvidenceStage | undefined {
  const stage = EVIDENCE_STAGE[action]
  if (!stage || !needsPhotoEvidence(category)) return undefined
  const from = Date.parse(since)
  return photos.some((p) => p.stage === stage && Date.parse(p.uploadedAt) >= from) ? undefined : stage
}
