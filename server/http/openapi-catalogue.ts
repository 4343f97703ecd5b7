// Words for the API reference that no schema holds: a short English summary and a tag per route, keyed
// 'METHOD /path' exactly as Hono registers it. Only words: parameters, bodies, errors and roles come from the
// handlers each route runs (openapi.ts), so an entry here can be missing or stale without the document lying about
// inputs. test/api/openapi.test.ts fails for a route without an entry and for an entry without a route.

export interface RouteWords {
  summary: string
  tag: Tag
  description?: string // only where the summary cannot say what a client must know
  status?: 201 | 202 // the success status, when not 200
}

/** The tags, in the order the reference page lists them. */
export const TAGS = [
  { name: 'Meta', description: 'Health and the static facts the web app needs at start' },
  { name: 'Session', description: 'Signing in and out (cookie `gw_session`)' },
  { name: 'Users', description: 'Accounts, roles and the audit log' },
  { name: 'Layers', description: 'Map layers: streets, lamps, zones, intersections, grid, basemap' },
  { name: 'Lighting', description: 'Dark zones, coverage, lamp status, crew work lists and the retrofit plan' },
  { name: 'Incidents', description: 'Incident records' },
  { name: 'Hotspots', description: 'Hotspot analysis (Getis-Ord Gi*) and incident statistics' },
  { name: 'Streets', description: 'Street categories and their history' },
  { name: 'Guidance points', description: 'Vendor guidance points and the street rules they must keep' },
  { name: 'Cases', description: 'Urban-management cases from intake to closure, with photos' },
  { name: 'Reports', description: 'Public citizen reports, tracking and rating' },
  { name: 'KPIs', description: 'Performance indicators, league table and improvement measures' },
  { name: 'Briefings', description: 'The bureau\'s briefing (通报): drafts, the issued PDF archive, CSV annexes' },
  { name: 'Imports', description: 'The Data view: uploads, previews, import runs and saved district profiles (admin)' },
  { name: 'Open311', description: 'Open311 GeoReport v2 (its own error format, JSON or XML by file extension)' },
] as const

export type Tag = (typeof TAGS)[number]['name']

