// The Hono application: one chained app so the web client gets end-to-end types (`AppType`).
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './auth/session-tokens.ts'
import { sessionMiddleware } from './http/auth.ts'
import { csrfGuard } from './http/csrf.ts'
import { compression } from './http/compression.ts'
import { conditionalGet } from './http/conditional-get.ts'
import type { AppEnv } from './http/env.ts'
import { limitBodySize } from './http/body-limit.ts'
import { notFound, onError } from './http/problem.ts'
import { apiDocsRoutes } from './http/api-docs.ts'
import { caseRoutes } from './routes/cases.ts'
import { guidancePointRoutes } from './routes/guidance-points.ts'
import { briefingRoutes } from './routes/briefings.ts'
import { startWeeklyBriefings, type WeeklySchedule } from './briefing/weekly-schedule.ts'
import { draftBriefing } from './use-cases/briefings.ts'
import { kpiRoutes } from './routes/kpis.ts'
import { open311Routes } from './routes/open311.ts'
import { createTileMaker, tileRoutes } from './routes/tiles.ts'
import { reportRoutes } from './routes/reports.ts'
import { hotspotRoutes } from './routes/hotspots.ts'
import { incidentRoutes } from './routes/incidents.ts'
import { layerRoutes } from './routes/layers.ts'
import { lightingRoutes } from './routes/lighting.ts'
import type { ChangeFeed } from './model/change-feed.ts'
import { DistrictModel } from './model/district-model.ts'
import { memoryRateCounters, type RateCounterFactory } from './http/rate-limit.ts'
import type { UseCaseContext } from './use-cases/context.ts'
import { MAX_PHOTO_BYTES, PhotoFiles } from './store/photo-files.ts'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { metaRoutes } from './routes/meta.ts'
import { sessionRoutes } from './routes/session.ts'
import { streetRoutes } from './routes/streets.ts'
import { userRoutes } from './routes/users.ts'
import { importRoutes } from './routes/imports.ts'
import { searchRoutes } from './routes/search.ts'
import { applyDistrictSettings } from './district-settings.ts'
import type { Store } from './store/store.ts'
import { type AnalysisPool, sharedAnalysisPool } from './workers/analysis-pool.ts'

export interface AppDeps {
  store: Store
  clock?: () => Date // injected so tests can move time (session expiry, deadlines)
  sessionPolicy?: SessionPolicy
  signInLimit?: { windowMs: number; max: number }
  allowedOrigins?: readonly string[] // extra origins allowed to write (e.g. the Vite dev server)
  mode?: 'demo' | 'production' // demo: demo accounts exist and the UI shows a demo badge
  photoDir?: string // where case photos are written; default a folder in the OS temp dir (tests)
  publicReportLimit?: { windowMs: number; max: number } // per client address, on the public report endpoints
  publicReadLimit?: { windowMs: number; max: number } // per client address, on public look-ups (tracking, similar)
  analysisPool?: AnalysisPool // where heavy analysis runs (its caller closes it); default: the process's shared pool
  dataDir?: string // the Data view's uploads, import runs and saved profiles; default a fresh temp folder (tests)
  changeFeed?: ChangeFeed // how other instances on the same database hear of this one's writes; default: none (one instance)
  rateCounters?: RateCounterFactory // where rate-limit windows are kept; default: this process's memory (one instance)
  briefingSchedule?: WeeklySchedule // when the weekly briefing is drafted; default: never (the server passes its setting)
  warm?: boolean // build the district model at once, in the background (the server does; tests leave it to first use)
}

// 1 MiB is far above any JSON body this API takes; photos get their own limit.
const MAX_BODY_BYTES = 1024 * 1024
const IMPORT_UPLOAD_PATH = '/api/imports/uploads'
// 20 reports, photos or ratings per client per 10 minutes: a citizen reporting a street's worth of problems fits;
// a script flooding the intake does not.
const DEFAULT_PUBLIC_REPORT_LIMIT = { windowMs: 10 * 60 * 1000, max: 20 }
// 60 look-ups per client per minute: a page that polls a tracking number or re-checks similar reports as the pin
// moves stays far below; walking the tracking-number space does not get anywhere.
const DEFAULT_PUBLIC_READ_LIMIT = { windowMs: 60 * 1000, max: 60 }
// 10 sign-in attempts per client and username per 5 minutes: plenty for typos, far too few for guessing.
const DEFAULT_SIGN_IN_LIMIT = { windowMs: 5 * 60 * 1000, max: 10 }

