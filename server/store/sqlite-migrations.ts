// Versioned schema for the embedded SQLite store. Append new versions; never edit an applied one.
// Geometry is RFC 7946 coordinates as JSON text; each spatial table has an R*Tree over its bounding boxes
// (rid = the table's INTEGER PRIMARY KEY) so bbox queries never scan the table.

export interface Migration {
  version: number
  name: string
  sql: string
}

const spatial = (table: string) => `CREATE VIRTUAL TABLE ${table}_rtree USING rtree(rid, min_x, max_x, min_y, max_y);`

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'district layers and incidents',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE zones (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, code TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT NOT NULL,
        geom TEXT NOT NULL
      );

      CREATE TABLE streets (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, osm_id INTEGER NOT NULL, name TEXT, name_en TEXT,
        highway TEXT NOT NULL, category TEXT NOT NULL CHECK (category IN ('demonstration', 'regulated', 'commercial')),
        length_m REAL NOT NULL CHECK (length_m >= 0), zone_id TEXT, geom TEXT NOT NULL
      );
      ${spatial('streets')}
      CREATE INDEX streets_category ON streets (category);

      CREATE TABLE intersections (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, osm_id INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
        street_ids TEXT NOT NULL, names TEXT NOT NULL, degree INTEGER NOT NULL
      );
      ${spatial('intersections')}

      CREATE TABLE buildings (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, osm_id INTEGER NOT NULL, name TEXT, geom TEXT NOT NULL);
      ${spatial('buildings')}

      CREATE TABLE water (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, osm_id INTEGER NOT NULL, name TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('area', 'line')), geom TEXT NOT NULL
      );
      ${spatial('water')}

      CREATE TABLE grid_cells (
        rid INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE CHECK (length(code) = 14), zone_id TEXT NOT NULL,
        community TEXT NOT NULL, geom TEXT NOT NULL
      );
      ${spatial('grid_cells')}

      CREATE TABLE lamps (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lon REAL NOT NULL, lat REAL NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'defective_lamp', 'column_issue', 'broken_lantern')),
        street_id TEXT NOT NULL, height_m REAL NOT NULL, maintainer TEXT NOT NULL, installed_at TEXT NOT NULL,
        status_changed_at TEXT NOT NULL
      );
      ${spatial('lamps')}
      CREATE INDEX lamps_status ON lamps (status);

      -- One row per reported problem. The case workflow extends these rows with its own columns.
      CREATE TABLE incidents (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, category TEXT NOT NULL, status TEXT NOT NULL,
        source TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
        reported_at TEXT NOT NULL, reported_ms INTEGER NOT NULL, updated_at TEXT NOT NULL, closed_at TEXT,
        description TEXT NOT NULL, zone_id TEXT, street_id TEXT, lamp_id TEXT
      );
      ${spatial('incidents')}
      CREATE INDEX incidents_reported ON incidents (reported_ms);
      CREATE INDEX incidents_category_reported ON incidents (category, reported_ms);
      CREATE INDEX incidents_lamp ON incidents (lamp_id) WHERE lamp_id IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'users, sessions and the audit log',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL, roles TEXT NOT NULL, zone_ids TEXT NOT NULL DEFAULT '[]', unit_id TEXT,
        demo INTEGER NOT NULL DEFAULT 0, disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL
      );

      -- id_hash is SHA-256 of the cookie's token; the token itself is never stored.
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL, last_seen_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_id TEXT, username TEXT NOT NULL, action TEXT NOT NULL,
        entity TEXT NOT NULL, entity_id TEXT, before TEXT, after TEXT, ip TEXT
      );
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
    `,
  },
  {
    version: 3,
    name: 'street category history and vendor guidance points',
    sql: `
      CREATE TABLE street_category_history (
        id INTEGER PRIMARY KEY, street_id TEXT NOT NULL, from_category TEXT NOT NULL, to_category TEXT NOT NULL,
        reason TEXT NOT NULL, user_id TEXT, username TEXT NOT NULL, at TEXT NOT NULL
      );
      CREATE INDEX street_category_history_street ON street_category_history (street_id, id);

      CREATE TABLE guidance_points (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, geom TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity >= 0), opening_hours TEXT NOT NULL, allowed_goods TEXT NOT NULL,
        unit TEXT NOT NULL, off_street INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'active', 'retired')),
        created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1
      );
    `,
  },
  {
    version: 4,
    name: 'cases: the workflow columns on incidents, events, units, photos, rectification measures',
    sql: `
      ALTER TABLE incidents ADD COLUMN tracking_number TEXT;
      ALTER TABLE incidents ADD COLUMN unit_id TEXT;
      ALTER TABLE incidents ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE incidents ADD COLUMN report_count INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE incidents ADD COLUMN rework_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE incidents ADD COLUMN extension_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE incidents ADD COLUMN extension_requested INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE incidents ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE incidents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE incidents ADD COLUMN repeat_of TEXT;
      ALTER TABLE incidents ADD COLUMN deadline_ms INTEGER;
      ALTER TABLE incidents ADD COLUMN accepted_ms INTEGER;
      ALTER TABLE incidents ADD COLUMN dispatched_ms INTEGER;
      ALTER TABLE incidents ADD COLUMN first_handled_ms INTEGER;
      ALTER TABLE incidents ADD COLUMN closed_ms INTEGER;
      ALTER TABLE incidents ADD COLUMN result TEXT;
      ALTER TABLE incidents ADD COLUMN rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);
      ALTER TABLE incidents ADD COLUMN rating_comment TEXT;
      ALTER TABLE incidents ADD COLUMN phone TEXT;
      CREATE UNIQUE INDEX incidents_tracking ON incidents (tracking_number);
      CREATE INDEX incidents_unit_status ON incidents (unit_id, status);
      CREATE INDEX incidents_status ON incidents (status);

      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL, from_status TEXT,
        to_status TEXT, user_id TEXT, username TEXT NOT NULL, note TEXT
      );
      CREATE INDEX case_events_case ON case_events (case_id, id);

      CREATE TABLE units (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, kind TEXT NOT NULL, zone_id TEXT
      );

      -- Photo bytes live on disk (PHOTO_DIR), never in the database; this row says what they are.
      CREATE TABLE photos (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL, stage TEXT NOT NULL, content_type TEXT NOT NULL,
        bytes INTEGER NOT NULL, uploaded_at TEXT NOT NULL, uploaded_by TEXT NOT NULL
      );
      CREATE INDEX photos_case ON photos (case_id);

      CREATE TABLE measures (
        id TEXT PRIMARY KEY, area TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, unit_id TEXT NOT NULL,
        person TEXT NOT NULL, deadline TEXT NOT NULL, status TEXT NOT NULL, progress INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE measure_notes (
        id INTEGER PRIMARY KEY, measure_id TEXT NOT NULL, at TEXT NOT NULL, username TEXT NOT NULL, note TEXT NOT NULL,
        progress INTEGER
      );
    `,
  },
  {
    version: 5,
    name: 'lamps: optimistic version and status history',
    sql: `
      ALTER TABLE lamps ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      -- Every status change of a lamp, with who made it and the outage cases it closed: a crew's repair record.
      CREATE TABLE lamp_status_history (
        id INTEGER PRIMARY KEY, lamp_id TEXT NOT NULL, at TEXT NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL,
        user_id TEXT, username TEXT NOT NULL, closed_case_ids TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX lamp_status_history_lamp ON lamp_status_history (lamp_id, id);
    `,
  },
  {
    version: 6,
    name: 'imported data: incidents keyed by their source system ids',
    sql: `
      ALTER TABLE incidents ADD COLUMN source_id TEXT;
      CREATE UNIQUE INDEX incidents_source ON incidents (source_id) WHERE source_id IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'incidents: a covering index for the period reads of the statistics and hotspots',
    sql: `
      -- the statistics count (period, category) and the hotspots read (lon, lat) over a period: from this index
      -- alone, never the table's rows (4× faster at 100k incidents in a year)
      CREATE INDEX incidents_period ON incidents (reported_ms, category, source, lon, lat);
    `,
  },
  {
    version: 8,
    name: 'case events: the deadline a step set',
    sql: `
      -- a step that moved the deadline (dispatch, an approved extension, an escalation) says so in the timeline
      ALTER TABLE case_events ADD COLUMN deadline_ms INTEGER;
    `,
  },
  {
    version: 9,
    name: 'briefings: drafts and the immutable issued archive',
    sql: `
      CREATE TABLE briefings (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL, zone_id TEXT,
        lang TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL, facts TEXT NOT NULL,
        created_by TEXT NOT NULL, created_at TEXT NOT NULL, schedule_key TEXT UNIQUE,
        issued_by TEXT, issued_by_name TEXT, issued_at TEXT, year TEXT, number INTEGER, sha256 TEXT, pdf BLOB,
        UNIQUE (year, number)
      );
      CREATE INDEX briefings_created ON briefings (created_at);
      -- the repairs of a period, for the briefing's lighting section
      CREATE INDEX lamp_status_history_at ON lamp_status_history (at);
      -- an issued briefing is the record of what was circulated: the database itself refuses to change or drop it
      CREATE TRIGGER briefings_issued_immutable BEFORE UPDATE ON briefings WHEN OLD.status = 'issued'
        BEGIN SELECT RAISE(ABORT, 'an issued briefing cannot be changed'); END;
      CREATE TRIGGER briefings_issued_kept BEFORE DELETE ON briefings WHEN OLD.status = 'issued'
        BEGIN SELECT RAISE(ABORT, 'an issued briefing cannot be deleted'); END;
    `,
  },
]
