// The district's tables in PostgreSQL: streets and their categories, lamps and their status history, guidance
// points, zones, the grid and the base layers, and the bulk load that seeds them.
import type { BBox } from '../../kernel/geo.ts'
import type { Building, DemoDistrict, GridCell, Intersection, LampStatusChange, StoredLamp, Street, WaterFeature, Zone } from '../../kernel/records.ts'
import { OPEN_INCIDENT_STATUSES, type LampStatus, type StreetCategory } from '../../kernel/statuses.ts'
import { LAMP_OUTAGE_CATEGORY } from '../../kernel/categories.ts'
import { guidancePointId } from '../../kernel/record-ids.ts'
import type { Actor } from '../../domain/roles.ts'
import type { GuidancePoint, StreetCategoryChange } from '../../domain/guidance-points.ts'
import { ConflictError, NotFoundError } from '../../kernel/errors.ts'
import { LampPointsBuilder, type LampPoints } from '../lamp-points.ts'
import type { GuidancePointPatch, LampQuery, LampWritten, NewGuidancePoint, Store, StoreCounts, StoreInfo, StoreSummary, StreetQuery } from '../store.ts'
import { guidancePointColumns, toBuilding, toCategoryChange, toGuidancePoint, toIntersection, toLamp, toLampChange, toStreet, toUnitCell, toWater, toZone } from '../record-rows.ts'
import { json, num, type Params, type Row } from '../row-values.ts'
import { anyOf, auditInsertFor, auditParams, bboxClause, where, type PgContext } from './context.ts'

type DistrictTables = Pick<
  Store,
  | 'info' | 'summary' | 'streets' | 'street' | 'lamps' | 'lamp' | 'updateStreetCategory' | 'streetCategoryHistory' | 'zones' | 'intersections' | 'gridCells'
  | 'buildings' | 'water' | 'seedDistrict' | 'lampPoints' | 'guidancePoints' | 'guidancePoint' | 'createGuidancePoint' | 'updateGuidancePoint' | 'lampHistory' | 'lampChangesBetween' | 'updateLampStatus'
>

// Every column but the generated `shape` (and `rid` where PostgreSQL numbers the rows).
const STREET_COLUMNS = 'rid, id, osm_id, name, name_en, highway, category, length_m, zone_id, geom'
const LAMP_COLUMNS = 'rid, id, lon, lat, status, street_id, height_m, maintainer, installed_at, status_changed_at, version'

export const intersectionRow = (i: Intersection, rid: number): Params => ({ rid, id: i.id, osm_id: i.osmId, lon: i.coordinates[0], lat: i.coordinates[1], street_ids: JSON.stringify(i.streetIds), names: JSON.stringify(i.names), degree: i.degree })
export const gridRow = (g: GridCell, rid: number): Params => ({ rid, code: g.code, zone_id: g.zoneId, community: g.community, geom: JSON.stringify(g.coordinates) })
export const buildingRow = (b: Building, rid: number): Params => ({ rid, id: b.id, osm_id: b.osmId, name: b.name, geom: JSON.stringify(b.coordinates) })
export const waterRow = (w: WaterFeature, rid: number): Params => ({ rid, id: w.id, osm_id: w.osmId, name: w.name, kind: w.kind, geom: JSON.stringify(w.coordinates) })
export const zoneRow = (z: Zone): Params => ({ id: z.id, code: z.code, name: z.name, name_en: z.nameEn, geom: JSON.stringify(z.coordinates) })
export const streetRow = (s: Street, rid?: number): Params => ({ rid, id: s.id, osm_id: s.osmId, name: s.name, name_en: s.nameEn, highway: s.highway, category: s.category, length_m: s.lengthM, zone_id: s.zoneId, geom: JSON.stringify(s.coordinates) })

