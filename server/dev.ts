// `npm run dev`: the API under `tsx watch` (restarts on change) and Vite's dev server with hot reload,
// which proxies /api to the API (see web/vite.config.ts). Open the URL Vite prints.
import { spawn } from 'node:child_process'
import { createServer } from 'vite'
import { PROJECT_ROOT } from './build-web.ts'

// The Vite proxy (web/vite.config.ts) must reach the API on whatever PORT it was given.
process.env.GRIDWATCH_API_URL ??= `http://localhost:${process.env.PORT ?? 8787}`

const api = spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], { cwd: PROJECT_ROOT, stdio: 'inherit' })
const vite = await createServer({ configFile: `${PROJECT_ROOT}web/vite.config.ts` })
await vite.listen()
vite.printUrls()

const stop = () => {
  api.kill('SIGTERM')
  void vite.close().finally(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
