// A refused guidance-point write in words: the rules an approval or a move breaks (422 rule-violations), a point
// someone else changed meanwhile or a status change the server no longer allows (409, the list is reloaded), or
// whatever else went wrong.
import { readRequestFailure } from '../../../lib/api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { readRefusalViolations } from '../api/read-violations.ts'
import { ViolationList } from './violation-list.tsx'

export interface GuidanceFailureProps {
  error: unknown
  /** What was refused, e.g. "无法批准" — heads the violation list. */
  refusedTitle: string
  /** False where the same rules are listed right above (the live check of a move): the title alone then. */
  listViolations?: boolean
}

export function isConflict(error: unknown): boolean {
  return readRequestFailure(error).code === 'conflict'
}

export function GuidanceFailure({ error, refusedTitle, listViolations = true }: GuidanceFailureProps) {
  const i18n = useI18n()
  const violations = readRefusalViolations(error)
  if (violations) {
    return (
      <div className="guidance-refusal" role="alert">
        <p className="guidance-refusal__title">{refusedTitle}</p>
        {listViolations && <ViolationList violations={violations} />}
      </div>
    )
  }
  return (
    <p className="form-problem" role="alert">
      {isConflict(error) ? i18n.t('planning.conflict') : describeError(error, i18n)}
    </p>
  )
}
