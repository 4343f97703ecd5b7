// Cases in SQLite: incidents seen through the workflow — reports, steps, timelines, photos, units — and the
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
import { forEachRawPage, type SqliteContext } from './context.ts'
import { caseColumnValues, movedDeadline, toCase, toCaseEvent, toIncident, toPhoto } from '../record-rows.ts'
import { inList, num, spatialJoin, str, strOrNull, where, type Params, type Row } from './sql.ts'
import type Database from 'better-sqlite3'

type CaseTables = Pick<
  Store,
  | 'units' | 'cases' | 'case' | 'caseByTracking' | 'caseEvents' | 'addCaseEvent' | 'createReport' | 'transitionCase' | 'rateCase' | 'addPhoto'
  | 'photos' | 'photo' | 'incidents' | 'incident' | 'seedCases' | 'incidentColumns'
>

/** The WHERE clauses of an incident query (bbox aside: that is a join), bound into `params`. */
function incidentClauses(alias: string, q: Omit<IncidentQuery, 'limit' | 'bbox'>, params: Params): (string | undefined)[] {
  return [
    inList(`${alias}.category`, q.categories, 'c', params),
    inList(`${alias}.status`, q.statuses, 's', params),
    inList(`${alias}.source`, q.sources, 'src', params),
    inList(`${alias}.lamp_id`, q.lampIds, 'lamp', params),
    q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), `${alias}.reported_ms >= :fromMs`),
    q.toMs === undefined ? undefined : ((params.toMs = q.toMs), `${alias}.reported_ms < :toMs`),
  ]
}

const INCIDENT_COLUMNS = ['rid', 'id', 'category', 'status', 'source', 'lon', 'lat', 'reported_at', 'updated_at', 'closed_at', 'description', 'zone_id', 'street_id', 'lamp_id'].map((c) => `i.${c}`).join(', ')

const COLUMN_PAGE = 50_000

