// What a client could see change in a store, reduced to a hash: the fuzz suite compares it before and after each
// refused request (a refusal must store nothing) and scans it for control characters.
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import type { Store } from '../../server/store/store.ts'

export interface StoreSnapshot {
  hash: string
  rows: unknown // the rows hashed, for scanning
}

/** Counts, the newest audit entry and every case, lamp, street, guidance point, measure and user, plus photo files on disk. */
export async function snapshotStore(store: Store, photoDir: string): Promise<StoreSnapshot> {
  const [info, cases, lamps, streets, guidancePoints, measures, users, newestAudit] = await Promise.all([
    store.info(),
    store.cases({ includeMerged: true, limit: 1_000_000 }),
    store.lamps({}),
    store.streets({}),
    store.guidancePoints({ includeRetired: true }),
    store.measures(),
    store.users(),
    store.auditLog({ limit: 1 }),
  ])
  const rows = { counts: info.counts, cases: cases.items, lamps, streets, guidancePoints, measures, users, newestAuditId: newestAudit[0]?.id ?? 0, photoFiles: readdirSync(photoDir).length }
  return { hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex'), rows }
}

// C0 controls but tab, line feed and carriage return, and DEL: what intake strips (server/http/validate.ts).
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** Dotted paths of the strings in `value` holding a control character other than tab, LF or CR. */
export function findControlCharacters(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? [path] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => findControlCharacters(v, `${path}.${i}`))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findControlCharacters(v, `${path}.${k}`))
  return []
}
