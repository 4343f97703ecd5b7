// The briefings view (通报): every staff member lists the briefings and downloads any issued one with its CSV
// annexes; a leader also drafts one for a period and area, previews its PDF and issues it. Issuing asks twice: an
// issued briefing is filed unchanged for good.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { addDays, districtCalendar, isDateText } from '../../../lib/district-calendar.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { ZoneSelect, type ZoneOption } from '../../../lib/zone-select.tsx'
import { type Briefing, useBriefings, useDraftBriefing, useIssueBriefing } from '../api/briefings.ts'
import '../briefings.css'

type Preset = 'lastWeek' | 'lastMonth' | 'thisMonth' | 'custom'

/** A preset period as district dates, `to` exclusive (the API's convention). */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7 // 1 = Monday … 7 = Sunday
  const thisMonday = addDays(today, 1 - weekday)
  const firstOfMonth = `${today.slice(0, 7)}-01`
  const firstOfLastMonth = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`
  if (preset === 'lastWeek') return { from: addDays(thisMonday, -7), to: thisMonday }
  if (preset === 'lastMonth') return { from: firstOfLastMonth, to: firstOfMonth }
  return { from: firstOfMonth, to: addDays(today, 1) }
}

export interface BriefingsPanelProps {
  active: boolean
  canIssue: boolean
  zones: readonly ZoneOption[]
}

export function BriefingsPanel({ active, canIssue, zones }: BriefingsPanelProps) {
  const i18n = useI18n()
  const { t } = i18n
  const headingId = useId()
  const briefings = useBriefings(active)
  return (
    <section className="panel-block briefings" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t('briefing.title')}
      </h2>
      <p className="legend-note">{t('briefing.intro')}</p>
      {canIssue && <DraftForm zones={zones} />}
      <h3 className="panel-subtitle">{t('briefing.list')}</h3>
      <QueryState isPending={briefings.isPending} error={briefings.error} onRetry={() => void briefings.refetch()} />
      {briefings.data?.length === 0 && <p className="legend-note">{t('briefing.empty')}</p>}
      <ul className="briefing-list">
        {briefings.data?.map((b) => (
          <BriefingItem key={b.id} briefing={b} canIssue={canIssue} />
        ))}
      </ul>
    </section>
  )
}

function DraftForm({ zones }: { zones: readonly ZoneOption[] }) {
  const i18n = useI18n()
  const { t } = i18n
  const today = districtCalendar.dateOf(Date.now())
  const [preset, setPreset] = useState<Preset>('lastWeek')
  const [custom, setCustom] = useState(() => ({ from: addDays(today, -30), to: today }))
  const [zone, setZone] = useState<string | undefined>(undefined)
  const [lang, setLang] = useState<'zh' | 'en'>(i18n.locale === 'en' ? 'en' : 'zh')
  const draft = useDraftBriefing()
  const ids = { preset: useId(), from: useId(), to: useId(), lang: useId() }
  const customValid = isDateText(custom.from) && isDateText(custom.to) && custom.from <= custom.to
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (preset === 'custom' && !customValid) return
    // the form's end date is the last day included; the API's `to` is the midnight after it
    const period = preset === 'custom' ? { from: custom.from, to: addDays(custom.to, 1) } : presetPeriod(preset, today)
    draft.mutate({ ...period, ...(zone ? { zone } : {}), lang })
  }
  return (
    <form className="briefing-form" onSubmit={submit} aria-label={t('briefing.draftTitle')}>
      <h3 className="panel-subtitle">{t('briefing.draftTitle')}</h3>
      <div className="briefing-form__row">
        <label htmlFor={ids.preset}>{t('briefing.period')}</label>
        <select id={ids.preset} value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
          {(['lastWeek', 'lastMonth', 'thisMonth', 'custom'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`briefing.period.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {preset === 'custom' && (
        <div className="briefing-form__row">
          <label htmlFor={ids.from}>{t('briefing.from')}</label>
          <input id={ids.from} type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          <label htmlFor={ids.to}>{t('briefing.to')}</label>
          <input id={ids.to} type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
        </div>
      )}
      {preset === 'custom' && !customValid && <p className="form-error">{t('briefing.badDates')}</p>}
      <ZoneSelect label={t('briefing.zone')} zones={zones} value={zone} onChange={setZone} allLabel={t('briefing.allZones')} />
      <div className="briefing-form__row">
        <label htmlFor={ids.lang}>{t('briefing.lang')}</label>
        <select id={ids.lang} value={lang} onChange={(e) => setLang(e.target.value as 'zh' | 'en')}>
          <option value="zh">{t('briefing.lang.zh')}</option>
          <option value="en">{t('briefing.lang.en')}</option>
        </select>
      </div>
      <button type="submit" className="primary-button" disabled={draft.isPending || (preset === 'custom' && !customValid)}>
        {t('briefing.draft')}
      </button>
      <p role="status" className="legend-note">
        {draft.isPending ? t('briefing.drafting') : draft.data ? t('briefing.drafted', { title: draft.data.title }) : ''}
      </p>
      {draft.error && <p className="form-error">{describeError(draft.error, i18n)}</p>}
    </form>
  )
}

function BriefingItem({ briefing: b, canIssue }: { briefing: Briefing; canIssue: boolean }) {
  const i18n = useI18n()
  const { t, formatDateTime } = i18n
  const [confirming, setConfirming] = useState(false)
  const issue = useIssueBriefing()
  const issued = b.status === 'issued'
  return (
    <li className={`briefing-item briefing-item--${b.status}`} aria-label={b.title}>
      <div className="briefing-item__head">
        <span className={`briefing-badge briefing-badge--${b.status}`}>{issued ? t('briefing.status.issued', { number: b.number ?? '' }) : t('briefing.status.draft')}</span>
        <span className="briefing-item__title">{b.title}</span>
      </div>
      <p className="legend-note">
        {b.created_by === 'schedule' ? t('briefing.scheduled', { at: formatDateTime(b.created_at) }) : t('briefing.createdBy', { who: b.created_by_name, at: formatDateTime(b.created_at) })}
        {issued && b.issued_at && (
          <>
            <br />
            {t('briefing.issuedBy', { who: b.issued_by_name ?? b.issued_by ?? '', at: formatDateTime(b.issued_at) })}
          </>
        )}
      </p>
      <div className="briefing-item__actions">
        <a className="small-button" href={b.pdf_url} target="_blank" rel="noopener">
          {issued ? t('briefing.download') : t('briefing.preview')}
        </a>
        {canIssue && !issued && !confirming && (
          <button type="button" className="primary-button" onClick={() => setConfirming(true)}>
            {t('briefing.issue')}
          </button>
        )}
        {confirming && !issued && (
          <>
            <button type="button" className="primary-button" disabled={issue.isPending} onClick={() => issue.mutate(b.id, { onSettled: () => setConfirming(false) })}>
              {t('briefing.confirmIssue')}
            </button>
            <button type="button" className="small-button" onClick={() => setConfirming(false)}>
              {t('briefing.cancel')}
            </button>
          </>
        )}
      </div>
      {issue.error && <p className="form-error">{describeError(issue.error, i18n)}</p>}
      <p className="briefing-item__annexes">
        {t('briefing.annexes')}{' '}
        {b.annexes.map((a) => (
          <a key={a.name} href={a.url} download>
            {i18n.lookup(`briefing.annex.${a.name}`, a.name)}
          </a>
        ))}
      </p>
      {issued && b.sha256 && <p className="briefing-item__hash">{t('briefing.hash', { hash: b.sha256.slice(0, 16) + '…' })}</p>}
    </li>
  )
}
