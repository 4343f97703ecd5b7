import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { findPostgres } from './postgres/throwaway-cluster.ts'

// The API suites (and the re-import ones) run twice: on the embedded SQLite store (with everything else) and on PostgreSQL/PostGIS
// (GRIDWATCH_TEST_STORE=postgres; test/api/helpers.ts). Where no PostgreSQL server is installed the second run is
// left out and says why; CI installs one, so there it always runs.
const postgres = process.env.GRIDWATCH_TEST_POSTGRES_URL ? { bin: 'given' } : findPostgres()
if ('reason' in postgres) console.warn(`[vitest] API suites on PostgreSQL skipped: ${postgres.reason}`)

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    exclude: ['node_modules/**', 'dist/**', 'test/bench/**'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 180_000,
    // one throwaway PostgreSQL/PostGIS cluster for the run (skipped, with the reason, where none is installed)
    globalSetup: ['test/postgres/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'gridwatch', include: ['server/**/*.test.ts', 'geodata/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      ...('reason' in postgres
        ? []
        : [{ extends: true as const, test: { name: 'postgres', include: ['test/api/**/*.test.ts', 'test/import/reimport.test.ts', 'test/import/far-rows.test.ts'], env: { GRIDWATCH_TEST_STORE: 'postgres' } } }]),
    ],
  },
})
