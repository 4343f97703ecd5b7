// The route table of the fuzz suite (fuzz.test.ts): every route of the app with the role that may call it and one
// valid request, which the fuzzing then varies one part at a time.
import type { Role } from '../../server/kernel/permissions.ts'

export const FUZZ_PASSWORD = 'fuzz-password-2026'

export type Who = Role | 'anonymous'

/** Real ids from the store, for path parameters and bodies. */
export interface Ids {
  reportedCase: string // a case in state reported: transitions, photos
  mergeableCase: string // an open case of the same category as reportedCase: merged into it
  constructionCase: string // illegal construction (0101) dispatched to the demo unit handler's unit
  closedTracking: string // tracking number of a closed case its reporter may rate
  openTracking: string // tracking number of a case that still takes citizens' photos
  lamp: string
  street: string
  incident: string
  measure: string
  guidancePoint: string
  targetUser: string // an account created for the fuzzing, so no signed-in role gets disabled or renamed
  photo: string
  cell: string // an h3-10 cell of the study area
  upload: string // an uploaded lamp ledger whose rows all lack coordinates: previews and runs that store nothing
  run: string // a finished dry run of that upload
  profile: string // a saved import profile's name
  briefing: string // a draft briefing of October 2026 (drafts are the leaders' until issued)
}

/** How to make a valid request to one route; the fuzzing varies one part of it at a time. */
export interface RouteSpec {
  who: Who
  params?: (ids: Ids) => Record<string, string>
  query?: (ids: Ids) => Record<string, string>
  json?: (ids: Ids) => Record<string, unknown>
  form?: Record<string, string> // application/x-www-form-urlencoded fields
  photo?: true // a multipart upload in field "photo"
  raw?: { contentType: string; body: string } // a raw file body (the Data view's uploads)
  ifMatch?: (ids: Ids) => string // the path whose ETag the write sends back as If-Match
  open311?: true // errors in the GeoReport v2 format ([{ code, description }]) instead of problem+json
  valuesPerField?: number // sample this many values per field (seeded), for routes that hash a password per request
}

export const PERIOD = { from: '2026-08-01', to: '2026-11-01T00:00:00+08:00' }
const BBOX = '104.04,30.65,104.06,30.67'
const POINT = { type: 'Point', coordinates: [104.055, 30.665] }

