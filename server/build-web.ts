// Builds the web app with Vite when dist/web is missing or older than its sources. Used by `npm start` and the e2e tests.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const WEB_BUILD_DIR = join(PROJECT_ROOT, 'dist/web')

function newestMtimeMs(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs)
}

/** True when the build is missing or any web source (or the lock file / shared domain types) is newer than it. */
export function isWebBuildStale(): boolean {
  const builtIndex = join(WEB_BUILD_DIR, 'index.html')
  if (!existsSync(builtIndex)) return true
  const builtAt = statSync(builtIndex).mtimeMs
  const sources = ['web', 'package-lock.json', 'server/domain'].map((p) => join(PROJECT_ROOT, p)).filter(existsSync)
  return sources.some((s) => newestMtimeMs(s) > builtAt)
}

/**
 * Runs `vite build` when stale; returns whether it built. Parallel callers (several e2e files starting at once)
 * take turns through a lock directory, so two builds never write dist/web at the same time.
 */
export function ensureWebBuild(log: (line: string) => void = console.log): boolean {
  const lock = join(PROJECT_ROOT, 'dist/.web-build-lock')
  mkdirSync(join(PROJECT_ROOT, 'dist'), { recursive: true })
  const deadline = Date.now() + 5 * 60_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // Someone else is building; a lock older than the deadline is from a crashed run.
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true })
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250)
    }
  }
  try {
    return buildIfStale(log)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function buildIfStale(log: (line: string) => void): boolean {
  if (!isWebBuildStale()) return false
  log('[gridwatch] building the web app (missing or stale)…')
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(PROJECT_ROOT, 'web/vite.config.ts'), '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    // Under vitest NODE_ENV is 'test', which would build React's development bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  })
  return true
}
