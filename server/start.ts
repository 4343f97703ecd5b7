// `npm start`: build the web app when the build is missing or stale, then run the server.
import { ensureWebBuild } from './build-web.ts'

ensureWebBuild()
await import('./main.ts')
