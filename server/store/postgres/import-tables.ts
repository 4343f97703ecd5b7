// A city's own data coming into PostgreSQL: batches upserted by their source ids (a re-import updates, never
// duplicates), the derived layers replaced whole, and the district's settings. Each batch looks its rows up with
// one `= ANY(ids)` query and inserts the new ones with one statement, so a million-row ledger is a few hundred
// round trips, not a million. Changes people act on keep their history, as in the embedded store.
import type { DistrictSettingsRecord, ImportedIncident, ImportTotals, Store } from '../store.ts'
import type { Building, GridCell, Intersection, Lamp, Street, WaterFeature, Zone } from '../../kernel/records.ts'
import type { BBox } from '../../kernel/geo.ts'
import type { Actor } from '../../domain/roles.ts'
import type { ResponsibleUnit } from '../../domain/case-routing.ts'
import { incidentId } from '../../kernel/record-ids.ts'
import { json, num, str, type Params, type Row } from '../row-values.ts'
import type { PgContext } from './context.ts'
import { buildingRow, gridRow, intersectionRow, streetRow, waterRow, zoneRow } from './district-tables.ts'

type ImportTables = Pick<
  Store,
  'upsertZones' | 'upsertStreets' | 'upsertLamps' | 'upsertIncidents' | 'replaceDerivedLayers' | 'districtSettings' | 'saveDistrictSettings' | 'beginBulkLoad' | 'endBulkLoad' | 'deleteImportedRows'
>

const emptyTotals = (): ImportTotals => ({ inserted: 0, updated: 0, unchanged: 0 })

/** The rows whose `key` is among `ids`, by key. */
async function existing(x: PgContext, table: string, key: string, columns: string, ids: readonly string[]): Promise<Map<string, Row>> {
  const rows = await x.all(`SELECT ${columns} FROM ${table} WHERE ${key} = ANY(:ids::text[])`, { ids })
  return new Map(rows.map((r) => [str(r[key]), r]))
}

