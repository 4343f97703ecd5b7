// The API reference: the generated OpenAPI document at /api/openapi.json and a browsable page at /api/docs. The page is
// Swagger UI served from node_modules through this server, because the intranet it runs on has no CDN; its
// initialiser is a served file (api-docs-init.js), because the CSP allows scripts from 'self' only.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Env, Hono, type Schema } from 'hono'
import { describeRoute } from 'hono-openapi'
import { ProblemError } from '../kernel/problems.ts'
import { type ApiDocument, generateApiDocument } from './openapi.ts'

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
const JS = 'text/javascript; charset=utf-8'

/** The files the page loads, by the name it asks for; nothing else under /api/docs/ is served. */
const ASSETS = new Map<string, { file: string; type: string }>([
  ['swagger-ui.css', { file: join(SWAGGER_UI_DIR, 'swagger-ui.css'), type: 'text/css; charset=utf-8' }],
  ['swagger-ui-bundle.js', { file: join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js'), type: JS }],
  ['favicon-32x32.png', { file: join(SWAGGER_UI_DIR, 'favicon-32x32.png'), type: 'image/png' }],
  ['api-docs-init.js', { file: fileURLToPath(new URL('./api-docs-init.js', import.meta.url)), type: JS }],
])

// An hour: the files change only with a deploy, and a reference reopened within it skips 1.7 MB of bundle.
const ASSET_CACHE_CONTROL = 'public, max-age=3600'

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gridwatch API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/api-docs-init.js"></script>
</body>
</html>
`

/** Routes serving the reference of `app`'s API; mount at '/api' apart from the typed chain (they are not API operations). */
export function apiDocsRoutes<E extends Env, S extends Schema, P extends string>(app: Hono<E, S, P>) {
  // Built on first request, once: by then every route is registered, and routes do not change while the app runs.
  let document: Promise<ApiDocument> | undefined
  const files = new Map<string, Promise<Buffer>>()
  // Hidden from the document it serves: the reference is not part of the API it describes.
  const hidden = describeRoute({ hide: true })
  return new Hono()
    .get('/openapi.json', hidden, async (c) => {
      document ??= generateApiDocument(app).catch((err: unknown) => {
        document = undefined // a failed build is retried, not served forever
        throw err
      })
      return c.json(await document)
    })
    .get('/docs', hidden, (c) => c.html(PAGE))
    .get('/docs/:asset', hidden, async (c) => {
      const name = c.req.param('asset')
      const asset = ASSETS.get(name)
      if (!asset) throw new ProblemError(404, 'not-found', `the API reference has no file ${name}`)
      let bytes = files.get(name)
      if (!bytes) files.set(name, (bytes = readFile(asset.file)))
      return c.body(new Uint8Array(await bytes), 200, { 'content-type': asset.type, 'cache-control': ASSET_CACHE_CONTROL })
    })
}
