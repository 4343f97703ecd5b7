// Turns whatever a query or a render threw into one line the user can read, in the current language.
import { readRequestFailure } from './api.ts'
import type { I18n } from './i18n.ts'

export function describeError(error: unknown, { t, lookup, formatDuration }: I18n): string {
  const { status, code, retryAfterSeconds } = readRequestFailure(error)
  // a refused sign-in says how long to wait, so nobody keeps retrying into the same lock-out
  if (code === 'rate-limited' && retryAfterSeconds !== undefined) return t('error.rateLimitedWait', { wait: formatDuration(retryAfterSeconds) })
  if (code !== undefined) return lookup(`error.${code}`, t('error.unknown', { status: status ?? code }))
  if (status !== undefined) return t('error.unknown', { status })
  // fetch rejects with a TypeError when there is no answer at all: server down, intranet link cut
  if (error instanceof TypeError) return t('error.network')
  return error instanceof Error ? error.message : String(error)
}
