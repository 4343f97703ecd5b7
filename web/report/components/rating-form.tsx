// 评价: one to five stars and an optional comment for a closed case, once.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { readRequestFailure } from '../../lib/api.ts'
import { useRateReport } from '../api/rate-report.ts'
import { useReportI18n } from '../i18n.ts'
import type { MessageKey, ReportI18n } from '../i18n.ts'
import { describeReportError } from '../lib/describe-error.ts'

const STARS = [1, 2, 3, 4, 5] as const
const STAR_WORDS: readonly MessageKey[] = ['rating.word1', 'rating.word2', 'rating.word3', 'rating.word4', 'rating.word5']
// the server's limit on a rating comment (server/routes/reports.ts)
const MAX_COMMENT_CHARS = 500

const starCount = ({ t }: ReportI18n, count: number) => (count === 1 ? t('rating.oneStar') : t('rating.stars', { count }))
const starWord = ({ t }: ReportI18n, count: number) => {
  const key = STAR_WORDS[count - 1]
  return key ? t(key) : ''
}

export function RatingShown({ stars, thanks }: { stars: number; thanks: boolean }) {
  const i18n = useReportI18n()
  return (
    <div className="rating rating--done">
      <p className="rating__shown">
        <span>{i18n.t('rating.yours')}</span>
        <span className="rating__glyphs" aria-hidden="true">
          {'★'.repeat(stars)}
          <span className="rating__glyphs-off">{'★'.repeat(Math.max(0, 5 - stars))}</span>
        </span>
        <span className="rating__count">{starCount(i18n, stars)}</span>
        <span className="rating__shown-word">{starWord(i18n, stars)}</span>
      </p>
      {thanks && (
        <p className="rating__thanks" role="status">
          {i18n.t('rating.thanks')}
        </p>
      )}
    </div>
  )
}

export function RatingForm({ trackingNumber, onRated }: { trackingNumber: string; onRated: () => void }) {
  const i18n = useReportI18n()
  const { t } = i18n
  const rate = useRateReport()
  const [stars, setStars] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (stars === null) return setError(t('rating.choose'))
    setError(null)
    const trimmed = comment.trim()
    rate.mutate(
      { trackingNumber, stars, ...(trimmed ? { comment: trimmed } : {}) },
      {
        onSuccess: onRated,
        onError: (failure) => setError(readRequestFailure(failure).code === 'conflict' ? t('rating.already') : describeReportError(failure, i18n)),
      },
    )
  }

  return (
    <form className="rating" aria-labelledby="rating-legend" noValidate onSubmit={onSubmit}>
      <fieldset className="rating__fieldset">
        <legend id="rating-legend" className="rating__legend">
          {t('rating.legend')}
        </legend>
        <p className="rating__lead">{t('rating.lead')}</p>
        <div className="rating__stars">
          {STARS.map((n) => (
            <label key={n} className={`rating__star${stars !== null && n <= stars ? ' rating__star--on' : ''}`}>
              <input
                type="radio"
                name="stars"
                value={n}
                checked={stars === n}
                className="rating__input"
                onChange={() => {
                  setStars(n)
                  setError(null)
                }}
              />
              <span aria-hidden="true" className="rating__glyph">
                ★
              </span>
              <span className="sr-only">{starCount(i18n, n)}</span>
            </label>
          ))}
        </div>
        <p className="rating__word" aria-live="polite">
          {stars !== null ? `${starCount(i18n, stars)} · ${starWord(i18n, stars)}` : ' '}
        </p>
      </fieldset>
      <div className="field">
        <label className="field__label field__label--small" htmlFor="rating-comment">
          {t('rating.comment')}
        </label>
        <textarea
          id="rating-comment"
          className="field__control field__control--textarea"
          rows={2}
          maxLength={MAX_COMMENT_CHARS}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary button--block" disabled={rate.isPending} aria-busy={rate.isPending}>
        {t('rating.submit')}
      </button>
    </form>
  )
}
