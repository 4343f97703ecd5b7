// A lamp's status changes in its popup, newest first: when, from what to what, and who.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { useLampHistory } from '../api/get-lamp-history.ts'

// the latest few: the popup is small, and the audit log has the rest
const SHOWN = 5

export function LampHistory({ lampId }: { lampId: string }) {
  const { t, lookup, formatDateTime } = useI18n()
  const history = useLampHistory(lampId, true)
  const headingId = useId()
  if (history.isPending || history.error) return null
  return (
    <section className="lamp-history" aria-labelledby={headingId}>
      <h4 id={headingId} className="lamp-history__title">
        {t('lamp.history')}
      </h4>
      {history.data.length === 0 ? (
        <p className="legend-note">{t('lamp.historyEmpty')}</p>
      ) : (
        <ol className="lamp-history__list" aria-labelledby={headingId}>
          {history.data.slice(0, SHOWN).map((change) => (
            <li key={`${change.at}-${change.to_status}`}>
              <time dateTime={change.at}>{formatDateTime(change.at)}</time>{' '}
              {t('lamp.historyEntry', {
                from: lookup(`lampStatus.${change.from_status}`, change.from_status),
                to: lookup(`lampStatus.${change.to_status}`, change.to_status),
                who: change.display_name,
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
