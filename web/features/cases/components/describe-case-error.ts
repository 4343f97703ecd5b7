// A refused case request in words: the workflow's own refusals (stale version, a step the state no longer allows,
// an unknown unit, a photo too large) get their own message; anything else the app-wide one.
import { readRequestFailure } from '../../../lib/api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import type { I18n } from '../../../lib/i18n.ts'

export function describeCaseError(error: unknown, i18n: I18n): string {
  const { code } = readRequestFailure(error)
  const general = describeError(error, i18n)
  return code === undefined ? general : i18n.lookup(`cases.error.${code}`, general)
}

/** Why a file cannot be a case photo before it is sent (the server's limits: JPEG, PNG or WebP, at most 5 MiB). */
export type PhotoProblem = 'unsupported-media-type' | 'too-large'

// server/store/photo-files.ts MAX_PHOTO_BYTES
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

/** The problem with `file` as a case photo, or undefined when it may be sent. The server checks the bytes again. */
export function checkCasePhoto(file: { type: string; size: number }): PhotoProblem | undefined {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'unsupported-media-type'
  if (file.size > MAX_PHOTO_BYTES) return 'too-large'
  return undefined
}
