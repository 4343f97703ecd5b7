// End-to-end harness: the real server (tsx, a fresh SQLite file seeded with the demo district) on a free port,
// and Debian's Chromium driven by playwright-core. Never downloads a browser.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { PROJECT_ROOT, ensureWebBuild } from '../../server/build-web.ts'
import { type RunningServer, startServerProcess } from '../server-process.ts'

/**
 * Where the journeys save their screenshots: test-results/ is not tracked, so a test run leaves the tree clean.
 * The README's picture is a copy kept in test/e2e/screenshots/, refreshed by hand when the UI changes.
 */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results/screenshots')

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Why the browser suite cannot run here, or undefined when it can. In CI a missing browser is a failure, not a skip. */
export function browserUnavailableReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk)`
  if (process.env.CI) throw new Error(`${reason}; CI requires the browser suite`)
  console.warn(`[e2e] skipping the browser suite: ${reason}`)
  return reason
}

export type { RunningServer }

/**
 * Builds the web app if stale, then starts `server/main.ts` on a fresh database and waits for /api/health.
 * `env` adds variables for the server (e.g. GRIDWATCH_SEED=none for a journey that imports its own district).
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  ensureWebBuild()
  return startServerProcess({ tempPrefix: 'gridwatch-e2e-', timeoutMs: 90_000, ...(options.env ? { env: options.env } : {}) })
}

/** Headless Chromium with the flags this closed network needs (no background connections, software WebGL). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}
