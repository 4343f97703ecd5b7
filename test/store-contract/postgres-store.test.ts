// The Store contract against the PostgreSQL/PostGIS adapter, each test on a fresh database of the run's throwaway
// cluster (test/postgres/). Skipped, saying why, only where no PostgreSQL server is installed; CI installs one.
import { describe } from 'vitest'
import { PostgresStore } from '../../server/store/postgres-store.ts'
import { freshPostgresDatabase, postgresUnavailableReason } from '../postgres/test-database.ts'
import { describeStoreContract } from './store-contract.ts'

const reason = postgresUnavailableReason()
if (reason) {
  console.warn(`[store-contract] PostgreSQL suite skipped: ${reason}`)
  describe.skip(`Store contract: PostgreSQL/PostGIS (skipped: ${reason})`, () => {})
} else {
  describeStoreContract('PostgreSQL/PostGIS', async () => new PostgresStore(await freshPostgresDatabase(), { poolSize: 4 }))
}
