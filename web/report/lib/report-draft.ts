// The report form's content before it is sent: what is missing or wrong, and the body POST /api/reports takes.
import type { NewReport } from '../api/create-report.ts'
import { checkPhoto } from './check-photo.ts'
import type { FieldError, ReportField } from './field-errors.ts'

/** The server's limit on a description (reportBody in server/routes/reports.ts, Open311's 4000). */
export const MAX_DESCRIPTION_CHARS = 4000

// the server's phone rule, so a typo is caught before the round trip
const PHONE = /^[0-9+\- ]{5,20}$/

// 6 decimals of a degree: ~0.1 m, far below a phone's GPS error; keeps the numbers short
const COORDINATE_DECIMALS = 6

export interface ReportDraft {
  category: string
  coordinates: readonly [number, number] | null
  description: string
  phone: string
  photo: { type: string; size: number } | null
}

/** Every field of `draft` that cannot be sent as it is, with what to say; empty when it can be sent. */
export function findDraftErrors(draft: ReportDraft): Partial<Record<ReportField, FieldError>> {
  const errors: Partial<Record<ReportField, FieldError>> = {}
  if (draft.category === '') errors.category = { key: 'category.required' }
  if (draft.coordinates === null) errors.location = { key: 'location.required' }
  const description = draft.description.trim()
  if (description === '') errors.description = { key: 'description.required' }
  else if (description.length > MAX_DESCRIPTION_CHARS) errors.description = { key: 'description.invalid' }
  const phone = draft.phone.trim()
  if (phone !== '' && !PHONE.test(phone)) errors.phone = { key: 'phone.invalid' }
  const photoProblem = draft.photo ? checkPhoto(draft.photo) : undefined
  if (photoProblem) errors.photo = { key: photoProblem }
  return errors
}

const roundCoordinate = (value: number) => Number(value.toFixed(COORDINATE_DECIMALS))

/** The request body for a complete draft; `repeatOf` when the citizen said it is the same problem as that case. */
export function toNewReport(draft: ReportDraft & { coordinates: readonly [number, number] }, repeatOf?: string): NewReport {
  const phone = draft.phone.trim()
  return {
    category: draft.category,
    lon: roundCoordinate(draft.coordinates[0]),
    lat: roundCoordinate(draft.coordinates[1]),
    description: draft.description.trim(),
    ...(phone ? { phone } : {}),
    ...(repeatOf ? { repeat_of: repeatOf } : {}),
  }
}

/** The similar-reports query for a place: the same rounding as the report, as the query strings the API takes. */
export function toSimilarQuery(category: string, [lon, lat]: readonly [number, number]) {
  return { category, lon: String(roundCoordinate(lon)), lat: String(roundCoordinate(lat)) }
}
