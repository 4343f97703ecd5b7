// A city's own data coming in: batches of zones, streets, lamps and incidents upserted by their source ids (a
// re-import updates, never duplicates), the derived layers (intersections, grid, basemap) replaced whole, and the
// district's settings. Changes to what people act on — a lamp's status, a street's class or category, a case's
// stage — keep their history: lamp status history, street category history, the audit log.
import type { DistrictSettingsRecord, ImportedIncident, ImportTotals, Store } from '../store.ts'
import type { Building, GridCell, Intersection, Lamp, Street, WaterFeature, Zone } from '../../kernel/records.ts'
import type { BBox } from '../../kernel/geo.ts'
import type { Actor } from '../../domain/roles.ts'
import type { ResponsibleUnit } from '../../domain/case-routing.ts'
import { incidentId } from '../../kernel/record-ids.ts'
import type { Statement } from 'better-sqlite3'
import type { SqliteContext } from './context.ts'
import { boundsOf, json, num, str, type Params } from './sql.ts'

type ImportTables = Pick<
  Store,
  'upsertZones' | 'upsertStreets' | 'upsertLamps' | 'upsertIncidents' | 'replaceDerivedLayers' | 'districtSettings' | 'saveDistrictSettings' | 'beginBulkLoad' | 'endBulkLoad' | 'deleteImportedRows'
>

const emptyTotals = (): ImportTotals => ({ inserted: 0, updated: 0, unchanged: 0 })

