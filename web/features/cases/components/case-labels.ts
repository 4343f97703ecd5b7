// The words for a case's workflow: every action the timeline can hold and the buttons offer, priorities, photo
// stages. The tables are typed by the API's own unions, so a new server action fails the type-check until named.
import type { I18n, MessageKey } from '../../../lib/i18n.ts'
import type { CaseDetail, CasePhoto, TimelineAction } from '../api/get-case.ts'
import type { CaseActionName, CaseSummary } from '../api/get-cases.ts'

export const ACTION_LABELS: Readonly<Record<TimelineAction, MessageKey>> = {
  report: 'cases.action.report',
  accept: 'cases.action.accept',
  reject: 'cases.action.reject',
  dispatch: 'cases.action.dispatch',
  handle: 'cases.action.handle',
  verify_pass: 'cases.action.verify_pass',
  verify_fail: 'cases.action.verify_fail',
  request_extension: 'cases.action.request_extension',
  approve_extension: 'cases.action.approve_extension',
  refuse_extension: 'cases.action.refuse_extension',
  return: 'cases.action.return',
  merge: 'cases.action.merge',
  escalate: 'cases.action.escalate',
  rate: 'cases.action.rate',
  photo: 'cases.action.photo',
  lamp_repair: 'cases.action.lamp_repair',
  enforce_stop: 'cases.action.enforce_stop',
  enforce_outcome: 'cases.action.enforce_outcome',
}

/** How a step's button looks: 'go' moves the case on, 'back' refuses or sends work back, 'plain' neither. */
export const STEP_TONES: Readonly<Record<CaseActionName, 'go' | 'back' | 'plain'>> = {
  accept: 'go',
  reject: 'back',
  dispatch: 'go',
  handle: 'go',
  verify_pass: 'go',
  verify_fail: 'back',
  request_extension: 'plain',
  approve_extension: 'go',
  refuse_extension: 'back',
  return: 'back',
}

export const PRIORITY_LABELS: Readonly<Record<CaseSummary['priority'], MessageKey>> = {
  1: 'cases.priority.1',
  2: 'cases.priority.2',
  3: 'cases.priority.3',
}

export const PHOTO_STAGE_LABELS: Readonly<Record<CasePhoto['stage'], MessageKey>> = {
  report: 'cases.photoStage.report',
  handling: 'cases.photoStage.handling',
  verification: 'cases.photoStage.verification',
}

/**
 * The stage a case is at, in the interface language. Illegal construction (0101) reads as its own stages
 * (发现 → 制止 → 查处), which is how the squads talk about it; everything else as the generic state.
 */
export function describeStage(c: Pick<CaseDetail, 'state' | 'construction_stage'>, { locale, lookup }: Pick<I18n, 'locale' | 'lookup'>): string {
  if (c.construction_stage) return locale === 'en' ? c.construction_stage.name_en : c.construction_stage.name
  return lookup(`incidentStatus.${c.state}`, c.state)
}

/** The category name in the interface language. */
export function describeCategory(c: Pick<CaseSummary, 'category_name' | 'category_name_en'>, locale: I18n['locale']): string {
  return locale === 'en' ? c.category_name_en : c.category_name
}

/** The unit's name in the interface language, or undefined when the case has none yet. */
export function describeUnit(unit: CaseSummary['unit'], locale: I18n['locale']): string | undefined {
  if (!unit) return undefined
  return locale === 'en' ? unit.name_en : unit.name
}
