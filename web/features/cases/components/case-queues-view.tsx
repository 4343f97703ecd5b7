// The queues a user works, as a row of choices with their sizes, a search over the chosen one, and its cases.
// Role queues are slices of the open cases (one answer, shared with the map); the leader's "all cases" asks the
// server with its filters, a page at a time.
import { useEffect, useId, useState } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { LocalizedName, MessageKey } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { BrowseFilters, CaseQueue, CaseQueueId } from '../api/case-queues.ts'
import { ALL_CASE_STATES, parseStateChoice, searchCases, selectQueueCases, toBrowseQuery } from '../api/case-queues.ts'
import type { CaseSummary } from '../api/get-cases.ts'
import { useBrowseCases, useOpenCases } from '../api/get-cases.ts'
import { CaseRow } from './case-row.tsx'
import { useNow } from './use-now.ts'

// When this browser last opened the intake (待立案), remembered across visits: "new since I last looked" is the
// reports after it. Read once per opening, then set to now, so the marker moves on only when the dispatcher looks.
const INTAKE_SEEN_KEY = 'gridwatch.intakeLastLooked'

function useLastLooked(looking: boolean): number | undefined {
  const [previous] = useState(() => {
    const stored = Number(globalThis.localStorage?.getItem(INTAKE_SEEN_KEY) ?? Number.NaN)
    return Number.isFinite(stored) ? stored : undefined
  })
  useEffect(() => {
    if (looking) globalThis.localStorage?.setItem(INTAKE_SEEN_KEY, String(Date.now()))
  }, [looking])
  return previous
}

// rows shown at first and added per "more": a shift's work fits, the rest is a click away
const PAGE_ROWS = 40
// countdowns move on by the minute
const CLOCK_TICK_MS = 30_000

export const QUEUE_TITLES: Readonly<Record<CaseQueueId, MessageKey>> = {
  intake: 'cases.queue.intake',
  dispatch: 'cases.queue.dispatch',
  extensions: 'cases.queue.extensions',
  'unit-work': 'cases.queue.unitWork',
  verification: 'cases.queue.verification',
  all: 'cases.queue.all',
}

export interface CategoryOption extends LocalizedName {
  code: string
}

export interface CaseQueuesViewProps {
  queues: readonly CaseQueue[]
  queueId: CaseQueueId
  onQueueChange: (id: CaseQueueId) => void
  search: string
  onSearchChange: (text: string) => void
  filters: BrowseFilters
  onFiltersChange: (filters: BrowseFilters) => void
  categories: readonly CategoryOption[]
  onOpen: (summary: CaseSummary) => void
}

