// The district's tables in SQLite: streets and their categories, lamps and their status history, guidance points,
// zones, the grid and the base layers, and the bulk load that seeds them.
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
import { forEachRawPage, type SqliteContext } from './context.ts'
import { guidancePointColumns, toBuilding, toCategoryChange, toGuidancePoint, toIntersection, toLamp, toLampChange, toStreet, toUnitCell, toWater, toZone } from '../record-rows.ts'
import { boundsOf, inList, json, num, spatialJoin, where, type Params, type Row } from './sql.ts'

type DistrictTables = Pick<
  Store,
  | 'info' | 'summary' | 'streets' | 'street' | 'lamps' | 'lamp' | 'updateStreetCategory' | 'streetCategoryHistory' | 'zones' | 'intersections' | 'gridCells'
  | 'buildings' | 'water' | 'seedDistrict' | 'lampPoints' | 'guidancePoints' | 'guidancePoint' | 'createGuidancePoint' | 'updateGuidancePoint' | 'lampHistory' | 'lampChangesBetween' | 'updateLampStatus'
>

const LAMP_PAGE = 50_000

export function districtTables(x: SqliteContext): DistrictTables {
  const summary = (): StoreSummary => {
    const meta = (key: string) => x.get('SELECT value FROM meta WHERE key = :key', { key })?.value
    const bounds = meta('bounds')
    return { kind: 'sqlite', schemaVersion: num(x.get('SELECT max(version) AS v FROM schema_migrations')?.v), bounds: bounds === undefined ? undefined : json<BBox>(bounds), demo: meta('demo') === 'true' }
  }

  return {
    async summary(): Promise<StoreSummary> {
      return summary()
    },

    async info(): Promise<StoreInfo> {
      const count = (table: string) => num(x.get(`SELECT count(*) AS n FROM ${table}`)?.n)
      const counts: StoreCounts = {
        streets: count('streets'),
        intersections: count('intersections'),
        buildings: count('buildings'),
        water: count('water'),
        zones: count('zones'),
        grid: count('grid_cells'),
        lamps: count('lamps'),
        incidents: count('incidents'),
      }
      return { ...summary(), counts }
    },

    async streets(q: StreetQuery): Promise<Street[]> {
      const params: Params = {}
      const sql = `SELECT s.* FROM streets s${spatialJoin('streets', 's', q.bbox, params)}${where([inList('s.category', q.categories, 'c', params)])} ORDER BY s.rid`
      return x.all(sql, params).map(toStreet)
    },

    async street(id: string): Promise<Street | undefined> {
      const row = x.get('SELECT * FROM streets WHERE id = :id', { id })
      return row && toStreet(row)
    },

    async lamps(q: LampQuery): Promise<StoredLamp[]> {
      const params: Params = {}
      const sql = `SELECT l.* FROM lamps l${spatialJoin('lamps', 'l', q.bbox, params)}${where([inList('l.status', q.statuses, 's', params)])} ORDER BY l.rid`
      return x.all(sql, params).map(toLamp)
    },

    async lampPoints(): Promise<LampPoints> {
      // raw rows in pages of the table's order, letting other requests run between pages (a megacity has a million)
      const out = new LampPointsBuilder()
      await forEachRawPage(x.db, `SELECT id, lon, lat, status, rid FROM lamps WHERE rid > ? ORDER BY rid LIMIT ${LAMP_PAGE}`, LAMP_PAGE, 4, (r) => out.push(r))
      return out.finish()
    },

    async lamp(id: string): Promise<StoredLamp | undefined> {
      const row = x.get('SELECT * FROM lamps WHERE id = :id', { id })
      return row && toLamp(row)
    },

    async updateStreetCategory(ids: readonly string[], category: StreetCategory, reason: string, actor: Actor, at: Date): Promise<Street[]> {
      return x.write(() => {
        const iso = at.toISOString()
        const updated: Street[] = []
        for (const id of ids) {
          const row = x.get('SELECT * FROM streets WHERE id = :id', { id })
          if (!row) throw new NotFoundError(`street ${id}`)
          const before = toStreet(row)
          if (before.category !== category) {
            x.db.prepare('UPDATE streets SET category = ? WHERE id = ?').run(category, id)
            x.db
              .prepare('INSERT INTO street_category_history (street_id, from_category, to_category, reason, user_id, username, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
              .run(id, before.category, category, reason, actor.userId, actor.username, iso)
            x.audit(actor, 'street.category', 'street', id, { category: before.category }, { category, reason })
          }
          updated.push({ ...before, category })
        }
        return updated
      })
    },

    async streetCategoryHistory(streetId: string): Promise<StreetCategoryChange[]> {
      return x.all('SELECT * FROM street_category_history WHERE street_id = :streetId ORDER BY id DESC', { streetId }).map(toCategoryChange)
    },

    async zones(): Promise<Zone[]> {
      return x.all('SELECT * FROM zones ORDER BY id').map(toZone)
    },

    async intersections(q: { bbox?: BBox }): Promise<Intersection[]> {
      const params: Params = {}
      return x.all(`SELECT x.* FROM intersections x${spatialJoin('intersections', 'x', q.bbox, params)} ORDER BY x.rid`, params).map(toIntersection)
    },

    async gridCells(q: { bbox?: BBox }): Promise<GridCell[]> {
      const params: Params = {}
      return x.all(`SELECT g.* FROM grid_cells g${spatialJoin('grid_cells', 'g', q.bbox, params)} ORDER BY g.rid`, params).map(toUnitCell)
    },

    async buildings(q: { bbox?: BBox }): Promise<Building[]> {
      const params: Params = {}
      return x.all(`SELECT b.* FROM buildings b${spatialJoin('buildings', 'b', q.bbox, params)} ORDER BY b.rid`, params).map(toBuilding)
    },

    async water(q: { bbox?: BBox }): Promise<WaterFeature[]> {
      const params: Params = {}
      return x.all(`SELECT w.* FROM water w${spatialJoin('water', 'w', q.bbox, params)} ORDER BY w.rid`, params).map(toWater)
    },

    async seedDistrict(d: DemoDistrict, options: { demo: boolean }): Promise<void> {
      const db = x.db
      const indexed = (table: string, columns: string[]) => {
        const insert = db.prepare(`INSERT INTO ${table} (rid, ${columns.join(', ')}) VALUES (:rid, ${columns.map((c) => `:${c}`).join(', ')})`)
        const index = db.prepare(`INSERT INTO ${table}_rtree (rid, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)`)
        return (rid: number, row: Params, coords: unknown) => {
          insert.run({ rid, ...row })
          const [w, s, e, n] = boundsOf(coords)
          index.run(rid, w, e, s, n)
        }
      }
      await x.write(() => {
        for (const t of ['zones', 'streets', 'intersections', 'buildings', 'water', 'grid_cells', 'lamps', 'incidents']) {
          db.exec(`DELETE FROM ${t}`)
          if (t !== 'zones') db.exec(`DELETE FROM ${t}_rtree`)
        }
        const zone = db.prepare('INSERT INTO zones (id, code, name, name_en, geom) VALUES (:id, :code, :name, :name_en, :geom)')
        for (const z of d.zones) zone.run({ id: z.id, code: z.code, name: z.name, name_en: z.nameEn, geom: JSON.stringify(z.coordinates) })

        const street = indexed('streets', ['id', 'osm_id', 'name', 'name_en', 'highway', 'category', 'length_m', 'zone_id', 'geom'])
        d.streets.forEach((s, i) =>
          street(i + 1, { id: s.id, osm_id: s.osmId, name: s.name, name_en: s.nameEn, highway: s.highway, category: s.category, length_m: s.lengthM, zone_id: s.zoneId, geom: JSON.stringify(s.coordinates) }, s.coordinates),
        )
        const intersection = indexed('intersections', ['id', 'osm_id', 'lon', 'lat', 'street_ids', 'names', 'degree'])
        d.intersections.forEach((x, i) =>
          intersection(i + 1, { id: x.id, osm_id: x.osmId, lon: x.coordinates[0], lat: x.coordinates[1], street_ids: JSON.stringify(x.streetIds), names: JSON.stringify(x.names), degree: x.degree }, x.coordinates),
        )
        const building = indexed('buildings', ['id', 'osm_id', 'name', 'geom'])
        d.buildings.forEach((b, i) => building(i + 1, { id: b.id, osm_id: b.osmId, name: b.name, geom: JSON.stringify(b.coordinates) }, b.coordinates))
        const water = indexed('water', ['id', 'osm_id', 'name', 'kind', 'geom'])
        d.water.forEach((w, i) => water(i + 1, { id: w.id, osm_id: w.osmId, name: w.name, kind: w.kind, geom: JSON.stringify(w.coordinates) }, w.coordinates))
        const cell = indexed('grid_cells', ['code', 'zone_id', 'community', 'geom'])
        d.grid.forEach((g, i) => cell(i + 1, { code: g.code, zone_id: g.zoneId, community: g.community, geom: JSON.stringify(g.coordinates) }, g.coordinates))
        const lamp = indexed('lamps', ['id', 'lon', 'lat', 'status', 'street_id', 'height_m', 'maintainer', 'installed_at', 'status_changed_at'])
        d.lamps.forEach((l, i) =>
          lamp(i + 1, { id: l.id, lon: l.coordinates[0], lat: l.coordinates[1], status: l.status, street_id: l.streetId, height_m: l.heightM, maintainer: l.maintainer, installed_at: l.installedAt, status_changed_at: l.statusChangedAt }, l.coordinates),
        )
        const incident = indexed('incidents', ['id', 'category', 'status', 'source', 'lon', 'lat', 'reported_at', 'reported_ms', 'updated_at', 'closed_at', 'description', 'zone_id', 'street_id', 'lamp_id'])
        d.incidents.forEach((x, i) =>
          incident(
            i + 1,
            { id: x.id, category: x.category, status: x.status, source: x.source, lon: x.coordinates[0], lat: x.coordinates[1], reported_at: x.reportedAt, reported_ms: Date.parse(x.reportedAt), updated_at: x.updatedAt, closed_at: x.closedAt, description: x.description, zone_id: x.zoneId, street_id: x.streetId, lamp_id: x.lampId },
            x.coordinates,
          ),
        )
        const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        meta.run('bounds', JSON.stringify(d.bounds))
        meta.run('demo', String(options.demo))
        meta.run('seeded_at', new Date().toISOString())
      })
    },

    async guidancePoints(q: { includeRetired?: boolean }): Promise<GuidancePoint[]> {
      const sql = q.includeRetired ? 'SELECT * FROM guidance_points ORDER BY rid' : "SELECT * FROM guidance_points WHERE status != 'retired' ORDER BY rid"
      return x.all(sql).map(toGuidancePoint)
    },

    async guidancePoint(id: string): Promise<GuidancePoint | undefined> {
      const row = x.get('SELECT * FROM guidance_points WHERE id = :id', { id })
      return row && toGuidancePoint(row)
    },

    async createGuidancePoint(p: NewGuidancePoint, actor: Actor, at: Date): Promise<GuidancePoint> {
      return x.write(() => {
        const next = num(x.get('SELECT coalesce(max(rid), 0) + 1 AS n FROM guidance_points')?.n)
        const id = guidancePointId(next)
        const iso = at.toISOString()
        x.db
          .prepare(
            `INSERT INTO guidance_points (rid, id, name, geom, capacity, opening_hours, allowed_goods, unit, off_street, status, created_at, created_by, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?)`,
          )
          .run(next, id, p.name, JSON.stringify(p.geometry), p.capacity, p.openingHours, p.allowedGoods, p.unit, p.offStreet ? 1 : 0, iso, actor.username, iso)
        const created = toGuidancePoint(x.get('SELECT * FROM guidance_points WHERE id = :id', { id }) as Row)
        x.audit(actor, 'guidance-point.create', 'guidance-point', id, null, created)
        return created
      })
    },

    async updateGuidancePoint(id: string, patch: GuidancePointPatch, actor: Actor, at: Date, expectedVersion?: number): Promise<GuidancePoint> {
      return x.write(() => {
        const row = x.get('SELECT * FROM guidance_points WHERE id = :id', { id })
        if (!row) throw new NotFoundError(`guidance point ${id}`)
        const before = toGuidancePoint(row)
        if (expectedVersion !== undefined && expectedVersion !== before.version) {
          throw new ConflictError(`guidance point ${id} is at version ${before.version}, not ${expectedVersion}: someone else changed it; reload and try again`)
        }
        const sets = guidancePointColumns(patch)
        const params: Params = { id, updated_at: at.toISOString(), ...Object.fromEntries(sets) }
        x.db
          .prepare(`UPDATE guidance_points SET ${[...sets.map(([k]) => `${k} = :${k}`), 'updated_at = :updated_at', 'version = version + 1'].join(', ')} WHERE id = :id`)
          .run(params)
        const after = toGuidancePoint(x.get('SELECT * FROM guidance_points WHERE id = :id', { id }) as Row)
        x.audit(actor, 'guidance-point.update', 'guidance-point', id, before, after)
        return after
      })
    },

    async lampChangesBetween(fromMs: number, toMs: number): Promise<LampStatusChange[]> {
      const params = { fromAt: new Date(fromMs).toISOString(), toAt: new Date(toMs).toISOString() }
      return (x.all('SELECT * FROM lamp_status_history WHERE at >= :fromAt AND at < :toAt ORDER BY at, id', params)).map(toLampChange)
    },

    async lampHistory(id: string): Promise<LampStatusChange[]> {
      return x.all('SELECT * FROM lamp_status_history WHERE lamp_id = :id ORDER BY id DESC', { id }).map(toLampChange)
    },

    async updateLampStatus(read: StoredLamp, status: LampStatus, actor: Actor, at: Date, closedCaseIds: readonly string[]): Promise<LampWritten> {
      const { id, version: expectedVersion } = read
      return x.write(() => {
        // read again here, in-process and under the write lock: what is stored now is what the audit records
        const row = x.get('SELECT * FROM lamps WHERE id = :id', { id })
        if (!row) throw new NotFoundError(`lamp ${id}`)
        const before = toLamp(row)
        if (before.version !== expectedVersion) {
          throw new ConflictError(`lamp ${id} is at version ${before.version}, not ${expectedVersion}: someone changed it since you loaded it; reload and try again`)
        }
        const iso = at.toISOString()
        x.db.prepare('UPDATE lamps SET status = ?, status_changed_at = ?, version = version + 1 WHERE id = ?').run(status, before.status !== status ? iso : before.statusChangedAt, id)
        x.db
          .prepare('INSERT INTO lamp_status_history (lamp_id, at, from_status, to_status, user_id, username, closed_case_ids) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(id, iso, before.status, status, actor.userId, actor.username, JSON.stringify(closedCaseIds))
        const lamp = toLamp(x.get('SELECT * FROM lamps WHERE id = :id', { id }) as Row)
        x.audit(actor, 'lamp.update', 'lamp', id, before, { ...lamp, closedIncidentIds: closedCaseIds })
        const params: Params = { id, outage: LAMP_OUTAGE_CATEGORY }
        const open = inList('status', OPEN_INCIDENT_STATUSES, 'open', params)
        const reportedOut = x.get(`SELECT 1 AS x FROM incidents INDEXED BY incidents_lamp WHERE lamp_id = :id AND category = :outage AND ${open} LIMIT 1`, params) !== undefined
        return { lamp, reportedOut }
      })
    },

  }
}