export function caseTables(x: SqliteContext): CaseTables {
  return {
    async units(): Promise<ResponsibleUnit[]> {
      return x.all('SELECT * FROM units ORDER BY id').map((r) => ({ id: str(r.id), name: str(r.name), nameEn: str(r.name_en), kind: str(r.kind) as UnitKind, zoneId: strOrNull(r.zone_id) }))
    },

    async cases(q: CaseQuery): Promise<Page<Case>> {
      const params: Params = { limit: q.limit === 'all' ? -1 : q.limit, offset: q.offset ?? 0 }
      const clauses = [
        inList('status', q.statuses, 's', params),
        inList('category', q.categories, 'c', params),
        q.unitId === undefined ? undefined : ((params.unitId = q.unitId), 'unit_id = :unitId'),
        q.zoneId === undefined ? undefined : ((params.zoneId = q.zoneId), 'zone_id = :zoneId'),
        q.deadlineBeforeMs === undefined ? undefined : ((params.deadlineBefore = q.deadlineBeforeMs), 'deadline_ms < :deadlineBefore'),
        q.escalated === undefined ? undefined : ((params.escalated = q.escalated ? 1 : 0), 'escalated = :escalated'),
        q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), 'reported_ms >= :fromMs'),
        q.toMs === undefined ? undefined : ((params.toMs = q.toMs), 'reported_ms < :toMs'),
        q.includeMerged || q.statuses?.includes('merged') ? undefined : "status != 'merged'",
      ]
      const { limit, offset, ...countParams } = params
      const total = num(x.get(`SELECT count(*) AS n FROM incidents${where(clauses)}`, countParams)?.n)
      const order = q.order === 'newest' ? 'reported_ms DESC, rid DESC' : 'priority DESC, deadline_ms, rid'
      const items = x.all(`SELECT * FROM incidents${where(clauses)} ORDER BY ${order} LIMIT :limit OFFSET :offset`, params).map(toCase)
      return { items, total }
    },

    async case(id: string): Promise<Case | undefined> {
      const row = x.get('SELECT * FROM incidents WHERE id = :id', { id })
      return row && toCase(row)
    },

    async caseByTracking(trackingNumber: string): Promise<Case | undefined> {
      const row = x.get('SELECT * FROM incidents WHERE tracking_number = :trackingNumber', { trackingNumber })
      return row && toCase(row)
    },

    async caseEvents(id: string): Promise<CaseEvent[]> {
      return x.all('SELECT * FROM case_events WHERE case_id = :id ORDER BY id', { id }).map(toCaseEvent)
    },

    async createReport(r: NewReport, actor: Actor, at: Date): Promise<Case> {
      return x.write(() => {
        const rid = num(x.get('SELECT coalesce(max(rid), 0) + 1 AS n FROM incidents')?.n)
        const id = incidentId(rid)
        const iso = at.toISOString()
        x.db
          .prepare(
            `INSERT INTO incidents (rid, id, category, status, source, lon, lat, reported_at, reported_ms, updated_at, closed_at, description,
               zone_id, street_id, lamp_id, tracking_number, unit_id, deadline_ms, phone, repeat_of)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(rid, id, r.category, r.status, r.source, r.coordinates[0], r.coordinates[1], iso, at.getTime(), iso, r.description, r.zoneId, r.streetId, r.lampId, r.trackingNumber, r.unitId, r.deadlineMs, r.phone, r.repeatOf)
        x.db.prepare('INSERT INTO incidents_rtree (rid, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)').run(rid, r.coordinates[0], r.coordinates[0], r.coordinates[1], r.coordinates[1])
        x.event(id, at, 'report', null, r.status, actor, r.repeatOf ? `repeat of ${r.repeatOf}` : null)
        const created = toCase(x.get('SELECT * FROM incidents WHERE id = :id', { id }) as Row)
        x.audit(actor, 'case.report', 'case', id, null, { ...created, phone: created.phone === null ? null : '(recorded)' })
        return created
      })
    },

    async addCaseEvent(caseId, at, action, fromStatus, toStatus, actor, note): Promise<void> {
      await x.write(() => x.event(caseId, at, action, fromStatus, toStatus, actor, note))
    },

    async transitionCase(id: string, expectedVersion: number, change: CaseChange, actor: Actor, at: Date): Promise<Case> {
      return x.write(() => {
        const row = x.get('SELECT * FROM incidents WHERE id = :id', { id })
        if (!row) throw new NotFoundError(`case ${id}`)
        const before = toCase(row)
        const iso = at.toISOString()
        const values = caseColumnValues(change.set)
        const params: Params = { id, expected: expectedVersion, status: change.toStatus, updated_at: iso, closed_at: change.toStatus === 'closed' ? iso : before.closedAt }
        values.forEach(([column, value]) => (params[column] = value))
        const sets = ['status = :status', 'updated_at = :updated_at', 'closed_at = :closed_at', 'version = version + 1', ...values.map(([column]) => `${column} = :${column}`)]
        const changed = x.db.prepare(`UPDATE incidents SET ${sets.join(', ')} WHERE id = :id AND version = :expected`).run(params).changes
        if (changed === 0) throw new ConflictError(`case ${id} is at version ${before.version}, not ${expectedVersion}: it changed since you loaded it; reload and try again`)
        x.event(id, at, change.action, before.status, change.toStatus, actor, change.note, movedDeadline(before, change))
        const after = toCase(x.get('SELECT * FROM incidents WHERE id = :id', { id }) as Row)
        x.audit(actor, `case.${change.action}`, 'case', id, { status: before.status, version: before.version }, { status: after.status, version: after.version, note: change.note, ...change.set })
        return after
      })
    },

    async rateCase(id: string, stars: number, comment: string | null, at: Date): Promise<Case> {
      return x.write(() => {
        const row = x.get('SELECT * FROM incidents WHERE id = :id', { id })
        if (!row) throw new NotFoundError(`case ${id}`)
        const before = toCase(row)
        x.db.prepare('UPDATE incidents SET rating = ?, rating_comment = ?, version = version + 1 WHERE id = ?').run(stars, comment, id)
        const actor = { userId: null, username: 'citizen' }
        x.event(id, at, 'rate', before.status, before.status, actor, `${stars}★`)
        x.audit(actor, 'case.rate', 'case', id, null, { rating: stars })
        return toCase(x.get('SELECT * FROM incidents WHERE id = :id', { id }) as Row)
      })
    },

    async addPhoto(p: CasePhoto, actor: Actor): Promise<void> {
      await x.write(() => {
        x.db.prepare('INSERT INTO photos (id, case_id, stage, content_type, bytes, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(p.id, p.caseId, p.stage, p.contentType, p.bytes, p.uploadedAt, p.uploadedBy)
        x.event(p.caseId, new Date(p.uploadedAt), 'photo', null, null, actor, p.stage)
        x.audit(actor, 'case.photo', 'case', p.caseId, null, { photo: p.id, stage: p.stage, bytes: p.bytes })
      })
    },

    async photos(caseId: string): Promise<CasePhoto[]> {
      return x.all('SELECT * FROM photos WHERE case_id = :caseId ORDER BY uploaded_at, id', { caseId }).map(toPhoto)
    },

    async photo(id: string): Promise<CasePhoto | undefined> {
      const row = x.get('SELECT * FROM photos WHERE id = :id', { id })
      return row && toPhoto(row)
    },

    async incidents(q: IncidentQuery): Promise<Page<Incident>> {
      const params: Params = { limit: q.limit === 'all' ? -1 : q.limit }
      // A lamp's reports: its index, always. Left to itself the planner takes the category index for the ORDER BY
      // and reads every outage report in the district (300 ms at 100k incidents) to find one lamp's.
      const lampIndex = q.lampIds && q.lampIds.length > 0 && !q.bbox ? ' INDEXED BY incidents_lamp' : ''
      const from = `FROM incidents i${lampIndex}${spatialJoin('incidents', 'i', q.bbox, params)}${where([
        inList('i.category', q.categories, 'c', params),
        inList('i.status', q.statuses, 's', params),
        inList('i.source', q.sources, 'src', params),
        inList('i.lamp_id', q.lampIds, 'lamp', params),
        q.fromMs === undefined ? undefined : ((params.fromMs = q.fromMs), 'i.reported_ms >= :fromMs'),
        q.toMs === undefined ? undefined : ((params.toMs = q.toMs), 'i.reported_ms < :toMs'),
      ])}`
      const { limit, ...countParams } = params
      const total = num(x.get(`SELECT count(*) AS n ${from}`, countParams)?.n)
      // The incident's own fourteen columns, not the case's thirty-four: a map layer or a tile reads thousands of
      // rows, and each extra column costs heap and garbage collection per row (5× the time at 1,000 rows).
      const items = x.all(`SELECT ${INCIDENT_COLUMNS} ${from} ORDER BY i.reported_ms, i.rid LIMIT :limit`, params).map(toIncident)
      return { items, total }
    },

    async incidentColumns(q = {}): Promise<IncidentColumns> {
      if (q.ids !== undefined) {
        const params: Params = {}
        const out = new IncidentColumnsBuilder(q.ids.length)
        for (const r of x.db.prepare(`SELECT ${INCIDENT_COLUMNS_SQL} FROM incidents i WHERE ${inList('i.id', q.ids, 'id', params)}`).raw().all(params) as unknown[][]) out.push(r)
        return out.finish()
      }
      // Raw rows (no record object per incident) in pages of the table's own order, letting other requests run
      // between pages: two million rows take seconds to read.
      const out = new IncidentColumnsBuilder(num(x.get('SELECT count(*) AS n FROM incidents')?.n))
      await forEachRawPage(x.db, `SELECT ${INCIDENT_COLUMNS_SQL} FROM incidents i WHERE i.rid > ? ORDER BY i.rid LIMIT ${COLUMN_PAGE}`, COLUMN_PAGE, 0, (r) => out.push(r))
      return out.finish()
    },

    async incident(id: string): Promise<Incident | undefined> {
      const row = x.get('SELECT * FROM incidents WHERE id = :id', { id })
      return row && toIncident(row)
    },

    async seedCases(units: readonly ResponsibleUnit[], derive: (incident: Incident) => Partial<CaseFields> & { trackingNumber: string; closedAt?: string | null }): Promise<void> {
      await x.write(() => {
        x.db.exec('DELETE FROM units')
        const unit = x.db.prepare('INSERT INTO units (id, name, name_en, kind, zone_id) VALUES (?, ?, ?, ?, ?)')
        for (const u of units) unit.run(u.id, u.name, u.nameEn, u.kind, u.zoneId)
        const rows = x.all('SELECT * FROM incidents ORDER BY rid')
        // Rows differ in which fields they set; prepare each distinct UPDATE once (a dozen shapes for 12k rows).
        const statements = new Map<string, Database.Statement>()
        for (const row of rows) {
          const incident = toIncident(row)
          const { closedAt, trackingNumber, ...fields } = derive(incident)
          const values = caseColumnValues(fields)
          // The incident's closing time follows the case's when the derivation sets one.
          if (closedAt !== undefined) values.push(['closed_at', closedAt], ['updated_at', closedAt ?? incident.updatedAt])
          const params: Params = { id: incident.id, tracking: row.tracking_number ?? trackingNumber } // a case keeps the number its reporter was given
          values.forEach(([column, value]) => (params[column] = value))
          const sql = `UPDATE incidents SET ${['tracking_number = :tracking', ...values.map(([c]) => `${c} = :${c}`)].join(', ')} WHERE id = :id`
          let statement = statements.get(sql)
          if (!statement) statements.set(sql, (statement = x.db.prepare(sql)))
          statement.run(params)
        }
      })
    },
  }
}
