// Suggested sites for new guidance points: where the vending reports of a period cluster beyond the reach of the
// points already approved, each within the walk radius of as many reports as possible, numbered on the map; how
// much of the demand the existing points serve and how much they would with the suggestions; "adopt" opens a
// proposed point at the site, ready to name and save.
import { bbox } from '@turf/turf'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import type { I18n } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import { Stat } from '../../../lib/stat.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import type { GuidanceSuggestion } from '../api/get-guidance-suggestions.ts'
import { useGuidanceSuggestions } from '../api/get-guidance-suggestions.ts'
import type { PlanningWorkspace } from './planning-workspace.ts'
import { usePlanningState } from './planning-workspace.ts'
import type { PeriodProblem, SuggestionPeriod } from './suggestion-period.ts'
import { MAX_WALK_RADIUS_M, MIN_WALK_RADIUS_M, checkPeriod, createDefaultPeriod, toSuggestionsQuery } from './suggestion-period.ts'
import './planning.css'

// a site with the streets around it; all sites in view, but no closer than a few streets
const SITE_ZOOM = 17
const ALL_SITES_MAX_ZOOM = 16

const PERIOD_PROBLEM_TEXT = {
  'invalid-date': 'planning.periodInvalid',
  'from-after-to': 'planning.periodReversed',
  'radius-out-of-range': 'planning.radiusRange',
} as const satisfies Record<PeriodProblem, string>

export interface GuidanceSuggestionsPanelProps {
  workspace: PlanningWorkspace
  canEdit: boolean
  onFocus: (focus: MapFocus) => void
}

/** The name a proposed point starts with when a suggestion is adopted. */
export function nameSuggestion({ t }: Pick<I18n, 't'>, suggestion: GuidanceSuggestion): string {
  const { rank, street_name: street } = suggestion.properties
  return street === null ? t('planning.suggestionNameUnnamed', { rank }) : t('planning.suggestionName', { rank, street })
}

/** Opens a proposed point at the suggested site and shows it. */
export function adoptSuggestion(workspace: PlanningWorkspace, i18n: Pick<I18n, 't'>, suggestion: GuidanceSuggestion, onFocus?: (focus: MapFocus) => void) {
  workspace.startAt(suggestion.geometry, nameSuggestion(i18n, suggestion))
  onFocus?.({ center: suggestion.geometry.coordinates, zoom: SITE_ZOOM })
}

