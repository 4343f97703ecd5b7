// Turns a failed request into one sentence a citizen can act on, in the page's language.
import { readRequestFailure } from '../../lib/api.ts'
import type { ReportI18n } from '../i18n.ts'

export function describeReportError(error: unknown, { t, lookup, formatDuration }: ReportI18n): string {
  const { status, code, retryAfterSeconds } = readRequestFailure(error)
  // a refused report says how long to wait, so nobody keeps pressing 提交 into the same limit
  if (code === 'rate-limited' && retryAfterSeconds !== undefined) return t('error.rateLimitedWait', { wait: formatDuration(retryAfterSeconds) })
  if (code !== undefined) return lookup(`error.${code}`, t('error.unknown', { status: status ?? code }))
  // a photo refused by the body limit before any handler ran may come without a problem code
  if (status === 413) return t('error.too-large')
  if (status === 415) return t('error.unsupported-media-type')
  if (status !== undefined) return t('error.unknown', { status })
  // fetch rejects with a TypeError when there is no answer at all: no signal, server down
  if (error instanceof TypeError) return t('error.network')
  return error instanceof Error ? error.message : String(error)
}
