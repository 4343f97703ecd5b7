// Which form field a 400 invalid-body problem's `errors[].path` is about, and what to say next to it.
import type { MessageKey } from '../i18n.ts'

export type ReportField = 'category' | 'location' | 'description' | 'phone' | 'photo'

/** A field's error: one of our messages, or the server's own words when it named something we do not know. */
export type FieldError = { key: MessageKey } | { text: string }

// Our own words per field: the server's messages are English developer text.
const FIELD_OF_PATH: Record<string, { field: ReportField; key: MessageKey }> = {
  category: { field: 'category', key: 'category.required' },
  lon: { field: 'location', key: 'location.required' },
  lat: { field: 'location', key: 'location.required' },
  description: { field: 'description', key: 'description.invalid' },
  phone: { field: 'phone', key: 'phone.invalid' },
  photo: { field: 'photo', key: 'photo.wrongType' },
}

/**
 * The problem's errors by form field; a path the form has no field for (repeat_of, a new member) lands on
 * `other` with the server's message. Empty input → no errors.
 */
export function readFieldErrors(errors: ReadonlyArray<{ path: string; message: string }>): {
  fields: Partial<Record<ReportField, FieldError>>
  other: string[]
} {
  const fields: Partial<Record<ReportField, FieldError>> = {}
  const other: string[] = []
  for (const { path, message } of errors) {
    const known = FIELD_OF_PATH[path.split('.')[0] ?? '']
    if (known) fields[known.field] ??= { key: known.key }
    else other.push(message)
  }
  return { fields, other }
}
