// The staff case view (案件): the queues the user's roles work — the command centre's intake and dispatch
// and extension requests, a unit's own cases, the inspector's verifications, everything for leaders — and one case
// in full with the steps the user may take. The map beside it shows the open cases (cases-layer.tsx).
import './cases.css'
import { useId, useState } from 'react'
import { useI18n } from '../../../lib/i18n.ts'
import { LegendItem, LegendList } from '../../../lib/legend.tsx'
import type { MapFocus } from '../../../map/map-view.tsx'
import type { BrowseFilters, CaseQueueId } from '../api/case-queues.ts'
import { DEFAULT_BROWSE_FILTERS, listCaseQueues, listKnownUnits } from '../api/case-queues.ts'
import type { CreatedCase } from '../api/create-case.ts'
import { mayCreateCase } from '../api/create-case.ts'
import type { CaseSummary } from '../api/get-cases.ts'
import { useOpenCases } from '../api/get-cases.ts'
import { CaseDetailView } from './case-detail.tsx'
import type { CategoryOption } from './case-queues-view.tsx'
import { CaseQueuesView } from './case-queues-view.tsx'
import { CASE_COLORS, CASE_FOCUS_ZOOM, CASE_STATE_COLORS } from './case-style.ts'
import { CreatedCaseNotice } from './created-case-notice.tsx'
import { NewCaseForm } from './new-case-form.tsx'

export interface CasesPanelProps {
  roles: readonly string[]
  /** The handler's own unit, for the unit queue. */
  unitId: string | null
  categories: readonly CategoryOption[]
  canMerge: boolean
  canAddPhotos: boolean
  /** The case open in the panel (picked here or on the map); undefined shows the queues. */
  selectedId: string | undefined
  onSelect: (id: string | undefined) => void
  onFocus: (focus: MapFocus) => void
  /** The map is waiting for the click that places a new case (pick-point-layer.tsx). */
  picking: boolean
  /** [lon, lat] picked on the map for a new case. */
  pickedPoint: readonly [number, number] | undefined
  onStartPicking: () => void
  onCancelPicking: () => void
  /** Forgets the picked point (the new-case form closed), so the map stops marking it. */
  onClearPickedPoint: () => void
}

export function CasesPanel({
  roles,
  unitId,
  categories,
  canMerge,
  canAddPhotos,
  selectedId,
  onSelect,
  onFocus,
  picking,
  pickedPoint,
  onStartPicking,
  onCancelPicking,
  onClearPickedPoint,
}: CasesPanelProps) {
  const { t, lookup } = useI18n()
  const headingId = useId()
  const queues = listCaseQueues(roles, unitId)
  const [queueId, setQueueId] = useState<CaseQueueId | undefined>()
  const [search, setSearch] = useState('')
  const [filters, setFilters] = useState<BrowseFilters>(DEFAULT_BROWSE_FILTERS)
  const openCases = useOpenCases()
  const units = listKnownUnits(openCases.data?.items ?? [])
  const canCreate = mayCreateCase(roles)
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedCase>()

  const closeForm = () => {
    setCreating(false)
    onCancelPicking()
    onClearPickedPoint()
  }
  const onCreated = (next: CreatedCase) => {
    closeForm()
    setCreated(next)
    onFocus({ center: next.coordinates, zoom: CASE_FOCUS_ZOOM })
    // with nothing nearby to fold it into, the new case opens at once; otherwise the notice offers the choice
    if (next.repeat_candidates.length === 0) onSelect(next.id)
  }

  const open = (summary: CaseSummary) => {
    onSelect(summary.id)
    onFocus({ center: summary.coordinates, zoom: CASE_FOCUS_ZOOM })
  }

  return (
    <section className="panel-section cases-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t('cases.title')}
      </h2>
      {created && <CreatedCaseNotice key={created.id} created={created} onOpenCase={onSelect} onDismiss={() => setCreated(undefined)} />}
      {selectedId !== undefined ? (
        <CaseDetailView
          key={selectedId}
          caseId={selectedId}
          units={units}
          canMerge={canMerge}
          canAddPhotos={canAddPhotos}
          canRecordEnforcement={roles.includes('unit')}
          onBack={() => {
            setCreated(undefined)
            onSelect(undefined)
          }}
          onOpenCase={onSelect}
          onFocus={onFocus}
        />
      ) : (
        <>
          {canCreate &&
            (creating ? (
              <NewCaseForm
                roles={roles}
                categories={categories}
                picking={picking}
                pickedPoint={pickedPoint}
                onStartPicking={onStartPicking}
                onCancelPicking={onCancelPicking}
                onCreated={onCreated}
                onClose={closeForm}
              />
            ) : (
              <button
                type="button"
                className="small-button small-button--go new-case-open"
                onClick={() => {
                  setCreated(undefined)
                  setCreating(true)
                }}
              >
                {t('cases.new')}
              </button>
            ))}
          <details className="case-legend">
            <summary>{t('cases.legend')}</summary>
            <LegendList>
              {Object.entries(CASE_STATE_COLORS).map(([state, color]) => (
                <LegendItem key={state} shape="dot" color={color} label={lookup(`incidentStatus.${state}`, state)} />
              ))}
              <LegendItem shape="bubble" color={CASE_COLORS.escalated} label={t('cases.legendEscalated')} />
            </LegendList>
          </details>
          {queues.length === 0 ? (
            <p className="panel-empty">{t('cases.noQueues')}</p>
          ) : (
            <CaseQueuesView
              queues={queues}
              queueId={queueId ?? queues[0]?.id ?? 'all'}
              onQueueChange={setQueueId}
              search={search}
              onSearchChange={setSearch}
              filters={filters}
              onFiltersChange={setFilters}
              categories={categories}
              onOpen={open}
            />
          )}
        </>
      )}
    </section>
  )
}
