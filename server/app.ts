// The Hono application: one chained app so the web client gets end-to-end types (`AppType`).
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { notFound, onError } from './http/problem.ts'
import { ProblemError } from './http/problem.ts'
import { incidentRoutes } from './routes/incidents.ts'
import { layerRoutes } from './routes/layers.ts'
import { metaRoutes } from './routes/meta.ts'
import type { Store } from './store/store.ts'

export interface AppDeps {
  store: Store
}

// 1 MiB is far above any JSON body this API takes; photos (issue 7) get their own limit.
const MAX_BODY_BYTES = 1024 * 1024

export function createApi({ store }: AppDeps) {
  return new Hono()
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new ProblemError(413, 'too-large', `request body exceeds ${MAX_BODY_BYTES} bytes`)
        },
      }),
    )
    .route('/', metaRoutes(store))
    .route('/', layerRoutes(store))
    .route('/', incidentRoutes(store))
}

export function createApp(deps: AppDeps) {
  const app = new Hono().route('/api', createApi(deps))
  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type AppType = ReturnType<typeof createApp>
