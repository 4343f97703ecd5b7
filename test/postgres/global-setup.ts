// Vitest global setup: one throwaway PostgreSQL/PostGIS cluster for the whole run, with a template database that
// already has PostGIS and Gridwatch's schema, so each test takes a fresh database in a fraction of a second
// (test-database.ts). Where no server is installed the PostgreSQL suites are skipped and say why; CI installs one.
import type { TestProject } from 'vitest/node'
import pg from 'pg'
import { PostgresStore } from '../../server/store/postgres-store.ts'
import { findPostgres, startCluster, type Cluster } from './throwaway-cluster.ts'

export const TEMPLATE_DATABASE = 'gridwatch_template'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's URL (its `postgres` database), or why there is none. */
    postgres: { url: string; template: string } | { reason: string }
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  let cluster: Cluster | undefined
  // returned, not exported: vitest calls the function a setup returns when the run ends
  const teardown = () => cluster?.stop()
  const given = process.env.GRIDWATCH_TEST_POSTGRES_URL
  const found = given ? undefined : findPostgres()
  if (found && 'reason' in found) {
    project.provide('postgres', { reason: found.reason })
    return teardown
  }
  let url = given
  if (!url && found) {
    cluster = await startCluster(found.bin)
    url = cluster.url
  }
  if (!url) return teardown
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`)
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`)
  } finally {
    await admin.end()
  }
  const store = new PostgresStore(url.replace(/\/[^/?]*(\?|$)/, `/${TEMPLATE_DATABASE}$1`), { poolSize: 1 })
  await store.ready
  await store.close()
  project.provide('postgres', { url, template: TEMPLATE_DATABASE })
  return teardown
}