export function importTables(x: PgContext): ImportTables {
  const setMeta = (w: PgContext, key: string, value: string) =>
    w.run('INSERT INTO meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value', { key, value })
  // Tables that were empty when their bulk load began: every row is new, so none is looked up.
  const freshTables = new Set<string>()

  return {
    async beginBulkLoad(table: 'lamps' | 'incidents'): Promise<void> {
      if (await x.get(`SELECT 1 AS one FROM ${table} LIMIT 1`)) return
      freshTables.add(table)
    },

    async endBulkLoad(table: 'lamps' | 'incidents'): Promise<void> {
      if (!freshTables.delete(table)) return
      await x.query(`ANALYZE ${table}`)
    },

    async deleteImportedRows(table: 'lamps' | 'incidents', ids: readonly string[]): Promise<void> {
      await x.run(`DELETE FROM ${table} WHERE ${table === 'lamps' ? 'id' : 'source_id'} = ANY(:ids::text[])`, { ids })
    },

    async upsertZones(zones: readonly Zone[], actor: Actor): Promise<ImportTotals> {
      return x.write(async (w) => {
        const totals = emptyTotals()
        const found = await existing(w, 'zones', 'id', 'id, code, name, name_en, geom', zones.map((z) => z.id))
        const fresh: Params[] = []
        for (const z of zones) {
          const row = found.get(z.id)
          const values = zoneRow(z)
          if (!row) {
            fresh.push(values)
            totals.inserted++
          } else if (row.code !== z.code || row.name !== z.name || row.name_en !== z.nameEn || row.geom !== values.geom) {
            await w.run('UPDATE zones SET code = :code, name = :name, name_en = :name_en, geom = :geom WHERE id = :id', values)
            await w.audit(actor, 'zone.import-update', 'zone', z.id, { code: row.code, name: row.name }, { code: z.code, name: z.name })
            totals.updated++
          } else totals.unchanged++
        }
        await w.insertMany('zones', ['id', 'code', 'name', 'name_en', 'geom'], fresh)
        return totals
      })
    },

    async upsertStreets(streets: readonly Street[], actor: Actor, at: Date): Promise<ImportTotals> {
      return x.write(async (w) => {
        const totals = emptyTotals()
        const found = await existing(w, 'streets', 'id', 'id, name, name_en, highway, category, zone_id, geom', streets.map((s) => s.id))
        const fresh: Params[] = []
        for (const s of streets) {
          const values = streetRow(s)
          const row = found.get(s.id)
          if (!row) {
            fresh.push(values)
            totals.inserted++
            continue
          }
          const same = row.name === s.name && row.name_en === s.nameEn && row.highway === s.highway && row.category === s.category && row.zone_id === s.zoneId && row.geom === values.geom
          if (same) {
            totals.unchanged++
            continue
          }
          await w.run('UPDATE streets SET name = :name, name_en = :name_en, highway = :highway, category = :category, length_m = :length_m, zone_id = :zone_id, geom = :geom WHERE id = :id', values)
          if (row.category !== s.category) {
            await w.run(
              "INSERT INTO street_category_history (street_id, from_category, to_category, reason, user_id, username, at) VALUES (:id, :from, :to, 'import', :userId, :username, :at)",
              { id: s.id, from: str(row.category), to: s.category, userId: actor.userId, username: actor.username, at: at.toISOString() },
            )
          }
          await w.audit(actor, 'street.import-update', 'street', s.id, { name: row.name, class: row.highway, category: row.category }, { name: s.name, class: s.highway, category: s.category })
          totals.updated++
        }
        await w.insertMany('streets', ['id', 'osm_id', 'name', 'name_en', 'highway', 'category', 'length_m', 'zone_id', 'geom'], fresh)
        return totals
      })
    },

    async upsertLamps(lamps: readonly Lamp[], actor: Actor, at: Date): Promise<ImportTotals> {
      return x.write(async (w) => {
        const totals = emptyTotals()
        const found = freshTables.has('lamps') ? new Map<string, Row>() : await existing(w, 'lamps', 'id', 'id, lon, lat, status, street_id, height_m, maintainer, installed_at', lamps.map((l) => l.id))
        const iso = at.toISOString()
        const fresh: Params[] = []
        for (const l of lamps) {
          const [lon, lat] = l.coordinates
          const row = found.get(l.id)
          if (!row) {
            fresh.push({ id: l.id, lon, lat, status: l.status, street_id: l.streetId, height_m: l.heightM, maintainer: l.maintainer, installed_at: l.installedAt, status_changed_at: l.statusChangedAt })
            totals.inserted++
            continue
          }
          const moved = row.lon !== lon || row.lat !== lat
          const detailsChanged = moved || row.street_id !== l.streetId || row.height_m !== l.heightM || row.maintainer !== l.maintainer || row.installed_at !== l.installedAt
          const statusChanged = row.status !== l.status
          if (!detailsChanged && !statusChanged) {
            totals.unchanged++
            continue
          }
          if (detailsChanged) {
            await w.run('UPDATE lamps SET lon = :lon, lat = :lat, street_id = :streetId, height_m = :heightM, maintainer = :maintainer, installed_at = :installedAt WHERE id = :id', {
              lon, lat, streetId: l.streetId, heightM: l.heightM, maintainer: l.maintainer, installedAt: l.installedAt, id: l.id,
            })
          }
          if (statusChanged) {
            // The ledger says the lamp changed: a status change like a crew's, with the import as its author.
            await w.run('UPDATE lamps SET status = :status, status_changed_at = :at, version = version + 1 WHERE id = :id', { status: l.status, at: iso, id: l.id })
            await w.run(
              "INSERT INTO lamp_status_history (lamp_id, at, from_status, to_status, user_id, username, closed_case_ids) VALUES (:id, :at, :from, :to, :userId, :username, '[]')",
              { id: l.id, at: iso, from: str(row.status), to: l.status, userId: actor.userId, username: actor.username },
            )
          }
          await w.audit(actor, 'lamp.import-update', 'lamp', l.id, { status: row.status, lon: row.lon, lat: row.lat }, { status: l.status, lon, lat })
          totals.updated++
        }
        await w.insertMany('lamps', ['id', 'lon', 'lat', 'status', 'street_id', 'height_m', 'maintainer', 'installed_at', 'status_changed_at'], fresh)
        return totals
      })
    },

    async upsertIncidents(incidents: readonly ImportedIncident[], actor: Actor, at: Date): Promise<ImportTotals> {
      return x.write(async (w) => {
        const totals = emptyTotals()
        const found = freshTables.has('incidents')
          ? new Map<string, Row>()
          : await existing(w, 'incidents', 'source_id', 'id, source_id, status, category, lon, lat, description, closed_at', incidents.map((c) => c.sourceId))
        const iso = at.toISOString()
        const fresh: ImportedIncident[] = []
        for (const c of incidents) {
          const [lon, lat] = c.coordinates
          const row = found.get(c.sourceId)
          if (!row) {
            fresh.push(c)
            totals.inserted++
            continue
          }
          const same = row.status === c.status && row.category === c.category && row.lon === lon && row.lat === lat && row.description === c.description && (row.closed_at ?? null) === c.closedAt
          if (same) {
            totals.unchanged++
            continue
          }
          await w.run(
            `UPDATE incidents SET category = :category, status = :status, lon = :lon, lat = :lat, description = :description, closed_at = :closedAt,
               closed_ms = :closedMs, zone_id = :zoneId, street_id = :streetId, lamp_id = :lampId, unit_id = :unitId, deadline_ms = :deadlineMs,
               updated_at = :at, version = version + 1 WHERE source_id = :sourceId`,
            { ...c, lon, lat, at: iso },
          )
          if (row.status !== c.status) {
            // The source system moved the case on: one step on its timeline, which keeps everything before it.
            await w.event(str(row.id), at, 'import', str(row.status), c.status, actor, `source ${c.sourceId}`)
          }
          await w.audit(actor, 'incident.import-update', 'incident', str(row.id), { status: row.status, category: row.category }, { status: c.status, category: c.category })
          totals.updated++
        }
        if (fresh.length > 0) {
          // numbers for the new rows in one call: the sequence keeps them distinct from reports arriving meanwhile
          const rids = (await w.all("SELECT nextval(pg_get_serial_sequence('incidents', 'rid')) AS n FROM generate_series(1, :count::int)", { count: fresh.length })).map((r) => num(r.n))
          await w.insertMany(
            'incidents',
            ['rid', 'id', 'source_id', 'category', 'status', 'source', 'lon', 'lat', 'reported_at', 'reported_ms', 'updated_at', 'closed_at', 'description', 'zone_id', 'street_id', 'lamp_id', 'tracking_number', 'unit_id', 'deadline_ms', 'closed_ms'],
            fresh.map((c, i) => {
              const rid = rids[i]!
              // The source's own case number is the one its callers were given: it stands as the tracking number.
              return {
                rid, id: incidentId(rid), source_id: c.sourceId, category: c.category, status: c.status, source: c.source, lon: c.coordinates[0], lat: c.coordinates[1],
                reported_at: c.reportedAt, reported_ms: c.reportedMs, updated_at: c.closedAt ?? c.reportedAt, closed_at: c.closedAt, description: c.description,
                zone_id: c.zoneId, street_id: c.streetId, lamp_id: c.lampId, tracking_number: c.sourceId, unit_id: c.unitId, deadline_ms: c.deadlineMs, closed_ms: c.closedMs,
              }
            }),
          )
        }
        return totals
      })
    },

    async replaceDerivedLayers(layers: { intersections?: readonly Intersection[]; grid?: readonly GridCell[]; buildings?: readonly Building[]; water?: readonly WaterFeature[]; units?: readonly ResponsibleUnit[]; bounds?: BBox }): Promise<void> {
      await x.write(async (w) => {
        const refill = async <T>(table: string, rows: readonly T[] | undefined, columns: string[], values: (row: T, rid: number) => Params) => {
          if (!rows) return
          await w.run(`DELETE FROM ${table}`)
          await w.insertMany(table, columns, rows.map((row, i) => values(row, i + 1)))
          await w.resetRidSequence(table)
        }
        await refill('intersections', layers.intersections, ['rid', 'id', 'osm_id', 'lon', 'lat', 'street_ids', 'names', 'degree'], intersectionRow)
        await refill('grid_cells', layers.grid, ['rid', 'code', 'zone_id', 'community', 'geom'], gridRow)
        await refill('buildings', layers.buildings, ['rid', 'id', 'osm_id', 'name', 'geom'], buildingRow)
        await refill('water', layers.water, ['rid', 'id', 'osm_id', 'name', 'kind', 'geom'], waterRow)
        if (layers.units) {
          // Units are referenced by id from cases: ones no longer derived stay (their cases keep a name to show)
          for (const u of layers.units) {
            await w.run(
              'INSERT INTO units (id, name, name_en, kind, zone_id) VALUES (:id, :name, :nameEn, :kind, :zoneId) ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, kind = excluded.kind, zone_id = excluded.zone_id',
              { ...u },
            )
          }
        }
        if (layers.bounds) await setMeta(w, 'bounds', JSON.stringify(layers.bounds))
      })
    },

    async districtSettings(): Promise<DistrictSettingsRecord | undefined> {
      const row = await x.get("SELECT value FROM meta WHERE key = 'district_settings'")
      return row ? json<DistrictSettingsRecord>(row.value) : undefined
    },

    async saveDistrictSettings(settings: DistrictSettingsRecord, actor: Actor): Promise<void> {
      await x.write(async (w) => {
        const before = await w.get("SELECT value FROM meta WHERE key = 'district_settings' FOR UPDATE")
        await setMeta(w, 'district_settings', JSON.stringify(settings))
        // An imported district is the bureau's own data, not the demo.
        await setMeta(w, 'demo', 'false')
        await w.audit(actor, 'district.settings', 'district', null, before ? json<unknown>(before.value) : null, settings)
      })
    },
  }
}
