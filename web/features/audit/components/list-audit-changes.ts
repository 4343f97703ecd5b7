// What an audit entry changed, field by field, from the before and after records the server stored with it.

export interface AuditChange {
  field: string
  before: unknown // undefined: the field did not exist before (a created record, a flag only the change sets)
  after: unknown
}

// Fields that identify the record, repeat the entry's own time or count edits (the optimistic-lock version): they
// never say what changed.
const IDENTITY_FIELDS = new Set(['id', 'createdAt', 'created_at', 'version'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0)

// JSON is how the server stored both sides, so equal JSON is an unchanged field
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The fields whose value differs between `before` and `after`, in the order the after record lists them.
 * A created record (no before) lists its non-empty fields; a field that appears empty on both sides is left out.
 * Non-object sides (null, a scalar) count as an empty record.
 */
export function listAuditChanges(before: unknown, after: unknown): AuditChange[] {
  const from = isRecord(before) ? before : {}
  const to = isRecord(after) ? after : {}
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])]
  return fields
    .filter((field) => !IDENTITY_FIELDS.has(field))
    .filter((field) => !sameValue(from[field], to[field]))
    .filter((field) => !(isEmpty(from[field]) && isEmpty(to[field])))
    .map((field) => ({ field, before: from[field], after: to[field] }))
}
