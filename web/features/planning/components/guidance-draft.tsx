// The point or area being drawn or moved: what to do on the map, the rules it breaks where it stands now (checked
// live while it is dragged), and the form that saves a new point as proposed, or the button that saves a move.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { invalidateAffected } from '../../../lib/affects.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCreateGuidancePoint, useUpdateGuidancePoint } from '../api/change-guidance-points.ts'
import type { GuidanceCandidate, LiveGuidanceCheck } from '../api/check-guidance-point.ts'
import { useLiveGuidanceCheck } from '../api/check-guidance-point.ts'
import type { GuidancePoint } from '../api/get-guidance-points.ts'
import { GuidanceFailure, isConflict } from './guidance-failure.tsx'
import type { GuidanceFormProblem } from './guidance-form.ts'
import { createEmptyFormValues, parseCapacity, readGuidanceForm } from './guidance-form.ts'
import { GuidancePointFields } from './guidance-point-fields.tsx'
import type { GuidanceDraft, PlanningWorkspace } from './planning-workspace.ts'
import { ViolationList } from './violation-list.tsx'

export interface GuidanceDraftSectionProps {
  workspace: PlanningWorkspace
  draft: GuidanceDraft
  /** The point being moved, as the list has it now; undefined for a new point. */
  moving: GuidancePoint | undefined
}

export function GuidanceDraftSection({ workspace, draft, moving }: GuidanceDraftSectionProps) {
  const i18n = useI18n()
  const { t } = i18n
  const headingId = useId()
  const sectionRef = useRef<HTMLElement>(null)
  const [values, setValues] = useState(() => createEmptyFormValues(draft.presetName))
  const [problems, setProblems] = useState<GuidanceFormProblem[]>([])
  const create = useCreateGuidancePoint()
  const update = useUpdateGuidancePoint()
  const queryClient = useQueryClient()
  const { geometry } = draft

  // the draft opens from a button or a suggestion that may be scrolled far from here
  useEffect(() => {
    sectionRef.current?.scrollIntoView?.({ block: 'nearest' })
  }, [])

  const capacity = parseCapacity(values.capacity)
  const candidate: GuidanceCandidate | undefined =
    geometry === undefined ? undefined
    : moving ? { geometry, id: moving.id, capacity: moving.properties.capacity, off_street: moving.properties.off_street }
    : { geometry, off_street: values.off_street, ...(capacity === undefined ? {} : { capacity }) }
  const check = useLiveGuidanceCheck(candidate)

  const saveNew = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const { fields, problems: found } = readGuidanceForm(values)
    setProblems(found)
    if (!fields || !geometry) return
    create.mutate({ ...fields, geometry }, { onSuccess: (point) => workspace.finishDraft(point.id) })
  }

  const saveMove = () => {
    if (!moving || !geometry) return
    update.mutate(
      { id: moving.id, patch: { geometry, version: moving.properties.version } },
      {
        onSuccess: (point) => workspace.finishDraft(point.id),
        // someone changed the point meanwhile: reload it, so a second try carries the new version
        onError: (error) => {
          if (isConflict(error)) void invalidateAffected(queryClient, 'staleGuidancePoint')
        },
      },
    )
  }

  const title =
    moving ? t('planning.moveTitle', { name: moving.properties.name })
    : draft.stage === 'polygon' || geometry?.type === 'Polygon' ? t('planning.newAreaTitle')
    : t('planning.newPointTitle')
  const hint =
    draft.stage === 'point' ? t('planning.hintPlacePoint')
    : draft.stage === 'polygon' ? t('planning.hintDrawArea')
    : t('planning.hintDrag')
  const busy = create.isPending || update.isPending

  return (
    <section ref={sectionRef} className="planning-draft" aria-labelledby={headingId}>
      <h4 id={headingId} className="planning-draft__title">
        {title}
      </h4>
      <p className="form-hint">{hint}</p>
      {/* without a mouse: pan the map with the arrow keys (its focus ring shows it has the keys), then place here */}
      {draft.stage !== 'polygon' && geometry?.type !== 'Polygon' && (
        <button type="button" className="small-button" onClick={workspace.requestCentre}>
          {t('planning.placeAtCentre')}
        </button>
      )}
      {geometry && <LiveCheckResult check={check} />}
      {moving ? (
        <>
          {/* a refusal holds only while the point is where it was refused; the live check above lists the rules */}
          {update.error && JSON.stringify(update.variables?.patch.geometry) === JSON.stringify(geometry) && (
            <GuidanceFailure error={update.error} refusedTitle={t('planning.moveRefused')} listViolations={false} />
          )}
          <div className="form-actions">
            <button type="button" className="small-button" onClick={workspace.cancelDraft}>
              {t('planning.cancel')}
            </button>
            <button type="button" className="small-button small-button--go" disabled={!geometry || busy} onClick={saveMove}>
              {update.isPending ? t('planning.saving') : t('planning.savePosition')}
            </button>
          </div>
        </>
      ) : (
        <form className="guidance-form" aria-label={t('planning.newFormLabel')} onSubmit={saveNew} noValidate>
          {geometry && <GuidancePointFields values={values} onChange={setValues} problems={problems} />}
          {create.error && (
            <p className="form-problem" role="alert">
              {describeError(create.error, i18n)}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="small-button" onClick={workspace.cancelDraft}>
              {t('planning.cancel')}
            </button>
            {geometry && (
              <button type="submit" className="small-button small-button--go" disabled={busy}>
                {create.isPending ? t('planning.saving') : t('planning.saveProposed')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  )
}

/** The live check's answer: the broken rules, or that there are none; "checking" while a newer position is asked. */
export function LiveCheckResult({ check }: { check: LiveGuidanceCheck }) {
  const i18n = useI18n()
  const { t } = i18n
  const { violations } = check
  return (
    <div className={`live-check${violations && violations.length > 0 ? ' live-check--bad' : violations ? ' live-check--ok' : ''}`}>
      <p className="live-check__summary" role="status">
        {violations === undefined ? (
          check.error ? null : t('planning.checking')
        ) : violations.length === 0 ? (
          <span className="live-check__ok">{t('planning.noViolations')}</span>
        ) : (
          <span className="live-check__bad">{t('planning.violationCount', { count: violations.length })}</span>
        )}
        {violations !== undefined && !check.current && !check.error && <span className="live-check__pending">{t('planning.checking')}</span>}
      </p>
      {violations && violations.length > 0 && <ViolationList violations={violations} />}
      {check.error !== undefined && (
        <p className="form-problem" role="alert">
          {t('planning.checkFailed', { detail: describeError(check.error, i18n) })}
        </p>
      )}
    </div>
  )
}