export function districtTables(x: PgContext): DistrictTables {
  const summary = async (): Promise<StoreSummary> => {
    const row = (await x.get(
      `SELECT (SELECT max(version) FROM schema_migrations) AS schema_version, (SELECT value FROM meta WHERE key = 'bounds') AS bounds,
              (SELECT value FROM meta WHERE key = 'demo') AS demo`,
    )) as Row
    return { kind: 'postgres', schemaVersion: num(row.schema_version), bounds: row.bounds == null ? undefined : json<BBox>(row.bounds), demo: row.demo === 'true' }
  }

  return {
    summary,

    async info(): Promise<StoreInfo> {
      // one round trip for the eight counts (after the summary's: inside a transaction both share one connection)
      const about = await summary()
      const row = (await x.get(
        `SELECT (SELECT count(*) FROM streets) AS streets, (SELECT count(*) FROM intersections) AS intersections,
                (SELECT count(*) FROM buildings) AS buildings, (SELECT count(*) FROM water) AS water,
                (SELECT count(*) FROM zones) AS zones, (SELECT count(*) FROM grid_cells) AS grid,
                (SELECT count(*) FROM lamps) AS lamps, (SELECT count(*) FROM incidents) AS incidents`,
      )) as Row
      const counts: StoreCounts = {
        streets: num(row.streets),
        intersections: num(row.intersections),
        buildings: num(row.buildings),
        water: num(row.water),
        zones: num(row.zones),
        grid: num(row.grid),
        lamps: num(row.lamps),
        incidents: num(row.incidents),
      }
      return { ...about, counts }
    },

    async streets(q: StreetQuery): Promise<Street[]> {
      const params: Params = {}
      const sql = `SELECT ${STREET_COLUMNS} FROM streets s${where([bboxClause('s', q.bbox, params), anyOf('s.category', q.categories, 'categories', params)])} ORDER BY s.rid`
      return (await x.all(sql, params)).map(toStreet)
    },

    async street(id: string): Promise<Street | undefined> {
      const row = await x.get(`SELECT ${STREET_COLUMNS} FROM streets WHERE id = :id`, { id })
      return row && toStreet(row)
    },

    async lamps(q: LampQuery): Promise<StoredLamp[]> {
      const params: Params = {}
      const sql = `SELECT ${LAMP_COLUMNS} FROM lamps l${where([bboxClause('l', q.bbox, params), anyOf('l.status', q.statuses, 'statuses', params)])} ORDER BY l.rid`
      return (await x.all(sql, params)).map(toLamp)
    },

    async lampPoints(): Promise<LampPoints> {
      // pages in key order, as arrays: the driver never holds a million lamp objects
      const out = new LampPointsBuilder()
      const PAGE = 100_000
      for (let after = Number.MIN_SAFE_INTEGER; ; ) {
        const rows = await x.allArrays(`SELECT id, lon, lat, status, rid FROM lamps WHERE rid > :after ORDER BY rid LIMIT ${PAGE}`, { after })
        for (const r of rows) out.push(r)
        if (rows.length < PAGE) break
        after = Number(rows[rows.length - 1]![4])
      }
      return out.finish()
    },

    async lamp(id: string): Promise<StoredLamp | undefined> {
      const row = await x.get(`SELECT ${LAMP_COLUMNS} FROM lamps WHERE id = :id`, { id })
      return row && toLamp(row)
    },

    async updateStreetCategory(ids: readonly string[], category: StreetCategory, reason: string, actor: Actor, at: Date): Promise<Street[]> {
      return x.write(async (w) => {
        const iso = at.toISOString()
        const updated: Street[] = []
        for (const id of ids) {
          const row = await w.get(`SELECT ${STREET_COLUMNS} FROM streets WHERE id = :id FOR UPDATE`, { id })
          if (!row) throw new NotFoundError(`street ${id}`)
          const before = toStreet(row)
          if (before.category !== category) {
            await w.run('UPDATE streets SET category = :category WHERE id = :id', { category, id })
            await w.run(
              'INSERT INTO street_category_history (street_id, from_category, to_category, reason, user_id, username, at) VALUES (:id, :from, :to, :reason, :userId, :username, :at)',
              { id, from: before.category, to: category, reason, userId: actor.userId, username: actor.username, at: iso },
            )
            await w.audit(actor, 'street.category', 'street', id, { category: before.category }, { category, reason })
          }
          updated.push({ ...before, category })
        }
        return updated
      })
    },

    async streetCategoryHistory(streetId: string): Promise<StreetCategoryChange[]> {
      return (await x.all('SELECT * FROM street_category_history WHERE street_id = :streetId ORDER BY id DESC', { streetId })).map(toCategoryChange)
    },

    async zones(): Promise<Zone[]> {
      return (await x.all('SELECT id, code, name, name_en, geom FROM zones ORDER BY id')).map(toZone)
    },

    async intersections(q: { bbox?: BBox }): Promise<Intersection[]> {
      const params: Params = {}
      return (await x.all(`SELECT id, osm_id, lon, lat, street_ids, names, degree FROM intersections i${where([bboxClause('i', q.bbox, params)])} ORDER BY i.rid`, params)).map(toIntersection)
    },

    async gridCells(q: { bbox?: BBox }): Promise<GridCell[]> {
      const params: Params = {}
      return (await x.all(`SELECT code, zone_id, community, geom FROM grid_cells g${where([bboxClause('g', q.bbox, params)])} ORDER BY g.rid`, params)).map(toUnitCell)
    },

    async buildings(q: { bbox?: BBox }): Promise<Building[]> {
      const params: Params = {}
      return (await x.all(`SELECT id, osm_id, name, geom FROM buildings b${where([bboxClause('b', q.bbox, params)])} ORDER BY b.rid`, params)).map(toBuilding)
    },

    async water(q: { bbox?: BBox }): Promise<WaterFeature[]> {
      const params: Params = {}
      return (await x.all(`SELECT id, osm_id, name, kind, geom FROM water w${where([bboxClause('w', q.bbox, params)])} ORDER BY w.rid`, params)).map(toWater)
    },

    async seedDistrict(d: DemoDistrict, options: { demo: boolean }): Promise<void> {
      await x.write(async (w) => {
        await w.query('TRUNCATE zones, streets, intersections, buildings, water, grid_cells, lamps, incidents')
        await w.insertMany('zones', ['id', 'code', 'name', 'name_en', 'geom'], d.zones.map(zoneRow))
        await w.insertMany('streets', STREET_COLUMNS.split(', '), d.streets.map((s, i) => streetRow(s, i + 1)))
        await w.insertMany('intersections', ['rid', 'id', 'osm_id', 'lon', 'lat', 'street_ids', 'names', 'degree'], d.intersections.map((i, n) => intersectionRow(i, n + 1)))
        await w.insertMany('buildings', ['rid', 'id', 'osm_id', 'name', 'geom'], d.buildings.map((b, i) => buildingRow(b, i + 1)))
        await w.insertMany('water', ['rid', 'id', 'osm_id', 'name', 'kind', 'geom'], d.water.map((v, i) => waterRow(v, i + 1)))
        await w.insertMany('grid_cells', ['rid', 'code', 'zone_id', 'community', 'geom'], d.grid.map((g, i) => gridRow(g, i + 1)))
        await w.insertMany(
          'lamps',
          ['rid', 'id', 'lon', 'lat', 'status', 'street_id', 'height_m', 'maintainer', 'installed_at', 'status_changed_at'],
          d.lamps.map((l, i) => ({ rid: i + 1, id: l.id, lon: l.coordinates[0], lat: l.coordinates[1], status: l.status, street_id: l.streetId, height_m: l.heightM, maintainer: l.maintainer, installed_at: l.installedAt, status_changed_at: l.statusChangedAt })),
        )
        await w.insertMany(
          'incidents',
          ['rid', 'id', 'category', 'status', 'source', 'lon', 'lat', 'reported_at', 'reported_ms', 'updated_at', 'closed_at', 'description', 'zone_id', 'street_id', 'lamp_id'],
          d.incidents.map((c, i) => ({ rid: i + 1, id: c.id, category: c.category, status: c.status, source: c.source, lon: c.coordinates[0], lat: c.coordinates[1], reported_at: c.reportedAt, reported_ms: Date.parse(c.reportedAt), updated_at: c.updatedAt, closed_at: c.closedAt, description: c.description, zone_id: c.zoneId, street_id: c.streetId, lamp_id: c.lampId })),
        )
        for (const table of ['zones', 'streets', 'intersections', 'buildings', 'water', 'grid_cells', 'lamps', 'incidents']) await w.resetRidSequence(table)
        const setMeta = (key: string, value: string) => w.run('INSERT INTO meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value', { key, value })
        await setMeta('bounds', JSON.stringify(d.bounds))
        await setMeta('demo', String(options.demo))
        await setMeta('seeded_at', new Date().toISOString())
      })
      // fresh statistics for the planner after a bulk load (outside the transaction: ANALYZE may not run inside one
      // on some setups, and it is advice, not data)
      await x.query('ANALYZE').catch(() => undefined)
    },

    async guidancePoints(q: { includeRetired?: boolean }): Promise<GuidancePoint[]> {
      const sql = q.includeRetired ? 'SELECT * FROM guidance_points ORDER BY rid' : "SELECT * FROM guidance_points WHERE status != 'retired' ORDER BY rid"
      return (await x.all(sql)).map(toGuidancePoint)
    },

    async guidancePoint(id: string): Promise<GuidancePoint | undefined> {
      const row = await x.get('SELECT * FROM guidance_points WHERE id = :id', { id })
      return row && toGuidancePoint(row)
    },

    async createGuidancePoint(p: NewGuidancePoint, actor: Actor, at: Date): Promise<GuidancePoint> {
      return x.write(async (w) => {
        // the sequence numbers points across instances; a rolled-back creation leaves a gap, never a duplicate
        const next = num((await w.get("SELECT nextval(pg_get_serial_sequence('guidance_points', 'rid')) AS n"))?.n)
        const id = guidancePointId(next)
        const iso = at.toISOString()
        const created = toGuidancePoint(
          (await w.get(
            `INSERT INTO guidance_points (rid, id, name, geom, capacity, opening_hours, allowed_goods, unit, off_street, status, created_at, created_by, updated_at)
             VALUES (:rid, :id, :name, :geom, :capacity, :openingHours, :allowedGoods, :unit, :offStreet, 'proposed', :at, :by, :at) RETURNING *`,
            { rid: next, id, name: p.name, geom: JSON.stringify(p.geometry), capacity: p.capacity, openingHours: p.openingHours, allowedGoods: p.allowedGoods, unit: p.unit, offStreet: p.offStreet ? 1 : 0, at: iso, by: actor.username },
          )) as Row,
        )
        await w.audit(actor, 'guidance-point.create', 'guidance-point', id, null, created)
        return created
      })
    },

    async updateGuidancePoint(id: string, patch: GuidancePointPatch, actor: Actor, at: Date, expectedVersion?: number): Promise<GuidancePoint> {
      return x.write(async (w) => {
        const row = await w.get('SELECT * FROM guidance_points WHERE id = :id FOR UPDATE', { id })
        if (!row) throw new NotFoundError(`guidance point ${id}`)
        const before = toGuidancePoint(row)
        if (expectedVersion !== undefined && expectedVersion !== before.version) {
          throw new ConflictError(`guidance point ${id} is at version ${before.version}, not ${expectedVersion}: someone else changed it; reload and try again`)
        }
        const sets = guidancePointColumns(patch)
        const after = toGuidancePoint(
          (await w.get(
            `UPDATE guidance_points SET ${[...sets.map(([k]) => `${k} = :${k}`), 'updated_at = :updated_at', 'version = version + 1'].join(', ')} WHERE id = :id RETURNING *`,
            { id, updated_at: at.toISOString(), ...Object.fromEntries(sets) },
          )) as Row,
        )
        await w.audit(actor, 'guidance-point.update', 'guidance-point', id, before, after)
        return after
      })
    },

    async lampChangesBetween(fromMs: number, toMs: number): Promise<LampStatusChange[]> {
      const params = { fromAt: new Date(fromMs).toISOString(), toAt: new Date(toMs).toISOString() }
      return (await x.all('SELECT * FROM lamp_status_history WHERE at >= :fromAt AND at < :toAt ORDER BY at, id', params)).map(toLampChange)
    },

    async lampHistory(id: string): Promise<LampStatusChange[]> {
      return (await x.all('SELECT * FROM lamp_status_history WHERE lamp_id = :id ORDER BY id DESC', { id })).map(toLampChange)
    },

    async updateLampStatus(before: StoredLamp, status: LampStatus, actor: Actor, at: Date, closedCaseIds: readonly string[]): Promise<LampWritten> {
      const { id } = before
      const iso = at.toISOString()
      const lamp: StoredLamp = { ...before, status, statusChangedAt: before.status !== status ? iso : before.statusChangedAt, version: before.version + 1 }
      // One statement, one round trip: the lamp is changed only if still at the version the caller read (so `before`
      // is what it was: every change bumps the version), and its history and audit entry are written only if it
      // was. A second instance repairing the same lamp waits on the row lock, then finds the version moved. Atomic by
      // itself, it needs no transaction or savepoint of its own inside the caller's.
      const params = {
        id,
        expected: before.version,
        status,
        changedAt: lamp.statusChangedAt,
        version: lamp.version,
        at: iso,
        from: before.status,
        userId: actor.userId,
        username: actor.username,
        closed: JSON.stringify(closedCaseIds),
        outage: LAMP_OUTAGE_CATEGORY,
        open: OPEN_INCIDENT_STATUSES,
        ...auditParams(actor, 'lamp.update', 'lamp', id, before, { ...lamp, closedIncidentIds: closedCaseIds }),
      }
      const row = await x.get(
        `WITH changed AS (UPDATE lamps SET status = :status, status_changed_at = :changedAt, version = :version WHERE id = :id AND version = :expected RETURNING id),
              history AS (INSERT INTO lamp_status_history (lamp_id, at, from_status, to_status, user_id, username, closed_case_ids)
                          SELECT :id, :at, :from, :status, :userId, :username, :closed FROM changed),
              audit AS (${auditInsertFor('changed')})
         SELECT count(*) AS n,
                EXISTS (SELECT 1 FROM incidents WHERE lamp_id = :id AND category = :outage AND status = ANY(:open::text[])) AS reported_out
         FROM changed`,
        params,
      )
      // the reports as of this statement: those the caller's transaction closed before it are seen closed
      if (num(row?.n) === 1) return { lamp, reportedOut: row!.reported_out === true }
      const now = await x.get('SELECT version FROM lamps WHERE id = :id', { id })
      if (!now) throw new NotFoundError(`lamp ${id}`)
      throw new ConflictError(`lamp ${id} is at version ${num(now.version)}, not ${before.version}: someone changed it since you loaded it; reload and try again`)
    },
  }
}