export function createApi(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date())
  const policy = deps.sessionPolicy ?? DEFAULT_SESSION_POLICY
  const { store } = deps
  // Everything derived from the store (place indexes, lighting, guidance rules) lives in one model; the use cases
  // tell it what their writes changed.
  const ctx: UseCaseContext = { store, model: new DistrictModel(store, deps.changeFeed ? { feed: deps.changeFeed } : {}), clock }
  const tiles = createTileMaker(ctx)
  if (deps.warm) {
    void ctx.model.warm().then(async () => {
      const started = performance.now()
      try {
        const made = await tiles.prewarm()
        console.log(`[gridwatch] ${made} incident and lamp tiles (zooms 10–16) made ahead in ${Math.round(performance.now() - started)} ms`)
      } catch (err) {
        console.error('[gridwatch] making the tiles ahead failed; each is made when first asked for', err)
      }
    })
  }
  const counters = deps.rateCounters ?? memoryRateCounters
  const analysis = deps.analysisPool ?? sharedAnalysisPool()
  if (deps.briefingSchedule) {
    startWeeklyBriefings(
      deps.briefingSchedule,
      clock,
      async (week, key) => {
        // the store makes one draft per key anyway; asking first spares gathering the facts on every start
        if ((await store.briefings()).some((b) => b.scheduleKey === key)) return
        const { created } = await draftBriefing(ctx, analysis, { ...week, zoneId: null, lang: 'zh', scheduleKey: key }, { userId: null, username: 'schedule' })
        if (created) console.log(`[gridwatch] drafted the weekly briefing (${key}); it waits for a leader to issue it`)
      },
      (err) => console.error('[gridwatch] the weekly briefing could not be drafted', err),
    )
  }
  const photos = new PhotoFiles(deps.photoDir ?? join(tmpdir(), 'gridwatch-photos'))
  const bodyLimit = limitBodySize((c) => (c.req.path.endsWith('/photos') ? MAX_PHOTO_BYTES + 64 * 1024 : MAX_BODY_BYTES))
  return new Hono<AppEnv>()
    // Photo uploads may be up to MAX_PHOTO_BYTES plus multipart framing; every other body stays small.
    // An import upload (up to 500 MB) is streamed to disk and counted by its route, never buffered here.
    .use(async (c, next) => (c.req.path === IMPORT_UPLOAD_PATH ? next() : bodyLimit(c, next)))
    .use(csrfGuard(deps.allowedOrigins))
    .use(sessionMiddleware(store, clock, policy))
    .route('/', metaRoutes(store, ctx.model, deps.mode ?? 'demo'))
    .route('/', sessionRoutes(store, { clock, policy, signInLimit: deps.signInLimit ?? DEFAULT_SIGN_IN_LIMIT, counters }))
    .route('/', userRoutes(store))
    // Before the layer routes: '/lamps/work-list' must not be taken for a lamp id.
    .route('/', lightingRoutes(ctx, analysis))
    .route('/', layerRoutes(ctx))
    .route('/', incidentRoutes(store))
    .route('/', tileRoutes(tiles))
    .route('/', hotspotRoutes(ctx, analysis))
    .route('/', streetRoutes(ctx))
    .route('/', guidancePointRoutes(ctx, analysis))
    .route('/', caseRoutes(ctx, photos))
    .route('/', reportRoutes(ctx, photos, deps.publicReportLimit ?? DEFAULT_PUBLIC_REPORT_LIMIT, deps.publicReadLimit ?? DEFAULT_PUBLIC_READ_LIMIT, counters))
    .route('/', kpiRoutes(ctx))
    .route('/', briefingRoutes(ctx, analysis))
    .route('/', open311Routes(ctx, deps.publicReportLimit ?? DEFAULT_PUBLIC_REPORT_LIMIT, counters))
    .route('/', searchRoutes(ctx))
    .route('/', importRoutes(ctx, { dataDir: deps.dataDir, applySettings: () => applyDistrictSettings(store) }))
}

// No inline scripts or remote hosts anywhere in the app; MapLibre needs blob: workers and data: images.
const appSecurityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    imgSrc: ["'self'", 'data:', 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
  },
})

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
    // Layers are megabytes of repetitive JSON: gzip cuts them ~8× on the intranet's slower links.
    .use(compression())
    .use('/api/*', conditionalGet())
    // Photos carry their own stricter headers (routes/cases.ts), so they are left out here.
    // A briefing's PDF opens in the browser's own viewer, which the app's CSP (object-src 'none') would block.
    .use(async (c, next) => (c.req.path.startsWith('/api/photos/') || /^\/api\/briefings\/[^/]+\.pdf$/.test(c.req.path) ? next() : appSecurityHeaders(c, next)))
    .route('/api', createApi(deps))
  // Every method on an unknown API path is a 404 problem, even where a server adds a catch-all after the API (the
  // web app's fallback in main.ts); registered apart from the chain so it stays out of AppType.
  app.route('/api', apiDocsRoutes(app)) // the API reference (/api/openapi.json, /api/docs): outside AppType, before the 404
  app.all('/api/*', notFound)
  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type AppType = ReturnType<typeof createApp>
