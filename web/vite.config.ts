// Build and dev config for the web app: `vite build --config web/vite.config.ts` writes dist/web,
// which the server serves next to /api. Run from the repository root.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const webRoot = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig(({ command, mode }) => {
  // A build started by a test runner inherits NODE_ENV=test, and Vite would then bundle React's development build
  // and JSX dev runtime (~230 kB more, slower). A production-mode build is a production build whatever the
  // environment says; Vite reads NODE_ENV after this function has run.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production'
  return {
    root: webRoot,
    base: '/',
    publicDir: false,
    plugins: [react()],
    build: {
      outDir: '../dist/web',
      emptyOutDir: true,
      // Two pages: the staff app, and the citizens' mobile report page, built to dist/web/report/index.html
      rolldownOptions: {
        input: { main: join(webRoot, 'index.html'), report: join(webRoot, 'report/index.html') },
      },
      // maplibre-gl alone is ~1.1 MB minified; the default 500 kB warning would fire on every build
      chunkSizeWarningLimit: 1600,
    },
    server: {
      // the API server (`npm start`, port 8787) answers /api while vite serves the app with HMR.
      // changeOrigin stays false (the string shorthand would set it): the API then sees the Host the browser used,
      // which matches the Origin header, so its CSRF check lets a sign-in through.
      proxy: { '/api': { target: process.env.GRIDWATCH_API_URL ?? 'http://localhost:8787', changeOrigin: false } },
    },
  }
})
