// Everything that happened to the case, oldest first: when, which step, the state it moved between, who, and why.
import { useId } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { TimelineEvent } from '../api/get-case.ts'
import { ACTION_LABELS, PHOTO_STAGE_LABELS } from './case-labels.ts'

// Accounts the server writes as, not people: the public and seeding.
const SYSTEM_ACTORS = new Set(['citizen', 'system', 'anonymous'])

export function CaseTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t, lookup, formatDateTime } = useI18n()
  const headingId = useId()
  const stateName = (state: string | null) => (state === null ? undefined : lookup(`incidentStatus.${state}`, state))
  // a photo event's note is its stage ('handling'): say it in the interface language
  const noteOf = (event: TimelineEvent) => {
    const stage = event.action === 'photo' ? Object.entries(PHOTO_STAGE_LABELS).find(([key]) => key === event.note) : undefined
    return stage ? t(stage[1]) : event.note
  }

  return (
    <section className="case-block" aria-labelledby={headingId}>
      <h4 id={headingId} className="case-block__title">
        {t('cases.timeline')}
      </h4>
      {/* cases imported with the demo district carry their state but no recorded steps */}
      {events.length === 0 && <p className="panel-empty">{t('cases.noHistory')}</p>}
      <ol className="case-timeline" aria-labelledby={headingId}>
        {events.map((event, index) => {
          const from = stateName(event.from)
          const to = stateName(event.to)
          const note = noteOf(event)
          return (
            <li key={`${event.at}|${index}`} className={`case-timeline__event case-timeline__event--${event.action}`}>
              <div className="case-timeline__head">
                <strong className="case-timeline__action">{t(ACTION_LABELS[event.action])}</strong>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </div>
              <div className="case-timeline__meta">
                <span>{SYSTEM_ACTORS.has(event.username) ? t(`cases.actor.${event.username === 'citizen' ? 'citizen' : 'system'}`) : (event.display_name ?? event.username)}</span>
                {to !== undefined && from !== to && (
                  <span>
                    {from ?? t('value.none')} → {to}
                  </span>
                )}
              </div>
              {note !== null && note !== '' && <p className="case-timeline__note">{note}</p>}
              {/* a deadline never moves silently: the step that moved it says to when, and why */}
              {event.deadline !== null && (
                <p className="case-timeline__deadline">
                  {t('cases.deadlineMoved', { deadline: formatDateTime(event.deadline), reason: lookup(`cases.deadlineReason.${event.action}`, t('cases.deadlineReason.other')) })}
                </p>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
