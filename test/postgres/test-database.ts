// A fresh PostgreSQL database per test, copied from the run's template (schema already migrated), and the reason
// the PostgreSQL suites are skipped when the run has no cluster.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

const provided = () => inject('postgres')

/** Why PostgreSQL suites cannot run here, or undefined when they can. Printed by the suites that skip. */
export function postgresUnavailableReason(): string | undefined {
  const p = provided()
  return 'reason' in p ? p.reason : undefined
}

/** Creates an empty, migrated database and returns its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const p = provided()
  if ('reason' in p) throw new Error(`no PostgreSQL for this run: ${p.reason}`)
  const name = `gw_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const admin = new pg.Client({ connectionString: p.url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${p.template}`)
  } finally {
    await admin.end()
  }
  return p.url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`)
}
