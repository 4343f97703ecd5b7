// 查询进度: a tracking number in, the report's progress out; the numbers reported from this phone are one tap away.
import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { reportQueryOptions } from '../api/get-report.ts'
import { useReportI18n } from '../i18n.ts'
import { normalizeTrackingNumber } from '../lib/tracking-number.ts'
import { FieldErrorLine, describedBy, hintId } from './field-message.tsx'
import { ReportStatusView } from './report-status.tsx'

const FIELD_ID = 'track-number'

export interface TrackPanelProps {
  /** The number being shown (from the address, the receipt or this form); may be malformed when it came from a link. */
  tracked: string | undefined
  onTrack: (trackingNumber: string) => void
  /** Numbers reported from this phone, newest first. */
  recent: readonly string[]
}

export function TrackPanel({ tracked, onTrack, recent }: TrackPanelProps) {
  const i18n = useReportI18n()
  const { t } = i18n
  const queryClient = useQueryClient()
  const inputRef = useRef<HTMLInputElement>(null)
  const [input, setInput] = useState(tracked ?? '')
  const [invalid, setInvalid] = useState(tracked !== undefined && normalizeTrackingNumber(tracked) === undefined)
  // a number chosen elsewhere (the receipt's "查看处理进度") replaces what was typed
  const [inputFor, setInputFor] = useState(tracked)
  if (tracked !== inputFor) {
    setInputFor(tracked)
    setInput(tracked ?? '')
    setInvalid(tracked !== undefined && normalizeTrackingNumber(tracked) === undefined)
  }
  const shown = tracked === undefined ? undefined : normalizeTrackingNumber(tracked)

  const track = (value: string) => {
    const number = normalizeTrackingNumber(value)
    if (!number) {
      setInvalid(true)
      inputRef.current?.focus()
      return
    }
    setInvalid(false)
    // asking again for the number on screen means "is there news?"
    if (number === shown) void queryClient.invalidateQueries({ queryKey: reportQueryOptions(number).queryKey })
    onTrack(number)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    track(input)
  }

  const error = invalid ? { key: 'tracking.invalid' as const } : undefined

  return (
    <div className="track">
      <form className="track__form" aria-label={t('track.label')} noValidate onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={FIELD_ID}>
            {t('field.tracking')}
          </label>
          <p id={hintId(FIELD_ID)} className="field__hint">
            {t('tracking.hint')}
          </p>
          <input
            ref={inputRef}
            id={FIELD_ID}
            className="field__control field__control--tracking"
            type="text"
            value={input}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={24}
            placeholder="GW…"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={describedBy(FIELD_ID, { hint: true, error })}
            onChange={(event) => {
              setInput(event.target.value)
              setInvalid(false)
            }}
          />
          <FieldErrorLine fieldId={FIELD_ID} error={error} i18n={i18n} />
        </div>
        <button type="submit" className="button button--primary button--block">
          {t('track.submit')}
        </button>
      </form>

      {recent.length > 0 && (
        <section className="recent" aria-labelledby="recent-title">
          <h2 id="recent-title" className="recent__title">
            {t('track.recent')}
          </h2>
          <ul className="recent__list">
            {recent.map((number) => (
              <li key={number}>
                <button type="button" className="recent__number" aria-current={number === shown ? true : undefined} onClick={() => track(number)}>
                  {number}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {shown && <ReportStatusView trackingNumber={shown} />}
    </div>
  )
}
