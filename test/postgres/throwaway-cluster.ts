// A throwaway PostgreSQL + PostGIS cluster for the test run: initdb into a temporary folder, start it on a free
// loopback port, stop and delete it at the end. Debian's server binaries refuse to run as root, so when the tests
// run as root (CI does) every server command runs as the `postgres` user the Debian package creates.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Cluster {
  /** Connection URL of the cluster's `postgres` database. */
  url: string
  stop(): void
}

/** The newest installed server's bin folder and its PostGIS, or why a cluster cannot be started here. */
export function findPostgres(): { bin: string; version: string } | { reason: string } {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : []
  const version = versions[0]
  if (version === undefined) return { reason: 'no PostgreSQL server installed (Debian: apt-get install postgresql postgresql-15-postgis-3)' }
  if (!existsSync(`/usr/share/postgresql/${version}/extension/postgis.control`)) return { reason: `PostgreSQL ${version} has no PostGIS (Debian: apt-get install postgresql-${version}-postgis-3)` }
  return { bin: join(root, version, 'bin'), version }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export async function startCluster(bin: string): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-pg-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const run = (program: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args]
    execFileSync(cmd as string, argv as string[], { stdio: ['ignore', 'ignore', 'pipe'] })
  }
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  // Speed over durability: a test cluster lives for one run. The durability tests kill the Gridwatch process,
  // never PostgreSQL, so what it acknowledged is in the server either way.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