export function CaseQueuesView(props: CaseQueuesViewProps) {
  const { queues, queueId, onQueueChange, search, onSearchChange } = props
  const { t, formatNumber, formatDateTime } = useI18n()
  const openCases = useOpenCases()
  const searchId = useId()
  const lastLooked = useLastLooked(queueId === 'intake')
  const [onlyNew, setOnlyNew] = useState(false)
  const queue = queues.find((q) => q.id === queueId) ?? queues[0]
  if (!queue) return null
  const items = openCases.data?.items ?? []

  return (
    <>
      <div className="case-queues" role="group" aria-label={t('cases.queues')}>
        {queues.map((q) => (
          <button
            key={q.id}
            type="button"
            className="case-queues__choice"
            aria-pressed={q.id === queue.id}
            onClick={() => onQueueChange(q.id)}
          >
            {t(QUEUE_TITLES[q.id])}
            {q.id !== 'all' && openCases.data && <span className="case-queues__count">{formatNumber(selectQueueCases(q, items).length)}</span>}
          </button>
        ))}
      </div>
      <div className="case-search">
        <label htmlFor={searchId}>{t('cases.search')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder={t('cases.searchHint')}
          onChange={(event) => onSearchChange(event.target.value)}
        />
      </div>
      {queue.id === 'intake' && (
        <label className="case-filters__check">
          <input type="checkbox" checked={onlyNew} onChange={(event) => setOnlyNew(event.target.checked)} />
          {lastLooked === undefined ? t('cases.filter.newSinceNever') : t('cases.filter.newSince', { time: formatDateTime(new Date(lastLooked).toISOString()) })}
        </label>
      )}
      {queue.id === 'all' ? (
        <BrowseCases {...props} title={t(QUEUE_TITLES.all)} />
      ) : (
        <>
          <QueryState isPending={openCases.isPending} error={openCases.error} onRetry={() => void openCases.refetch()} />
          {openCases.data && (
            <CaseRows
              key={`${queue.id}|${search}|${onlyNew}`}
              title={t(QUEUE_TITLES[queue.id])}
              cases={searchCases(selectQueueCases(queue, items), search).filter(
                (c) => !(queue.id === 'intake' && onlyNew && lastLooked !== undefined && Date.parse(c.reported_at) <= lastLooked),
              )}
              onOpen={props.onOpen}
            />
          )}
        </>
      )}
    </>
  )
}

function BrowseCases({ filters, onFiltersChange, categories, search, onOpen, title }: CaseQueuesViewProps & { title: string }) {
  const { t, locale, formatNumber, lookup } = useI18n()
  const browse = useBrowseCases(toBrowseQuery(filters))
  const stateId = useId()
  const categoryId = useId()
  const loaded = browse.data?.pages.flatMap((page) => page.items) ?? []
  const total = browse.data?.pages.at(-1)?.total
  const set = (change: Partial<BrowseFilters>) => onFiltersChange({ ...filters, ...change })

  return (
    <>
      <div className="case-filters">
        <label htmlFor={stateId}>{t('cases.field.state')}</label>
        <select id={stateId} value={filters.state} onChange={(event) => set({ state: parseStateChoice(event.target.value) })}>
          <option value="open">{t('cases.filter.open')}</option>
          <option value="">{t('cases.filter.allStates')}</option>
          {ALL_CASE_STATES.map((state) => (
            <option key={state} value={state}>
              {lookup(`incidentStatus.${state}`, state)}
            </option>
          ))}
        </select>
        <label htmlFor={categoryId}>{t('cases.field.category')}</label>
        <select id={categoryId} value={filters.category} onChange={(event) => set({ category: event.target.value })}>
          <option value="">{t('cases.filter.allCategories')}</option>
          {categories.map((category) => (
            <option key={category.code} value={category.code}>
              {pickName(locale, category) ?? category.code}
            </option>
          ))}
        </select>
        <label className="case-filters__check">
          <input type="checkbox" checked={filters.overdueOnly} onChange={(event) => set({ overdueOnly: event.target.checked })} />
          {t('cases.filter.overdueOnly')}
        </label>
        <label className="case-filters__check">
          <input type="checkbox" checked={filters.escalatedOnly} onChange={(event) => set({ escalatedOnly: event.target.checked })} />
          {t('cases.filter.escalatedOnly')}
        </label>
      </div>
      <QueryState isPending={browse.isPending} error={browse.error} onRetry={() => void browse.refetch()} />
      {browse.data && (
        <CaseRows
          key={`${JSON.stringify(filters)}|${search}`}
          title={title}
          cases={searchCases(loaded, search)}
          total={total}
          onOpen={onOpen}
        />
      )}
      {browse.hasNextPage && (
        <button type="button" className="small-button" disabled={browse.isFetchingNextPage} onClick={() => void browse.fetchNextPage()}>
          {browse.isFetchingNextPage
            ? t('panel.loading')
            : t('cases.loadMore', { count: formatNumber(Math.max(0, (total ?? 0) - loaded.length)) })}
        </button>
      )}
    </>
  )
}

interface CaseRowsProps {
  title: string
  cases: readonly CaseSummary[]
  /** How many the server holds, when the list is only the part loaded so far. */
  total?: number | undefined
  onOpen: (summary: CaseSummary) => void
}

function CaseRows({ title, cases, total, onOpen }: CaseRowsProps) {
  const { t, formatNumber } = useI18n()
  const nowMs = useNow(CLOCK_TICK_MS)
  const [rows, setRows] = useState(PAGE_ROWS)
  return (
    <>
      <p className="panel-count" role="status">
        {total !== undefined && total > cases.length
          ? t('cases.countLoaded', { count: formatNumber(cases.length), total: formatNumber(total) })
          : t('cases.count', { count: formatNumber(cases.length) })}
      </p>
      {cases.length === 0 && <p className="panel-empty">{t('cases.empty')}</p>}
      <ol className="case-list" aria-label={title}>
        {cases.slice(0, rows).map((summary) => (
          <CaseRow key={summary.id} summary={summary} nowMs={nowMs} onOpen={onOpen} />
        ))}
      </ol>
      {cases.length > rows && (
        <button type="button" className="small-button" onClick={() => setRows(rows + PAGE_ROWS)}>
          {t('cases.showMore', { count: formatNumber(cases.length - rows) })}
        </button>
      )}
    </>
  )
}
