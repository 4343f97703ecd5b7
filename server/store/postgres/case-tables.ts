// Cases in PostgreSQL: incidents seen through the workflow — reports, steps, timelines, photos, units — and the
// incident queries the map and the analyses read.
import { IncidentColumnsBuilder, type IncidentColumns } from '../../kernel/incident-columns.ts'
import { INCIDENT_COLUMNS_SQL } from '../record-rows.ts'
import type { Incident } from '../../kernel/records.ts'
import { incidentId } from '../../kernel/record-ids.ts'
import type { Actor } from '../../domain/roles.ts'
import type { ResponsibleUnit, UnitKind } from '../../domain/case-routing.ts'
import type { Case, CaseEvent, CaseFields, CasePhoto, NewReport } from '../../domain/cases.ts'
import { ConflictError, NotFoundError } from '../../kernel/errors.ts'
import type { CaseChange, CaseQuery, IncidentQuery, Page, Store } from '../store.ts'
import { caseColumnValues, movedDeadline, toCase, toCaseEvent, toIncident, toPhoto } from '../record-rows.ts'
import { num, str, strOrNull, type Params, type Row } from '../row-values.ts'
import { anyOf, bboxClause, where, type PgContext } from './context.ts'

type CaseTables = Pick<
  Store,
  | 'units' | 'cases' | 'case' | 'caseByTracking' | 'caseEvents' | 'addCaseEvent' | 'createReport' | 'transitionCase' | 'rateCase' | 'addPhoto'
  | 'photos' | 'photo' | 'incidents' | 'incident' | 'seedCases' | 'incidentColumns'
>

// The incident columns the records read (every column but the generated `shape`).
export const INCIDENT_COLUMNS =
  'rid, id, category, status, source, lon, lat, reported_at, reported_ms, updated_at, closed_at, description, zone_id, street_id, lamp_id, ' +
  'tracking_number, unit_id, priority, report_count, rework_count, extension_count, extension_requested, escalated, version, repeat_of, ' +
  'deadline_ms, accepted_ms, dispatched_ms, first_handled_ms, closed_ms, result, rating, rating_comment, phone, source_id'
// What an incident (not a case) needs: the map and the analyses read many of these at once.
const INCIDENT_ONLY = 'rid, id, category, status, source, lon, lat, reported_at, updated_at, closed_at, description, zone_id, street_id, lamp_id'

const byId = `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = :id`

/** The WHERE clauses of an incident query (bbox aside), bound into `params`. */
function incidentClauses(alias: string, q: Omit<IncidentQuery, 'limit' | 'bbox'>, params: Params): (string | undefined)[] {
  return [
    anyOf(`${alias}.category`, q.categories, 'categories', params),
    anyOf(`${alias}.status`, q.statuses, 'statuses', params),
    anyOf(`${alias}.source`, q.sources, 'sources', params),
    anyOf(`${alias}.lamp_id`, q.lampIds, 'lampIds', params),
    q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), `${alias}.reported_ms >= :fromMs`),
    q.toMs === undefined ? undefined : ((params.toMs = q.toMs), `${alias}.reported_ms < :toMs`),
  ]
}

