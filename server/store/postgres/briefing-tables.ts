// Briefings (通报) in PostgreSQL: as in the embedded store, drafts keep their facts and issued briefings their PDF
// and its hash, and a trigger refuses any change to an issued one.
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../domain/roles.ts'
import { ConflictError, NotFoundError } from '../../kernel/errors.ts'
import { BRIEFING_COLUMNS, toBriefing } from '../record-rows.ts'
import { json, type Row } from '../row-values.ts'
import type { BriefingIssue, BriefingRecord, NewBriefing, Store } from '../store.ts'
import type { PgContext } from './context.ts'

type BriefingTables = Pick<Store, 'createBriefing' | 'briefings' | 'briefing' | 'issueBriefing' | 'briefingPdf'>

export function briefingTables(x: PgContext): BriefingTables {
  return {
    async createBriefing(b: NewBriefing, actor: Actor): Promise<{ briefing: BriefingRecord; created: boolean }> {
      return x.write(async (w) => {
        const id = randomUUID()
        // the scheduled draft: whichever instance inserts first makes it, the others find it
        const inserted = await w.get(
          `INSERT INTO briefings (id, kind, from_ms, to_ms, zone_id, lang, status, title, facts, created_by, created_at, schedule_key)
           VALUES (:id, :kind, :fromMs, :toMs, :zoneId, :lang, 'draft', :title, :facts, :createdBy, :at, :scheduleKey)
           ON CONFLICT (schedule_key) DO NOTHING RETURNING ${BRIEFING_COLUMNS}`,
          { id, kind: b.kind, fromMs: b.fromMs, toMs: b.toMs, zoneId: b.zoneId, lang: b.lang, title: b.title, facts: JSON.stringify(b.facts), createdBy: actor.username, at: new Date().toISOString(), scheduleKey: b.scheduleKey ?? null },
        )
        if (!inserted) {
          const existing = await w.get(`SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE schedule_key = :key`, { key: b.scheduleKey })
          return { briefing: toBriefing(existing as Row), created: false }
        }
        await w.audit(actor, 'briefing.create', 'briefing', id, null, { title: b.title, from_ms: b.fromMs, to_ms: b.toMs, zone_id: b.zoneId, scheduled: b.scheduleKey !== undefined })
        return { briefing: toBriefing(inserted), created: true }
      })
    },

    async briefings(): Promise<BriefingRecord[]> {
      return (await x.all(`SELECT ${BRIEFING_COLUMNS} FROM briefings ORDER BY created_at DESC, id`)).map(toBriefing)
    },

    async briefing(id: string) {
      const row = await x.get(`SELECT ${BRIEFING_COLUMNS}, facts FROM briefings WHERE id = :id`, { id })
      return row && { ...toBriefing(row), facts: json<unknown>(row.facts) }
    },

    async issueBriefing(id: string, issue: BriefingIssue, actor: Actor): Promise<BriefingRecord> {
      return x.write(async (w) => {
        const row = await w.get('SELECT status FROM briefings WHERE id = :id FOR UPDATE', { id })
        if (!row) throw new NotFoundError(`briefing ${id}`)
        if (row.status !== 'draft') throw new ConflictError(`briefing ${id} is already issued`)
        let issued: Row | undefined
        try {
          issued = await w.get(
            `UPDATE briefings SET status = 'issued', issued_by = :by, issued_by_name = :byName, issued_at = :at, year = :year, number = :number, sha256 = :sha256, pdf = :pdf
             WHERE id = :id RETURNING ${BRIEFING_COLUMNS}`,
            { id, by: actor.username, byName: issue.issuedByName, at: issue.at.toISOString(), year: issue.year, number: issue.number, sha256: issue.sha256, pdf: Buffer.from(issue.pdf) },
          )
        } catch (err) {
          if ((err as { code?: string }).code === '23505') throw new ConflictError(`briefing number ${issue.number} of ${issue.year} was issued meanwhile`)
          throw err
        }
        await w.audit(actor, 'briefing.issue', 'briefing', id, null, { number: issue.number, year: issue.year, sha256: issue.sha256 })
        return toBriefing(issued as Row)
      })
    },

    async briefingPdf(id: string): Promise<Uint8Array | undefined> {
      const row = await x.get("SELECT pdf FROM briefings WHERE id = :id AND status = 'issued'", { id })
      return row ? new Uint8Array(row.pdf as Buffer) : undefined
    },
  }
}
