// Versions as entity tags (RFC 9110 §8.8.3): a row's version number is its ETag, and a write that must not
// overwrite someone else's change sends it back as If-Match.
import { ProblemError } from '../kernel/problems.ts'

/** The ETag header value of a row at `version`: `"3"`. */
export const versionEtag = (version: number): string => `"${version}"`

// One tag: "3", W/"3" (a proxy may weaken it; the version means the same) or a bare 3 (hand-written clients).
// Quotes must balance, and lists or '*' are refused: a lock that matches anything does not lock.
const IF_MATCH = /^(?:W\/"(\d{1,16})"|"(\d{1,16})"|(\d{1,16}))$/

/**
 * The version named by the If-Match header. Throws 428 `precondition-required` when the header is missing (a write
 * that could overwrite another's), 400 `invalid-header` when it is not exactly one version tag. `what` names the
 * row in the messages ("case", "lamp").
 */
export function parseIfMatch(header: string | undefined, what: string): number {
  if (header === undefined) {
    throw new ProblemError(428, 'precondition-required', `send If-Match with the ${what} version you loaded (its ETag), so concurrent edits cannot overwrite each other`)
  }
  const m = IF_MATCH.exec(header.trim())
  const version = m ? Number(m[1] ?? m[2] ?? m[3]) : Number.NaN
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new ProblemError(400, 'invalid-header', `If-Match ${JSON.stringify(header.slice(0, 40))} is not a ${what} version; send the ETag as given, e.g. "3"`)
  }
  return version
}
