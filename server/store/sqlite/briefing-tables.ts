// Briefings (通报) in SQLite: drafts with the facts they were drawn from, and the issued archive — each issued
// briefing keeps its PDF bytes and their hash, and triggers refuse any later change to it.
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../domain/roles.ts'
import { ConflictError, NotFoundError } from '../../kernel/errors.ts'
import { BRIEFING_COLUMNS, toBriefing } from '../record-rows.ts'
import type { BriefingIssue, BriefingRecord, NewBriefing, Store } from '../store.ts'
import type { SqliteContext } from './context.ts'
import { json, type Row } from './sql.ts'

type BriefingTables = Pick<Store, 'createBriefing' | 'briefings' | 'briefing' | 'issueBriefing' | 'briefingPdf'>

export function briefingTables(x: SqliteContext): BriefingTables {
  const read = (id: string) => x.get(`SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE id = :id`, { id })
  return {
    async createBriefing(b: NewBriefing, actor: Actor): Promise<{ briefing: BriefingRecord; created: boolean }> {
      return x.write(() => {
        if (b.scheduleKey !== undefined) {
          const existing = x.get(`SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE schedule_key = :key`, { key: b.scheduleKey })
          if (existing) return { briefing: toBriefing(existing), created: false }
        }
        const id = randomUUID()
        x.db
          .prepare(
            `INSERT INTO briefings (id, kind, from_ms, to_ms, zone_id, lang, status, title, facts, created_by, created_at, schedule_key)
             VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
          )
          .run(id, b.kind, b.fromMs, b.toMs, b.zoneId, b.lang, b.title, JSON.stringify(b.facts), actor.username, new Date().toISOString(), b.scheduleKey ?? null)
        const briefing = toBriefing(read(id) as Row)
        x.audit(actor, 'briefing.create', 'briefing', id, null, { title: b.title, from_ms: b.fromMs, to_ms: b.toMs, zone_id: b.zoneId, scheduled: b.scheduleKey !== undefined })
        return { briefing, created: true }
      })
    },

    async briefings(): Promise<BriefingRecord[]> {
      return x.all(`SELECT ${BRIEFING_COLUMNS} FROM briefings ORDER BY created_at DESC, id`).map(toBriefing)
    },

    async briefing(id: string) {
      const row = x.get(`SELECT ${BRIEFING_COLUMNS}, facts FROM briefings WHERE id = :id`, { id })
      return row && { ...toBriefing(row), facts: json<unknown>(row.facts) }
    },

    async issueBriefing(id: string, issue: BriefingIssue, actor: Actor): Promise<BriefingRecord> {
      return x.write(() => {
        const row = read(id)
        if (!row) throw new NotFoundError(`briefing ${id}`)
        if (row.status !== 'draft') throw new ConflictError(`briefing ${id} is already issued`)
        if (x.get('SELECT 1 AS x FROM briefings WHERE year = :year AND number = :number', { year: issue.year, number: issue.number })) {
          throw new ConflictError(`briefing number ${issue.number} of ${issue.year} was issued meanwhile`)
        }
        x.db
          .prepare("UPDATE briefings SET status = 'issued', issued_by = ?, issued_by_name = ?, issued_at = ?, year = ?, number = ?, sha256 = ?, pdf = ? WHERE id = ?")
          .run(actor.username, issue.issuedByName, issue.at.toISOString(), issue.year, issue.number, issue.sha256, Buffer.from(issue.pdf), id)
        const issued = toBriefing(read(id) as Row)
        x.audit(actor, 'briefing.issue', 'briefing', id, null, { number: issue.number, year: issue.year, sha256: issue.sha256 })
        return issued
      })
    },

    async briefingPdf(id: string): Promise<Uint8Array | undefined> {
      const row = x.get("SELECT pdf FROM briefings WHERE id = :id AND status = 'issued'", { id })
      return row ? new Uint8Array(row.pdf as Buffer) : undefined
    },
  }
}
