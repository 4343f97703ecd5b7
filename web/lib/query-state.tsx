// The loading and error lines a panel shows while its query is not yet usable.
import { readRequestFailure } from './api.ts'
import { describeError } from './describe-error.ts'
import { useI18n } from './i18n.ts'

export interface QueryStateProps {
  isPending: boolean
  error: unknown
  onRetry: () => void
}

/** Renders nothing once the query has data; a failed query says why and, where it may help, offers a retry. */
export function QueryState({ isPending, error, onRetry }: QueryStateProps) {
  const i18n = useI18n()
  if (error) {
    const { code } = readRequestFailure(error)
    // asking again changes nothing until the user signs in (or gets the role): offer no retry then
    const retryable = code !== 'unauthenticated' && code !== 'forbidden'
    return (
      <p className="query-state query-state--error" role="alert">
        <span>{describeError(error, i18n)}</span>
        {retryable && (
          <button type="button" className="link-button" onClick={onRetry}>
            {i18n.t('panel.retry')}
          </button>
        )}
      </p>
    )
  }
  if (isPending) {
    return (
      <p className="query-state" role="status">
        {i18n.t('panel.loading')}
      </p>
    )
  }
  return null
}