export function importTables(x: SqliteContext): ImportTables {
  const db = x.db
  const setMeta = (key: string, value: string) =>
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)

  // Prepared once per table: a million-row import would otherwise spend its time compiling the same statement
  const boxStatements = new Map<string, Statement>()
  /** Inserts or moves a row's R*Tree box. */
  const indexBox = (table: string, rid: number, coords: unknown) => {
    const [w, s, e, n] = boundsOf(coords)
    let statement = boxStatements.get(table)
    if (!statement) boxStatements.set(table, (statement = db.prepare(`INSERT OR REPLACE INTO ${table}_rtree (rid, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)`)))
    statement.run(rid, w, e, s, n)
  }

  // Secondary indexes set aside while an empty table is bulk-loaded (table → their CREATE statements), and whether
  // rows there can only be new (no lookup by id needed).
  const setAside = new Map<string, string[]>()
  const freshTables = new Set<string>()

  return {
    async beginBulkLoad(table: 'lamps' | 'incidents'): Promise<void> {
      // Only an empty table: building an index once over sorted keys is far cheaper than keeping it up row by row
      // (two million complaints), and every row is new, so none needs looking up. Inside the layer's transaction,
      // so a failure rolls the DDL back with the rows.
      if (x.get(`SELECT 1 AS one FROM ${table} LIMIT 1`)) return
      const indexes = x.all("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :table AND sql IS NOT NULL", { table })
      for (const index of indexes) db.exec(`DROP INDEX ${str(index.name)}`)
      setAside.set(table, indexes.map((index) => str(index.sql)))
      freshTables.add(table)
    },

    async endBulkLoad(table: 'lamps' | 'incidents'): Promise<void> {
      for (const sql of setAside.get(table) ?? []) db.exec(sql)
      setAside.delete(table)
      freshTables.delete(table)
    },

    async deleteImportedRows(table: 'lamps' | 'incidents', ids: readonly string[]): Promise<void> {
      await x.write(() => {
        const key = table === 'lamps' ? 'id' : 'source_id'
        const find = db.prepare(`SELECT rid FROM ${table} WHERE ${key} = ?`)
        const remove = db.prepare(`DELETE FROM ${table} WHERE rid = ?`)
        const unindex = db.prepare(`DELETE FROM ${table}_rtree WHERE rid = ?`)
        for (const id of ids) {
          const row = find.get(id) as { rid: number } | undefined
          if (!row) continue
          remove.run(row.rid)
          unindex.run(row.rid)
        }
      })
    },

    async upsertZones(zones: readonly Zone[], actor: Actor): Promise<ImportTotals> {
      return x.write(() => {
        const totals = emptyTotals()
        for (const z of zones) {
          const row = x.get('SELECT * FROM zones WHERE id = :id', { id: z.id })
          const geom = JSON.stringify(z.coordinates)
          if (!row) {
            db.prepare('INSERT INTO zones (id, code, name, name_en, geom) VALUES (?, ?, ?, ?, ?)').run(z.id, z.code, z.name, z.nameEn, geom)
            totals.inserted++
          } else if (row.code !== z.code || row.name !== z.name || row.name_en !== z.nameEn || row.geom !== geom) {
            db.prepare('UPDATE zones SET code = ?, name = ?, name_en = ?, geom = ? WHERE id = ?').run(z.code, z.name, z.nameEn, geom, z.id)
            x.audit(actor, 'zone.import-update', 'zone', z.id, { code: row.code, name: row.name }, { code: z.code, name: z.name })
            totals.updated++
          } else totals.unchanged++
        }
        return totals
      })
    },

    async upsertStreets(streets: readonly Street[], actor: Actor, at: Date): Promise<ImportTotals> {
      return x.write(() => {
        const totals = emptyTotals()
        const find = db.prepare('SELECT rid, name, name_en, highway, category, zone_id, geom FROM streets WHERE id = ?')
        const insert = db.prepare(
          'INSERT INTO streets (id, osm_id, name, name_en, highway, category, length_m, zone_id, geom) VALUES (:id, :osm_id, :name, :name_en, :highway, :category, :length_m, :zone_id, :geom)',
        )
        const update = db.prepare(
          'UPDATE streets SET name = :name, name_en = :name_en, highway = :highway, category = :category, length_m = :length_m, zone_id = :zone_id, geom = :geom WHERE rid = :rid',
        )
        const history = db.prepare(
          'INSERT INTO street_category_history (street_id, from_category, to_category, reason, user_id, username, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        for (const s of streets) {
          const geom = JSON.stringify(s.coordinates)
          const params: Params = { id: s.id, osm_id: s.osmId, name: s.name, name_en: s.nameEn, highway: s.highway, category: s.category, length_m: s.lengthM, zone_id: s.zoneId, geom }
          const row = find.get(s.id) as Record<string, unknown> | undefined
          if (!row) {
            const rid = Number(insert.run(params).lastInsertRowid)
            indexBox('streets', rid, s.coordinates)
            totals.inserted++
            continue
          }
          const same = row.name === s.name && row.name_en === s.nameEn && row.highway === s.highway && row.category === s.category && row.zone_id === s.zoneId && row.geom === geom
          if (same) {
            totals.unchanged++
            continue
          }
          const rid = num(row.rid)
          update.run({ ...params, rid })
          if (row.geom !== geom) indexBox('streets', rid, s.coordinates)
          if (row.category !== s.category) history.run(s.id, str(row.category), s.category, 'import', actor.userId, actor.username, at.toISOString())
          x.audit(actor, 'street.import-update', 'street', s.id, { name: row.name, class: row.highway, category: row.category }, { name: s.name, class: s.highway, category: s.category })
          totals.updated++
        }
        return totals
      })
    },

    async upsertLamps(lamps: readonly Lamp[], actor: Actor, at: Date): Promise<ImportTotals> {
      return x.write(() => {
        const totals = emptyTotals()
        const find = db.prepare('SELECT rid, lon, lat, status, street_id, height_m, maintainer, installed_at FROM lamps WHERE id = ?')
        // Positional parameters, as for incidents: a million rows
        const insert = db.prepare('INSERT INTO lamps (id, lon, lat, status, street_id, height_m, maintainer, installed_at, status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        const update = db.prepare('UPDATE lamps SET lon = ?, lat = ?, street_id = ?, height_m = ?, maintainer = ?, installed_at = ? WHERE rid = ?')
        const setStatus = db.prepare('UPDATE lamps SET status = ?, status_changed_at = ?, version = version + 1 WHERE rid = ?')
        const history = db.prepare(
          "INSERT INTO lamp_status_history (lamp_id, at, from_status, to_status, user_id, username, closed_case_ids) VALUES (?, ?, ?, ?, ?, ?, '[]')",
        )
        const box = db.prepare('INSERT OR REPLACE INTO lamps_rtree (rid, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)')
        const iso = at.toISOString()
        const fresh = freshTables.has('lamps')
        for (const l of lamps) {
          const [lon, lat] = l.coordinates
          const row = fresh ? undefined : (find.get(l.id) as Record<string, unknown> | undefined)
          if (!row) {
            const rid = Number(insert.run(l.id, lon, lat, l.status, l.streetId, l.heightM, l.maintainer, l.installedAt, l.statusChangedAt).lastInsertRowid)
            box.run(rid, lon, lon, lat, lat)
            totals.inserted++
            continue
          }
          const rid = num(row.rid)
          const moved = row.lon !== lon || row.lat !== lat
          const detailsChanged = moved || row.street_id !== l.streetId || row.height_m !== l.heightM || row.maintainer !== l.maintainer || row.installed_at !== l.installedAt
          const statusChanged = row.status !== l.status
          if (!detailsChanged && !statusChanged) {
            totals.unchanged++
            continue
          }
          if (detailsChanged) update.run(lon, lat, l.streetId, l.heightM, l.maintainer, l.installedAt, rid)
          if (moved) box.run(rid, lon, lon, lat, lat)
          if (statusChanged) {
            // The ledger says the lamp changed: a status change like a crew's, with the import as its author.
            setStatus.run(l.status, iso, rid)
            history.run(l.id, iso, str(row.status), l.status, actor.userId, actor.username)
          }
          x.audit(actor, 'lamp.import-update', 'lamp', l.id, { status: row.status, lon: row.lon, lat: row.lat }, { status: l.status, lon, lat })
          totals.updated++
        }
        return totals
      })
    },

    async upsertIncidents(incidents: readonly ImportedIncident[], actor: Actor, at: Date): Promise<ImportTotals> {
      return x.write(() => {
        const totals = emptyTotals()
        const find = db.prepare('SELECT rid, id, status, category, lon, lat, description, closed_at FROM incidents WHERE source_id = ?')
        let rid = num(x.get('SELECT coalesce(max(rid), 0) + 1 AS n FROM incidents')?.n)
        // Positional parameters: at two million rows, building a named-parameter object per row shows in the profile
        const insert = db.prepare(
          `INSERT INTO incidents (rid, id, source_id, category, status, source, lon, lat, reported_at, reported_ms, updated_at, closed_at, description,
             zone_id, street_id, lamp_id, tracking_number, unit_id, deadline_ms, closed_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        const update = db.prepare(
          `UPDATE incidents SET category = ?, status = ?, lon = ?, lat = ?, description = ?, closed_at = ?, closed_ms = ?, zone_id = ?, street_id = ?,
             lamp_id = ?, unit_id = ?, deadline_ms = ?, updated_at = ?, version = version + 1 WHERE rid = ?`,
        )
        const box = db.prepare('INSERT OR REPLACE INTO incidents_rtree (rid, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)')
        const iso = at.toISOString()
        const fresh = freshTables.has('incidents')
        for (const c of incidents) {
          const [lon, lat] = c.coordinates
          const row = fresh ? undefined : (find.get(c.sourceId) as Record<string, unknown> | undefined)
          if (!row) {
            // The source's own case number is the one its callers were given: it stands as the tracking number.
            insert.run(rid, incidentId(rid), c.sourceId, c.category, c.status, c.source, lon, lat, c.reportedAt, c.reportedMs, c.closedAt ?? c.reportedAt, c.closedAt, c.description, c.zoneId, c.streetId, c.lampId, c.sourceId, c.unitId, c.deadlineMs, c.closedMs)
            box.run(rid, lon, lon, lat, lat)
            rid++
            totals.inserted++
            continue
          }
          const same = row.status === c.status && row.category === c.category && row.lon === lon && row.lat === lat && row.description === c.description && (row.closed_at ?? null) === c.closedAt
          if (same) {
            totals.unchanged++
            continue
          }
          const existing = num(row.rid)
          update.run(c.category, c.status, lon, lat, c.description, c.closedAt, c.closedMs, c.zoneId, c.streetId, c.lampId, c.unitId, c.deadlineMs, iso, existing)
          if (row.lon !== lon || row.lat !== lat) box.run(existing, lon, lon, lat, lat)
          if (row.status !== c.status) {
            // The source system moved the case on: one step on its timeline, which keeps everything before it.
            x.event(str(row.id), at, 'import', str(row.status), c.status, actor, `source ${c.sourceId}`)
          }
          x.audit(actor, 'incident.import-update', 'incident', str(row.id), { status: row.status, category: row.category }, { status: c.status, category: c.category })
          totals.updated++
        }
        return totals
      })
    },

    async replaceDerivedLayers(layers: { intersections?: readonly Intersection[]; grid?: readonly GridCell[]; buildings?: readonly Building[]; water?: readonly WaterFeature[]; units?: readonly ResponsibleUnit[]; bounds?: BBox }): Promise<void> {
      await x.write(() => {
        const refill = <T>(table: string, rows: readonly T[] | undefined, columns: string[], values: (row: T) => Params, coords: (row: T) => unknown) => {
          if (!rows) return
          db.exec(`DELETE FROM ${table}`)
          db.exec(`DELETE FROM ${table}_rtree`)
          const insert = db.prepare(`INSERT INTO ${table} (rid, ${columns.join(', ')}) VALUES (:rid, ${columns.map((c) => `:${c}`).join(', ')})`)
          rows.forEach((row, i) => {
            insert.run({ rid: i + 1, ...values(row) })
            indexBox(table, i + 1, coords(row))
          })
        }
        refill('intersections', layers.intersections, ['id', 'osm_id', 'lon', 'lat', 'street_ids', 'names', 'degree'], (i) => ({ id: i.id, osm_id: i.osmId, lon: i.coordinates[0], lat: i.coordinates[1], street_ids: JSON.stringify(i.streetIds), names: JSON.stringify(i.names), degree: i.degree }), (i) => i.coordinates)
        refill('grid_cells', layers.grid, ['code', 'zone_id', 'community', 'geom'], (g) => ({ code: g.code, zone_id: g.zoneId, community: g.community, geom: JSON.stringify(g.coordinates) }), (g) => g.coordinates)
        refill('buildings', layers.buildings, ['id', 'osm_id', 'name', 'geom'], (b) => ({ id: b.id, osm_id: b.osmId, name: b.name, geom: JSON.stringify(b.coordinates) }), (b) => b.coordinates)
        refill('water', layers.water, ['id', 'osm_id', 'name', 'kind', 'geom'], (w) => ({ id: w.id, osm_id: w.osmId, name: w.name, kind: w.kind, geom: JSON.stringify(w.coordinates) }), (w) => w.coordinates)
        if (layers.units) {
          // Units are referenced by id from cases: ones no longer derived stay (their cases keep a name to show)
          const unit = db.prepare('INSERT INTO units (id, name, name_en, kind, zone_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, kind = excluded.kind, zone_id = excluded.zone_id')
          for (const u of layers.units) unit.run(u.id, u.name, u.nameEn, u.kind, u.zoneId)
        }
        if (layers.bounds) setMeta('bounds', JSON.stringify(layers.bounds))
      })
    },

    async districtSettings(): Promise<DistrictSettingsRecord | undefined> {
      const row = x.get("SELECT value FROM meta WHERE key = 'district_settings'")
      return row ? json<DistrictSettingsRecord>(row.value) : undefined
    },

    async saveDistrictSettings(settings: DistrictSettingsRecord, actor: Actor): Promise<void> {
      await x.write(() => {
        const before = x.get("SELECT value FROM meta WHERE key = 'district_settings'")
        setMeta('district_settings', JSON.stringify(settings))
        // An imported district is the bureau's own data, not the demo.
        setMeta('demo', 'false')
        x.audit(actor, 'district.settings', 'district', null, before ? json<unknown>(before.value) : null, settings)
      })
    },
  }
}