// Every route of the app, with the role that may call it and a valid request. Keys are `${method} ${path}` exactly
// as app.routes lists them.
export const ROUTES: Record<string, RouteSpec> = {
  'GET /api/health': { who: 'anonymous' },
  'GET /api/meta': { who: 'anonymous' },
  'POST /api/session': { who: 'anonymous', json: () => ({ username: 'fuzz-target', password: FUZZ_PASSWORD }), valuesPerField: 10 },
  'GET /api/session': { who: 'leader', query: () => ({ visitor: 'ok' }) },
  // Anonymous: signing out a role's session would turn every later probe into a 401.
  'DELETE /api/session': { who: 'anonymous' },
  'GET /api/roles': { who: 'anonymous' },
  // The API reference: public, as the intranet's integrators read it before they have accounts.
  'GET /api/openapi.json': { who: 'anonymous' },
  'GET /api/docs': { who: 'anonymous' },
  'GET /api/docs/:asset': { who: 'anonymous', params: () => ({ asset: 'api-docs-init.js' }) },
  'GET /api/users': { who: 'admin' },
  'POST /api/users': {
    who: 'admin',
    json: () => ({ username: 'fuzz-new', display_name: '模糊测试', password: FUZZ_PASSWORD, roles: ['planner'], zone_ids: ['001'], unit_id: null }),
    valuesPerField: 10,
  },
  'PATCH /api/users/:id': { who: 'admin', params: (ids) => ({ id: ids.targetUser }), json: () => ({ display_name: '改名的账户' }) },
  'GET /api/audit': { who: 'admin', query: (ids) => ({ entity: 'case', entity_id: ids.reportedCase, limit: '10', before: '100000' }) },
  'GET /api/dark-zones': { who: 'crew', query: () => ({ bbox: BBOX }) },
  'GET /api/dark-zones/ranked': { who: 'crew', query: () => ({ limit: '5', zone: '001' }) },
  'GET /api/coverage': { who: 'crew' },
  'GET /api/coverage/streets': { who: 'crew', query: () => ({ zone: '001' }) },
  'GET /api/lamps/work-list': { who: 'crew', query: () => ({ zone: '001' }) },
  'PATCH /api/lamps/:id': { who: 'admin', params: (ids) => ({ id: ids.lamp }), json: () => ({ status: 'ok' }), ifMatch: (ids) => `/api/lamps/${ids.lamp}` },
  'GET /api/retrofit-plan': { who: 'planner', query: () => ({ zone: '001' }) },
  'GET /api/retrofit-plan.geojson': { who: 'planner', query: () => ({ zone: '001' }) },
  'GET /api/retrofit-plan.csv': { who: 'planner', query: () => ({ zone: '001' }) },
  'GET /api/streets': { who: 'leader', query: () => ({ bbox: BBOX, category: 'commercial' }) },
  'GET /api/streets/:id': { who: 'leader', params: (ids) => ({ id: ids.street }) },
  'GET /api/lamps': { who: 'leader', query: () => ({ bbox: BBOX, status: 'ok' }) },
  'GET /api/lamps/:id': { who: 'leader', params: (ids) => ({ id: ids.lamp }) },
  'GET /api/lamps/:id/history': { who: 'leader', params: (ids) => ({ id: ids.lamp }) },
  'GET /api/zones': { who: 'leader' },
  'GET /api/intersections': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/grid': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/basemap/buildings': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/basemap/water': { who: 'leader', query: () => ({ bbox: BBOX }) },
  'GET /api/incidents': { who: 'leader', query: () => ({ bbox: BBOX, category: '0501', status: 'closed', ...PERIOD, limit: '100' }) },
  'GET /api/incidents/:id': { who: 'leader', params: (ids) => ({ id: ids.incident }) },
  'GET /api/search': { who: 'dispatcher', query: () => ({ q: '人民南路 × 锦里', limit: '5' }) },
  'GET /api/tiles/:layer/:z/:x/:y': { who: 'leader', params: () => ({ layer: 'incidents', z: '15', x: '26238', y: '13766.mvt' }), query: () => ({ category: '0501', status: 'closed', ...PERIOD }) },
  'GET /api/hotspots': { who: 'leader', query: () => ({ category: '0501', source: 'patrol', ...PERIOD, cell: 'grid-100', band_m: '500', fdr: 'true' }) },
  'GET /api/hotspots/compare': { who: 'leader', query: () => ({ from: '2026-10-01', to: '2026-11-01', before_from: '2026-09-01', before_to: '2026-10-01', cell: 'grid-100', band_m: '500' }) },
  'GET /api/hotspots/intersections': { who: 'leader', query: () => ({ ...PERIOD, radius_m: '50', limit: '5' }) },
  'GET /api/hotspots/cells/:id/incidents': { who: 'leader', params: (ids) => ({ id: ids.cell }), query: () => ({ ...PERIOD, cell: 'h3-10', limit: '5' }) },
  'GET /api/stats/incidents': { who: 'leader', query: () => ({ ...PERIOD, category: '0501', source: 'patrol' }) },
  'PATCH /api/streets/:id': { who: 'planner', params: (ids) => ({ id: ids.street }), json: () => ({ category: 'regulated', reason: '模糊测试的理由', scope: 'way' }) },
  'GET /api/streets/:id/history': { who: 'leader', params: (ids) => ({ id: ids.street }) },
  'POST /api/guidance-points/check': { who: 'planner', json: (ids) => ({ geometry: POINT, id: ids.guidancePoint, capacity: 10, off_street: false }) },
  'GET /api/guidance-points': { who: 'planner', query: () => ({ include_retired: 'true' }) },
  'GET /api/guidance-points/suggestions': { who: 'planner', query: () => ({ ...PERIOD, walk_radius_m: '300', max: '5' }) },
  'POST /api/guidance-points': {
    who: 'planner',
    json: () => ({ name: '模糊疏导点', geometry: POINT, capacity: 10, opening_hours: '18:00-22:00', allowed_goods: '小吃', unit: '城管中队', off_street: false }),
  },
  'PATCH /api/guidance-points/:id': { who: 'planner', params: (ids) => ({ id: ids.guidancePoint }), json: () => ({ name: '改名的疏导点', capacity: 12, version: 1 }) },
  'GET /api/cases': {
    who: 'dispatcher',
    query: () => ({ state: 'reported', category: '0501', unit: 'ENF', zone: '001', overdue: 'true', escalated: 'false', ...PERIOD, limit: '10', offset: '0' }),
  },
  'POST /api/cases': { who: 'inspector', json: () => ({ category: '0104', lon: 104.0585, lat: 30.668, description: '巷子里很脏', source: 'patrol', phone: '13800000000' }) },
  'GET /api/cases/:id': { who: 'dispatcher', params: (ids) => ({ id: ids.reportedCase }) },
  'POST /api/cases/:id/transitions': {
    who: 'dispatcher',
    params: (ids) => ({ id: ids.reportedCase }),
    json: () => ({ action: 'accept', note: '已受理' }),
    ifMatch: (ids) => `/api/cases/${ids.reportedCase}`,
  },
  'POST /api/cases/:id/merge': {
    who: 'dispatcher',
    params: (ids) => ({ id: ids.mergeableCase }),
    json: (ids) => ({ into: ids.reportedCase }),
    ifMatch: (ids) => `/api/cases/${ids.mergeableCase}`,
  },
  'POST /api/cases/:id/enforcement': { who: 'unit', params: (ids) => ({ id: ids.constructionCase }), json: () => ({ step: 'stop', date: '2026-11-01', notice_number: '城管责停〔2026〕1号' }) },
  'POST /api/cases/:id/photos': { who: 'dispatcher', params: (ids) => ({ id: ids.reportedCase }), photo: true },
  'GET /api/photos/:id': { who: 'dispatcher', params: (ids) => ({ id: ids.photo }) },
  'GET /api/reports/similar': { who: 'anonymous', query: () => ({ category: '0501', lon: '104.0502', lat: '30.6602' }) },
  'POST /api/reports': { who: 'anonymous', json: () => ({ category: '0104', lon: 104.0585, lat: 30.668, description: '小通巷路面很脏', phone: '13800000000' }) },
  'GET /api/reports/:tracking': { who: 'anonymous', params: (ids) => ({ tracking: ids.openTracking }) },
  'POST /api/reports/:tracking/rating': { who: 'anonymous', params: (ids) => ({ tracking: ids.closedTracking }), json: () => ({ stars: 4, comment: '处理得很快' }) },
  'POST /api/reports/:tracking/photos': { who: 'anonymous', params: (ids) => ({ tracking: ids.openTracking }), photo: true },
  'GET /api/kpis': { who: 'leader', query: () => ({ ...PERIOD, group: 'zone', format: 'csv' }) },
  'GET /api/kpis/league': { who: 'leader', query: () => ({ ...PERIOD }) },
  'GET /api/cases-overview': { who: 'leader' },
  'GET /api/briefings': { who: 'dispatcher' },
  'POST /api/briefings': { who: 'leader', json: () => ({ from: '2026-10-01', to: '2026-11-01', lang: 'zh' }) },
  'GET /api/briefings/:file': { who: 'leader', params: (ids) => ({ file: `${ids.briefing}.pdf` }) },
  'GET /api/briefings/:id/annexes/:name': { who: 'leader', params: (ids) => ({ id: ids.briefing, name: 'league.csv' }) },
  'POST /api/briefings/:id/issue': { who: 'leader', params: (ids) => ({ id: ids.briefing }) },
  'GET /api/measures': { who: 'leader' },
  'POST /api/measures': {
    who: 'leader',
    json: () => ({ area: 'sanitation', title: '背街小巷保洁', description: '每日两扫', unit_id: 'SAN', person: '陈处长', deadline: '2026-12-31' }),
  },
  'PATCH /api/measures/:id': { who: 'leader', params: (ids) => ({ id: ids.measure }), json: () => ({ progress: 50, note: '已完成一半', deadline: '2026-12-30' }) },
  'POST /api/imports/uploads': { who: 'admin', query: () => ({ name: 'fuzz.csv' }), raw: { contentType: 'application/octet-stream', body: 'id,lon,lat\nL1,104.06,30.66\n' } },
  'POST /api/imports/preview': { who: 'admin', json: (ids) => ({ upload_id: ids.upload, layer: { layer: 'lamps', id: '编号' }, time_zone: 'Asia/Shanghai', categories: ['9001'] }) },
  // A strict dry run of a file every row of which is rejected: a variant that drops either flag still stores nothing,
  // so no run left going in the background changes the store under a later probe.
  'POST /api/imports/runs': { who: 'admin', json: (ids) => ({ profile: { district: { name: '模糊测试' }, layers: [{ layer: 'lamps', file: ids.upload, id: '编号' }] }, dry_run: true, strict: true }) },
  'GET /api/imports/runs/:id': { who: 'admin', params: (ids) => ({ id: ids.run }) },
  'GET /api/imports/runs/:id/rejects.csv': { who: 'admin', params: (ids) => ({ id: ids.run }) },
  'GET /api/imports/profiles': { who: 'admin' },
  'GET /api/imports/profiles/:name': { who: 'admin', params: (ids) => ({ name: ids.profile }) },
  'PUT /api/imports/profiles/:name': { who: 'admin', params: (ids) => ({ name: ids.profile }), json: () => ({ district: { name: '模糊测试' }, layers: [{ layer: 'zones', file: 'zones.geojson', id: 'CODE', name: 'NAME' }] }) },
  'GET /api/open311/v2/:file': {
    who: 'anonymous',
    open311: true,
    params: () => ({ file: 'requests.json' }),
    query: () => ({ start_date: '2026-09-01T00:00:00+08:00', end_date: '2026-11-01T00:00:00+08:00', status: 'open', service_code: '0501' }),
  },
  'GET /api/open311/v2/:kind/:file': { who: 'anonymous', open311: true, params: (ids) => ({ kind: 'requests', file: `${ids.reportedCase}.json` }) },
  'POST /api/open311/v2/:file': {
    who: 'anonymous',
    open311: true,
    params: () => ({ file: 'requests.json' }),
    form: { service_code: '0104', lat: '30.6681', long: '104.0586', description: '巷子里很脏', phone: '13800000000' },
  },
}
