// The Store contract against the embedded SQLite adapter.
import { SqliteStore } from '../../server/store/sqlite-store.ts'
import { describeStoreContract } from './store-contract.ts'

describeStoreContract('SQLite (in memory)', async () => new SqliteStore(':memory:'))