export function GuidanceSuggestionsPanel({ workspace, canEdit, onFocus }: GuidanceSuggestionsPanelProps) {
  const i18n = useI18n()
  const { t, formatNumber, formatPercent } = i18n
  const headingId = useId()
  const id = useId()
  const [period, setPeriod] = useState<SuggestionPeriod>(() => createDefaultPeriod(Date.now()))
  const [radiusText, setRadiusText] = useState(String(period.walkRadiusM))
  const [problem, setProblem] = useState<PeriodProblem>()
  const query = usePlanningState(workspace, (s) => s.suggestions)
  const drafting = usePlanningState(workspace, (s) => s.draft !== undefined)
  const suggestions = useGuidanceSuggestions(query)
  const sites = suggestions.data?.features ?? []
  const coverage = suggestions.data?.coverage

  const compute = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const asked = { ...period, walkRadiusM: Number(radiusText) }
    const found = checkPeriod(asked)
    setProblem(found)
    if (found) return
    setPeriod(asked)
    workspace.showSuggestions(toSuggestionsQuery(asked))
  }
  const showAll = () => {
    if (sites.length === 0) return
    const [west, south, east, north] = bbox({ type: 'MultiPoint', coordinates: sites.map((s) => s.geometry.coordinates) })
    onFocus({ bounds: [west, south, east, north], maxZoom: ALL_SITES_MAX_ZOOM })
  }

  return (
    <section className="panel-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subtitle">
        {t('planning.suggestionsTitle')}
      </h3>
      <p className="legend-note">{t('planning.suggestionsIntro')}</p>
      <form className="suggestion-form" aria-label={t('planning.suggestionsTitle')} onSubmit={compute} noValidate>
        <div className="form-field">
          <label htmlFor={`${id}-from`}>{t('planning.periodFrom')}</label>
          <input id={`${id}-from`} type="date" value={period.from} onChange={(event) => setPeriod({ ...period, from: event.target.value })} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-to`}>{t('planning.periodTo')}</label>
          <input id={`${id}-to`} type="date" value={period.to} onChange={(event) => setPeriod({ ...period, to: event.target.value })} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-radius`}>{t('planning.walkRadius')}</label>
          <input
            id={`${id}-radius`}
            type="number"
            min={MIN_WALK_RADIUS_M}
            max={MAX_WALK_RADIUS_M}
            step={10}
            value={radiusText}
            onChange={(event) => setRadiusText(event.target.value)}
          />
        </div>
        <button type="submit" className="small-button small-button--go suggestion-form__submit" disabled={suggestions.isFetching}>
          {suggestions.isFetching ? t('planning.computing') : t('planning.computeSuggestions')}
        </button>
        {problem && (
          <p className="form-problem suggestion-form__problem" role="alert">
            {t(PERIOD_PROBLEM_TEXT[problem], { min: MIN_WALK_RADIUS_M, max: MAX_WALK_RADIUS_M })}
          </p>
        )}
      </form>
      {query !== undefined && <QueryState isPending={suggestions.isPending} error={suggestions.error} onRetry={() => void suggestions.refetch()} />}
      {coverage && suggestions.data && (
        <>
          <div className="stat-grid">
            <Stat label={t('planning.demand')} value={formatNumber(coverage.demand)} />
            <Stat label={t('planning.shareExisting')} value={formatPercent(coverage.share_existing)} />
            <Stat label={t('planning.shareWithSuggestions')} value={formatPercent(coverage.share_with_suggestions)} />
          </div>
          <div
            className="share-bar planning-share-bar"
            role="img"
            aria-label={t('planning.coverageSentence', {
              existing: formatPercent(coverage.share_existing),
              withSuggestions: formatPercent(coverage.share_with_suggestions),
            })}
          >
            <span className="planning-share-bar__existing" style={{ width: `${coverage.share_existing * 100}%` }} />
            <span className="planning-share-bar__gain" style={{ width: `${Math.max(0, coverage.share_with_suggestions - coverage.share_existing) * 100}%` }} />
          </div>
          <p className="planning-coverage">
            {t('planning.coverageSentence', {
              existing: formatPercent(coverage.share_existing),
              withSuggestions: formatPercent(coverage.share_with_suggestions),
            })}
          </p>
          <div className="panel-more">
            <p className="panel-count" role="status">
              {t('planning.suggestionCount', { count: formatNumber(sites.length) })}
            </p>
            {sites.length > 0 && (
              <button type="button" className="small-button" onClick={showAll}>
                {t('planning.showAllSuggestions')}
              </button>
            )}
          </div>
          {sites.length === 0 && <p className="panel-empty">{t('planning.suggestionsEmpty')}</p>}
          <ol className="suggestion-list" aria-label={t('planning.suggestionsTitle')}>
            {sites.map((site) => (
              <li key={site.id} className="suggestion-list__item">
                <button
                  type="button"
                  className="suggestion-list__place"
                  title={t('planning.showOnMap')}
                  onClick={() => onFocus({ center: site.geometry.coordinates, zoom: SITE_ZOOM })}
                >
                  <span className="suggestion-badge" aria-hidden="true">
                    {site.properties.rank}
                  </span>
                  <span className="guidance-list__text">
                    <span className="guidance-list__name">{site.properties.street_name ?? t('value.unnamed')}</span>
                    <span className="guidance-list__meta">
                      {t('planning.served', { served: formatNumber(site.properties.served), total: formatNumber(site.properties.served_total) })}
                    </span>
                  </span>
                </button>
                {canEdit && (
                  <button type="button" className="small-button" disabled={drafting} onClick={() => adoptSuggestion(workspace, i18n, site, onFocus)}>
                    {t('planning.adopt')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
