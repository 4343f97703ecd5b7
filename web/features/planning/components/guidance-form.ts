// The guidance-point form's fields as typed, checked against the server's limits (server/routes/guidance-points.ts)
// before anything is sent, and turned into the body the API takes.
import type { GuidancePoint } from '../api/get-guidance-points.ts'

export interface GuidanceFormValues {
  name: string
  capacity: string // as typed; stalls
  opening_hours: string
  allowed_goods: string
  unit: string
  off_street: boolean
}

export interface GuidanceFields {
  name: string
  capacity: number
  opening_hours: string
  allowed_goods: string
  unit: string
  off_street: boolean
}

export type GuidanceFormField = 'name' | 'capacity' | 'opening_hours' | 'allowed_goods' | 'unit'
export type GuidanceFormProblemKind = 'required' | 'too-long' | 'capacity'
export interface GuidanceFormProblem {
  field: GuidanceFormField
  kind: GuidanceFormProblemKind
  max?: number
}

// The server's limits, in characters and stalls
const MAX_LENGTH: Record<Exclude<GuidanceFormField, 'capacity'>, number> = { name: 100, unit: 100, opening_hours: 100, allowed_goods: 200 }
export const MAX_CAPACITY = 1000

export function createEmptyFormValues(name = ''): GuidanceFormValues {
  return { name, capacity: '', opening_hours: '', allowed_goods: '', unit: '', off_street: false }
}

export function toFormValues({ properties }: GuidancePoint): GuidanceFormValues {
  return {
    name: properties.name,
    capacity: String(properties.capacity),
    opening_hours: properties.opening_hours,
    allowed_goods: properties.allowed_goods,
    unit: properties.unit,
    off_street: properties.off_street,
  }
}

/** Stalls as a whole number from 0 to MAX_CAPACITY, or undefined for anything else (blank, 2.5, -1, "十"). */
export function parseCapacity(text: string): number | undefined {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return undefined
  const value = Number(trimmed)
  return value <= MAX_CAPACITY ? value : undefined
}

/** The fields ready to send, or the problems that keep them from being sent (trimmed; empty optional text is ''). */
export function readGuidanceForm(values: GuidanceFormValues): { fields: GuidanceFields | undefined; problems: GuidanceFormProblem[] } {
  const problems: GuidanceFormProblem[] = []
  const text = (field: Exclude<GuidanceFormField, 'capacity'>, required: boolean) => {
    const value = values[field].trim()
    if (required && value.length === 0) problems.push({ field, kind: 'required' })
    else if (value.length > MAX_LENGTH[field]) problems.push({ field, kind: 'too-long', max: MAX_LENGTH[field] })
    return value
  }
  const name = text('name', true)
  const capacity = parseCapacity(values.capacity)
  if (capacity === undefined) problems.push({ field: 'capacity', kind: 'capacity', max: MAX_CAPACITY })
  const openingHours = text('opening_hours', false)
  const allowedGoods = text('allowed_goods', false)
  const unit = text('unit', true)
  if (problems.length > 0 || capacity === undefined) return { fields: undefined, problems }
  return { fields: { name, capacity, opening_hours: openingHours, allowed_goods: allowedGoods, unit, off_street: values.off_street }, problems }
}

/** Only the fields that differ from the point as loaded, so an edit never overwrites what it did not touch. */
export function listChangedFields(point: GuidancePoint, fields: GuidanceFields): Partial<GuidanceFields> {
  const before = point.properties
  const changed: Partial<GuidanceFields> = {}
  if (fields.name !== before.name) changed.name = fields.name
  if (fields.capacity !== before.capacity) changed.capacity = fields.capacity
  if (fields.opening_hours !== before.opening_hours) changed.opening_hours = fields.opening_hours
  if (fields.allowed_goods !== before.allowed_goods) changed.allowed_goods = fields.allowed_goods
  if (fields.unit !== before.unit) changed.unit = fields.unit
  if (fields.off_street !== before.off_street) changed.off_street = fields.off_street
  return changed
}
