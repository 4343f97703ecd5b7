// The real server as a child process: `server/main.ts` under tsx on a fresh SQLite file (seeded with the demo
// district) — or on the database a test names, such as a PostgreSQL one — on a port the OS picks. Used by the end-to-end journeys and the event-loop responsiveness test.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface RunningServer {
  baseUrl: string
  log: () => string
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
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

/** Starts the server on a fresh database in a temp folder and waits until /api/health answers (seeding included). */
export async function startServerProcess(options: { tempPrefix: string; timeoutMs: number; env?: Record<string, string>; databaseUrl?: string }): Promise<RunningServer> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), options.tempPrefix))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: options.databaseUrl ?? `file:${join(dir, 'gw.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + options.timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    const res = await fetch(`${baseUrl}/api/health`).catch(() => undefined) // not listening yet
    if (res?.ok) break
    if (Date.now() > deadline) throw new Error(`server did not answer /api/health within ${options.timeoutMs / 1000} s:\n${output}`)
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