export function caseTables(x: PgContext): CaseTables {
  return {
    async units(): Promise<ResponsibleUnit[]> {
      return (await x.all('SELECT * FROM units ORDER BY id')).map((r) => ({ id: str(r.id), name: str(r.name), nameEn: str(r.name_en), kind: str(r.kind) as UnitKind, zoneId: strOrNull(r.zone_id) }))
    },

    async cases(q: CaseQuery): Promise<Page<Case>> {
      const params: Params = {}
      const clauses = [
        anyOf('status', q.statuses, 'statuses', params),
        anyOf('category', q.categories, 'categories', params),
        q.unitId === undefined ? undefined : ((params.unitId = q.unitId), 'unit_id = :unitId'),
        q.zoneId === undefined ? undefined : ((params.zoneId = q.zoneId), 'zone_id = :zoneId'),
        q.deadlineBeforeMs === undefined ? undefined : ((params.deadlineBefore = q.deadlineBeforeMs), 'deadline_ms < :deadlineBefore'),
        q.escalated === undefined ? undefined : ((params.escalated = q.escalated ? 1 : 0), 'escalated = :escalated'),
        q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), 'reported_ms >= :fromMs'),
        q.toMs === undefined ? undefined : ((params.toMs = q.toMs), 'reported_ms < :toMs'),
        q.includeMerged || q.statuses?.includes('merged') ? undefined : "status != 'merged'",
      ]
      const total = num((await x.get(`SELECT count(*) AS n FROM incidents${where(clauses)}`, params))?.n)
      const order = q.order === 'newest' ? 'reported_ms DESC, rid DESC' : 'priority DESC, deadline_ms, rid'
      const page = q.limit === 'all' ? '' : ` LIMIT ${Math.max(0, Math.floor(q.limit))}`
      const offset = q.offset ? ` OFFSET ${Math.max(0, Math.floor(q.offset))}` : ''
      const items = (await x.all(`SELECT ${INCIDENT_COLUMNS} FROM incidents${where(clauses)} ORDER BY ${order}${page}${offset}`, params)).map(toCase)
      return { items, total }
    },

    async case(id: string): Promise<Case | undefined> {
      const row = await x.get(byId, { id })
      return row && toCase(row)
    },

    async caseByTracking(trackingNumber: string): Promise<Case | undefined> {
      const row = await x.get(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE tracking_number = :trackingNumber`, { trackingNumber })
      return row && toCase(row)
    },

    async caseEvents(id: string): Promise<CaseEvent[]> {
      return (await x.all('SELECT * FROM case_events WHERE case_id = :id ORDER BY id', { id })).map(toCaseEvent)
    },

    async createReport(r: NewReport, actor: Actor, at: Date): Promise<Case> {
      return x.write(async (w) => {
        // The sequence hands every instance distinct numbers; a rolled-back report leaves a gap, never a duplicate.
        const rid = num((await w.get("SELECT nextval(pg_get_serial_sequence('incidents', 'rid')) AS n"))?.n)
        const id = incidentId(rid)
        const iso = at.toISOString()
        const created = toCase(
          (await w.get(
            `INSERT INTO incidents (rid, id, category, status, source, lon, lat, reported_at, reported_ms, updated_at, closed_at, description,
               zone_id, street_id, lamp_id, tracking_number, unit_id, deadline_ms, phone, repeat_of)
             VALUES (:rid, :id, :category, :status, :source, :lon, :lat, :at, :ms, :at, NULL, :description, :zoneId, :streetId, :lampId, :tracking, :unitId,
               :deadlineMs, :phone, :repeatOf)
             RETURNING ${INCIDENT_COLUMNS}`,
            {
              rid, id, category: r.category, status: r.status, source: r.source, lon: r.coordinates[0], lat: r.coordinates[1], at: iso, ms: at.getTime(),
              description: r.description, zoneId: r.zoneId, streetId: r.streetId, lampId: r.lampId, tracking: r.trackingNumber, unitId: r.unitId,
              deadlineMs: r.deadlineMs, phone: r.phone, repeatOf: r.repeatOf,
            },
          )) as Row,
        )
        await w.event(id, at, 'report', null, r.status, actor, r.repeatOf ? `repeat of ${r.repeatOf}` : null)
        await w.audit(actor, 'case.report', 'case', id, null, { ...created, phone: created.phone === null ? null : '(recorded)' })
        return created
      })
    },

    async addCaseEvent(caseId, at, action, fromStatus, toStatus, actor, note): Promise<void> {
      await x.write((w) => w.event(caseId, at, action, fromStatus, toStatus, actor, note))
    },

    async transitionCase(id: string, expectedVersion: number, change: CaseChange, actor: Actor, at: Date): Promise<Case> {
      return x.write(async (w) => {
        const row = await w.get(`${byId} FOR UPDATE`, { id })
        if (!row) throw new NotFoundError(`case ${id}`)
        const before = toCase(row)
        if (before.version !== expectedVersion) throw new ConflictError(`case ${id} is at version ${before.version}, not ${expectedVersion}: it changed since you loaded it; reload and try again`)
        const iso = at.toISOString()
        const values = caseColumnValues(change.set)
        const params: Params = { id, status: change.toStatus, updated_at: iso, closed_at: change.toStatus === 'closed' ? iso : before.closedAt }
        values.forEach(([column, value]) => (params[column] = value))
        const sets = ['status = :status', 'updated_at = :updated_at', 'closed_at = :closed_at', 'version = version + 1', ...values.map(([column]) => `${column} = :${column}`)]
        const after = toCase((await w.get(`UPDATE incidents SET ${sets.join(', ')} WHERE id = :id RETURNING ${INCIDENT_COLUMNS}`, params)) as Row)
        await w.event(id, at, change.action, before.status, change.toStatus, actor, change.note, movedDeadline(before, change))
        await w.audit(actor, `case.${change.action}`, 'case', id, { status: before.status, version: before.version }, { status: after.status, version: after.version, note: change.note, ...change.set })
        return after
      })
    },

    async rateCase(id: string, stars: number, comment: string | null, at: Date): Promise<Case> {
      return x.write(async (w) => {
        const row = await w.get(`${byId} FOR UPDATE`, { id })
        if (!row) throw new NotFoundError(`case ${id}`)
        const before = toCase(row)
        const after = toCase((await w.get(`UPDATE incidents SET rating = :stars, rating_comment = :comment, version = version + 1 WHERE id = :id RETURNING ${INCIDENT_COLUMNS}`, { stars, comment, id })) as Row)
        const actor = { userId: null, username: 'citizen' }
        await w.event(id, at, 'rate', before.status, before.status, actor, `${stars}★`)
        await w.audit(actor, 'case.rate', 'case', id, null, { rating: stars })
        return after
      })
    },

    async addPhoto(p: CasePhoto, actor: Actor): Promise<void> {
      await x.write(async (w) => {
        await w.run('INSERT INTO photos (id, case_id, stage, content_type, bytes, uploaded_at, uploaded_by) VALUES (:id, :caseId, :stage, :contentType, :bytes, :uploadedAt, :uploadedBy)', { ...p })
        await w.event(p.caseId, new Date(p.uploadedAt), 'photo', null, null, actor, p.stage)
        await w.audit(actor, 'case.photo', 'case', p.caseId, null, { photo: p.id, stage: p.stage, bytes: p.bytes })
      })
    },

    async photos(caseId: string): Promise<CasePhoto[]> {
      return (await x.all('SELECT * FROM photos WHERE case_id = :caseId ORDER BY uploaded_at, id', { caseId })).map(toPhoto)
    },

    async photo(id: string): Promise<CasePhoto | undefined> {
      const row = await x.get('SELECT * FROM photos WHERE id = :id', { id })
      return row && toPhoto(row)
    },

    async incidents(q: IncidentQuery): Promise<Page<Incident>> {
      const params: Params = {}
      const filter = where([
        bboxClause('i', q.bbox, params),
        anyOf('i.category', q.categories, 'categories', params),
        anyOf('i.status', q.statuses, 'statuses', params),
        anyOf('i.source', q.sources, 'sources', params),
        anyOf('i.lamp_id', q.lampIds, 'lampIds', params),
        q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), 'i.reported_ms >= :fromMs'),
        q.toMs === undefined ? undefined : ((params.toMs = q.toMs), 'i.reported_ms < :toMs'),
      ])
      const page = q.limit === 'all' ? '' : ` LIMIT ${Math.max(0, Math.floor(q.limit))}`
      const items = (await x.all(`SELECT ${INCIDENT_ONLY} FROM incidents i${filter} ORDER BY i.reported_ms, i.rid${page}`, params)).map(toIncident)
      // every row asked for is here: no second statement to count them (a lamp repair asks twice for its outage reports)
      const total = q.limit === 'all' ? items.length : num((await x.get(`SELECT count(*) AS n FROM incidents i${filter}`, params))?.n)
      return { items, total }
    },

    async incidentColumns(q = {}): Promise<IncidentColumns> {
      if (q.ids !== undefined) {
        const out = new IncidentColumnsBuilder(q.ids.length)
        for (const r of await x.allArrays(`SELECT ${INCIDENT_COLUMNS_SQL} FROM incidents i WHERE i.id = ANY(:ids)`, { ids: [...q.ids] })) out.push(r)
        return out.finish()
      }
      // Pages in the key's order, as arrays: the driver holds one page at a time, never the whole table as objects
      // (the builder sorts the rows by time at the end).
      const out = new IncidentColumnsBuilder(num((await x.get('SELECT count(*) AS n FROM incidents'))?.n))
      const PAGE = 100_000
      for (let after = Number.MIN_SAFE_INTEGER; ; ) {
        const rows = await x.allArrays(`SELECT ${INCIDENT_COLUMNS_SQL} FROM incidents i WHERE i.rid > :after ORDER BY i.rid LIMIT ${PAGE}`, { after })
        for (const r of rows) out.push(r)
        if (rows.length < PAGE) break
        after = Number(rows[rows.length - 1]![0])
      }
      return out.finish()
    },

    async incident(id: string): Promise<Incident | undefined> {
      const row = await x.get(`SELECT ${INCIDENT_ONLY} FROM incidents WHERE id = :id`, { id })
      return row && toIncident(row)
    },

    async seedCases(units: readonly ResponsibleUnit[], derive: (incident: Incident) => Partial<CaseFields> & { trackingNumber: string; closedAt?: string | null }): Promise<void> {
      await x.write(async (w) => {
        await w.run('DELETE FROM units')
        await w.insertMany('units', ['id', 'name', 'name_en', 'kind', 'zone_id'], units.map((u) => ({ id: u.id, name: u.name, name_en: u.nameEn, kind: u.kind, zone_id: u.zoneId })))
        const rows = await w.all(`SELECT ${INCIDENT_COLUMNS} FROM incidents ORDER BY rid`)
        const columns = ['tracking_number', 'unit_id', 'priority', 'report_count', 'rework_count', 'extension_count', 'extension_requested', 'escalated', 'repeat_of', 'deadline_ms', 'accepted_ms', 'dispatched_ms', 'first_handled_ms', 'closed_ms', 'result', 'rating', 'rating_comment', 'closed_at', 'updated_at']
        // Each row's new values over its current ones, then one UPDATE … FROM json per batch rather than one
        // statement per incident (the demo has twelve thousand).
        const updates = rows.map((row) => {
          const incident = toIncident(row)
          const { closedAt, trackingNumber, ...fields } = derive(incident)
          const next: Params = Object.fromEntries(columns.map((c) => [c, row[c]]))
          Object.assign(next, Object.fromEntries(caseColumnValues(fields)))
          // The incident's closing time follows the case's when the derivation sets one.
          if (closedAt !== undefined) Object.assign(next, { closed_at: closedAt, updated_at: closedAt ?? incident.updatedAt })
          // a case keeps the number its reporter was given
          next.tracking_number = row.tracking_number ?? trackingNumber
          return { id: incident.id, ...next }
        })
        for (let i = 0; i < updates.length; i += 5_000) {
          await w.run(
            `UPDATE incidents i SET ${columns.map((c) => `${c} = v.${c}`).join(', ')}
             FROM json_populate_recordset(NULL::incidents, :rows::json) v WHERE i.id = v.id`,
            { rows: JSON.stringify(updates.slice(i, i + 5_000)) },
          )
        }
      })
    },
  }
}
