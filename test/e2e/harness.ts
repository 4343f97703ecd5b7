// End-to-end harness: the real server (tsx, a fresh SQLite file seeded with the demo district) on a free port,
// and Debian's Chromium driven by playwright-core. Never downloads a browser.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { PROJECT_ROOT, ensureWebBuild } from '../../server/build-web.ts'

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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export interface RunningServer {
  baseUrl: string
  log: () => string
  stop: () => Promise<void>
}

/** Builds the web app if stale, then starts `server/main.ts` on a fresh database and waits for /api/health. */
export async function startServer(): Promise<RunningServer> {
  ensureWebBuild()
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-e2e-'))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'e2e.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    try {
      const res = await fetch(`${baseUrl}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer /api/health within 90 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    baseUrl,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
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
