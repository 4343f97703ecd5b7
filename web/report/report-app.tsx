// The report page: a header with the language switch, and two tabs — report a problem, track a report. The
// tracked number lives in the address (`/report/?track=GW…`), so a saved or shared link opens its progress.
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { metaQueryOptions } from '../features/meta/api/get-meta.ts'
import { ReportPanel } from './components/report-panel.tsx'
import { TrackPanel } from './components/track-panel.tsx'
import { LanguageSwitch } from '../lib/language-switch.tsx'
import { useReportI18n } from './i18n.ts'
import { readRecentReports, rememberReport } from './lib/recent-reports.ts'
import type { MessageKey } from './i18n.ts'

type Tab = 'report' | 'track'
const TABS: ReadonlyArray<{ id: Tab; label: MessageKey }> = [
  { id: 'report', label: 'tab.report' },
  { id: 'track', label: 'tab.track' },
]

// Each language is offered in its own name, so whoever cannot read the current one still finds theirs.
const TRACK_PARAM = 'track'

function readAddress(): { tab: Tab; tracked: string | undefined } {
  const tracked = new URLSearchParams(window.location.search).get(TRACK_PARAM)?.trim()
  return tracked ? { tab: 'track', tracked } : { tab: 'report', tracked: undefined }
}

export function ReportApp() {
  const { t, locale, setLocale } = useReportI18n()
  const [initial] = useState(readAddress)
  const [tab, setTab] = useState<Tab>(initial.tab)
  const [tracked, setTracked] = useState<string | undefined>(initial.tracked)
  // A panel is built the first time it is shown and then kept, so switching tabs loses no typing; a citizen who
  // only follows a link to their report never downloads the map.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set([initial.tab]))
  // "再报一个问题" starts a fresh form by remounting it
  const [reportRound, setReportRound] = useState(0)
  const [recent, setRecent] = useState<readonly string[]>(readRecentReports)
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({})
  const meta = useQuery(metaQueryOptions())

  const show = (next: Tab) => {
    setTab(next)
    setOpened((current) => (current.has(next) ? current : new Set([...current, next])))
  }

  useEffect(() => {
    const url = new URL(window.location.href)
    if (tab === 'track' && tracked) url.searchParams.set(TRACK_PARAM, tracked)
    else url.searchParams.delete(TRACK_PARAM)
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url)
  }, [tab, tracked])

  // WAI-ARIA tabs pattern: arrow keys move between the tabs
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    const index = TABS.findIndex((x) => x.id === tab)
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]
    if (!next) return
    show(next.id)
    tabRefs.current[next.id]?.focus()
  }

  return (
    <div className="report-page">
      <header className="report-header">
        <div className="report-header__titles">
          <h1 className="report-header__title">{t('app.title')}</h1>
          {meta.data?.mode === 'demo' && (
            <span className="report-header__demo" title={t('app.demoNote')}>
              {t('app.demo')}
            </span>
          )}
        </div>
        <LanguageSwitch locale={locale} onChange={setLocale} label={t('language.label')} />
      </header>

      <div className="report-tabs" role="tablist" aria-label={t('tabs.label')}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            ref={(element) => {
              tabRefs.current[id] = element
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="report-tabs__tab"
            onClick={() => show(id)}
            onKeyDown={onTabKeyDown}
          >
            {t(label)}
          </button>
        ))}
      </div>

      <main className="report-main">
        <section id="panel-report" role="tabpanel" aria-labelledby="tab-report" hidden={tab !== 'report'} className="report-main__panel">
          {opened.has('report') && (
            <ReportPanel
              key={reportRound}
              onReported={(trackingNumber) => setRecent(rememberReport(trackingNumber))}
              onTrack={(trackingNumber) => {
                setTracked(trackingNumber)
                show('track')
              }}
              onReportAnother={() => setReportRound((n) => n + 1)}
            />
          )}
        </section>
        <section id="panel-track" role="tabpanel" aria-labelledby="tab-track" hidden={tab !== 'track'} className="report-main__panel">
          {opened.has('track') && <TrackPanel tracked={tracked} onTrack={setTracked} recent={recent} />}
        </section>
      </main>

      <footer className="report-footer">
        {meta.data?.mode === 'demo' && <p>{t('app.demoNote')}</p>}
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  )
}