export const ROUTE_CATALOGUE: Readonly<Record<string, RouteWords>> = {
  'GET /api/health': { tag: 'Meta', summary: 'Server health, store kind and record counts' },
  'GET /api/meta': { tag: 'Meta', summary: 'District bounds, categories and status lists' },

  'POST /api/session': { tag: 'Session', summary: 'Sign in', description: 'Sets the `gw_session` cookie that every guarded operation reads.' },
  'GET /api/session': { tag: 'Session', summary: 'The signed-in user and roles', description: 'Answers 401 `unauthenticated` when nobody is signed in.' },
  'DELETE /api/session': { tag: 'Session', summary: 'Sign out' },

  'GET /api/roles': { tag: 'Users', summary: 'Roles and what each may do' },
  'GET /api/users': { tag: 'Users', summary: 'List user accounts' },
  'POST /api/users': { tag: 'Users', summary: 'Create a user account', status: 201 },
  'PATCH /api/users/:id': { tag: 'Users', summary: 'Change a user account' },
  'GET /api/audit': { tag: 'Users', summary: 'Audit log entries' },

  'GET /api/streets': { tag: 'Layers', summary: 'Streets as GeoJSON' },
  'GET /api/streets/:id': { tag: 'Layers', summary: 'One street as a GeoJSON feature' },
  'GET /api/lamps': { tag: 'Layers', summary: 'Street lamps as GeoJSON, with `working`' },
  'GET /api/lamps/:id': { tag: 'Layers', summary: 'One lamp, with its version as ETag' },
  'GET /api/zones': { tag: 'Layers', summary: 'Sub-district zones as GeoJSON' },
  'GET /api/intersections': { tag: 'Layers', summary: 'Intersections as GeoJSON' },
  'GET /api/grid': { tag: 'Layers', summary: 'Management grid cells as GeoJSON' },
  'GET /api/basemap/buildings': { tag: 'Layers', summary: 'Basemap building footprints' },
  'GET /api/basemap/water': { tag: 'Layers', summary: 'Basemap water areas' },

  'GET /api/dark-zones': { tag: 'Lighting', summary: 'Street stretches no working lamp lights' },
  'GET /api/dark-zones/ranked': { tag: 'Lighting', summary: 'Dark zones ranked for repair' },
  'GET /api/coverage': { tag: 'Lighting', summary: 'Lighting coverage totals and per zone' },
  'GET /api/coverage/streets': { tag: 'Lighting', summary: 'Lighting coverage per street' },
  'GET /api/lamps/work-list': { tag: 'Lighting', summary: 'A crew’s lamp repair list in visiting order' },
  'PATCH /api/lamps/:id': { tag: 'Lighting', summary: 'Change a lamp’s status', description: 'Send the lamp’s ETag as If-Match; the answer includes the dark zones the change opened or closed.' },
  'GET /api/lamps/:id/history': { tag: 'Lighting', summary: 'A lamp’s status history' },
  'GET /api/retrofit-plan': { tag: 'Lighting', summary: 'Lamp retrofit plan' },
  'GET /api/retrofit-plan.geojson': { tag: 'Lighting', summary: 'Lamp retrofit plan as a GeoJSON download' },
  'GET /api/retrofit-plan.csv': { tag: 'Lighting', summary: 'Lamp retrofit plan as a CSV download' },

  'GET /api/incidents': { tag: 'Incidents', summary: 'Incidents as GeoJSON, filtered and paged' },
  'GET /api/incidents/:id': { tag: 'Incidents', summary: 'One incident' },
  'GET /api/search': { tag: 'Layers', summary: 'Find a street, a junction (A × B) or, for staff, a case by number', description: 'Offline, from the district’s own streets and junctions; public (the report page uses it).' },
  'GET /api/tiles/:layer/:z/:x/:y': { tag: 'Layers', summary: 'A vector tile (.mvt) of incidents, lamps, streets or dark zones, with the layer’s filters' },

  'GET /api/hotspots': { tag: 'Hotspots', summary: 'Hotspot cells (Gi* z-scores) for a period' },
  'GET /api/hotspots/compare': { tag: 'Hotspots', summary: 'Compare hotspots between two periods' },
  'GET /api/hotspots/intersections': { tag: 'Hotspots', summary: 'Intersections ranked by nearby incidents' },
  'GET /api/hotspots/cells/:id/incidents': { tag: 'Hotspots', summary: 'Incidents inside one hotspot cell' },
  'GET /api/stats/incidents': { tag: 'Hotspots', summary: 'Incident counts by category and time' },

  'PATCH /api/streets/:id': { tag: 'Streets', summary: 'Change a street’s category' },
  'GET /api/streets/:id/history': { tag: 'Streets', summary: 'A street’s category history' },

  'POST /api/guidance-points/check': { tag: 'Guidance points', summary: 'Check a candidate point against the street rules' },
  'GET /api/guidance-points': { tag: 'Guidance points', summary: 'Guidance points with their rule violations' },
  'GET /api/guidance-points/suggestions': { tag: 'Guidance points', summary: 'Suggested places for new guidance points' },
  'POST /api/guidance-points': { tag: 'Guidance points', summary: 'Create a guidance point', status: 201 },
  'PATCH /api/guidance-points/:id': { tag: 'Guidance points', summary: 'Change or retire a guidance point' },

  'GET /api/cases': { tag: 'Cases', summary: 'Cases, filtered and paged' },
  'POST /api/cases': { tag: 'Cases', summary: 'Open a case', status: 201 },
  'GET /api/cases/:id': { tag: 'Cases', summary: 'One case with its events and available actions' },
  'POST /api/cases/:id/transitions': { tag: 'Cases', summary: 'Take a workflow step on a case' },
  'POST /api/cases/:id/merge': { tag: 'Cases', summary: 'Merge a case into another as a repeat' },
  'POST /api/cases/:id/enforcement': { tag: 'Cases', summary: 'Record illegal construction’s stop (制止) or investigation outcome (查处)', status: 201, description: 'Once each, by the responsible unit: `{ step: "stop", date, notice_number }` or `{ step: "outcome", date, outcome: penalty | demolition | legalisation, note? }`.' },
  'POST /api/cases/:id/photos': { tag: 'Cases', summary: 'Attach a photo to a case', status: 201, description: 'multipart/form-data with one image file.' },
  'GET /api/photos/:id': { tag: 'Cases', summary: 'A case photo' },

  'GET /api/reports/similar': { tag: 'Reports', summary: 'Open reports near a point, to avoid duplicates' },
  'POST /api/reports': { tag: 'Reports', summary: 'Submit a citizen report', status: 201 },
  'GET /api/reports/:tracking': { tag: 'Reports', summary: 'Track a report by its tracking number' },
  'POST /api/reports/:tracking/rating': { tag: 'Reports', summary: 'Rate how a closed report was handled' },
  'POST /api/reports/:tracking/photos': { tag: 'Reports', summary: 'Attach a photo to a report', status: 201, description: 'multipart/form-data with one image file.' },

  'GET /api/kpis': { tag: 'KPIs', summary: 'Case-handling indicators by unit, zone or category' },
  'GET /api/kpis/league': { tag: 'KPIs', summary: 'League table of responsible units' },
  'GET /api/cases-overview': { tag: 'KPIs', summary: 'Case overview for leaders and the command centre' },
  'GET /api/measures': { tag: 'KPIs', summary: 'Improvement measures' },
  'POST /api/measures': { tag: 'KPIs', summary: 'Create an improvement measure', status: 201 },
  'PATCH /api/measures/:id': { tag: 'KPIs', summary: 'Update an improvement measure' },

  'GET /api/briefings': { tag: 'Briefings', summary: 'Drafts and issued briefings, newest first' },
  'POST /api/briefings': {
    tag: 'Briefings',
    summary: 'Draft a briefing for a period (and optionally one zone)',
    status: 201,
    description: 'Periods as in `GET /api/kpis`: `from` inclusive, `to` exclusive, a bare date is midnight in the district\'s time zone (a month is `from: 2026-11-01, to: 2026-12-01`). The facts are gathered now and kept with the draft, so the preview is what gets issued.',
  },
  'GET /api/briefings/:file': {
    tag: 'Briefings',
    summary: 'One briefing: `{id}` as JSON with its facts, `{id}.pdf` as PDF',
    description: 'The PDF of a draft is drawn afresh as a watermarked preview; an issued briefing is returned byte for byte as issued, with its SHA-256 as ETag.',
  },
  'GET /api/briefings/:id/annexes/:name': { tag: 'Briefings', summary: 'One CSV annex of a briefing (`league.csv`, `overdue-cases.csv`, …)' },
  'POST /api/briefings/:id/issue': { tag: 'Briefings', summary: 'Issue a draft (numbered, filed immutably with its hash)' },

  'POST /api/imports/uploads': {
    tag: 'Imports',
    summary: 'Upload a data file for import',
    status: 201,
    description: 'The raw file as the body (`application/octet-stream`, at most 500 MB), its name in `?name=`. Answers its columns, first rows, few-valued columns and guessed layer and field mapping; an `.osm`/`.osm.pbf` file answers `format: osm` and needs no mapping.',
  },
  'POST /api/imports/preview': { tag: 'Imports', summary: 'Preview one layer as mapped', description: 'The first rows mapped (or their reject reasons), up to 2,000 features in WGS84, and `gcj_warning` when points declared WGS84 lie where GCJ-02 points would against the stored streets.' },
  'POST /api/imports/runs': { tag: 'Imports', summary: 'Start an import run', status: 202, description: 'A district profile whose layers’ `file` values are upload ids. One run at a time: 409 `import-running` while another is going.' },
  'GET /api/imports/runs/:id': { tag: 'Imports', summary: 'An import run’s state, progress and report' },
  'GET /api/imports/runs/:id/rejects.csv': { tag: 'Imports', summary: 'The rows an import run did not take, as CSV' },
  'GET /api/imports/profiles': { tag: 'Imports', summary: 'Saved district profiles (field mappings)' },
  'GET /api/imports/profiles/:name': { tag: 'Imports', summary: 'One saved district profile, as a JSON download' },
  'PUT /api/imports/profiles/:name': { tag: 'Imports', summary: 'Save a district profile under a name' },

  'GET /api/open311/v2/:file': { tag: 'Open311', summary: 'Open311 services or service requests (`services.json`, `requests.xml`, …)' },
  'GET /api/open311/v2/:kind/:file': { tag: 'Open311', summary: 'One Open311 service definition or service request' },
  'POST /api/open311/v2/:file': { tag: 'Open311', summary: 'Submit an Open311 service request', status: 201, description: 'application/x-www-form-urlencoded, as GeoReport v2 specifies.' },
}
