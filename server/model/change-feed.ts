// How the live district model hears about writes made by other server instances. One instance (the embedded
// store) needs nothing: its own writes call the model directly. Several instances on one PostgreSQL database pass
// each change to the others (store/postgres/change-feed.ts); every instance then updates its own model as if it had
// made the write.
import type { DistrictChange } from './district-model.ts'

export interface ChangeFeed {
  /** Tells the other instances about a change this one has committed and applied. */
  publish(change: DistrictChange): Promise<void>
  /**
   * Calls `onChange` for each change another instance publishes — and with `{ kind: 'district' }` whenever changes
   * may have been missed (the feed's connection dropped), so a model never silently drifts from the database.
   */
  subscribe(onChange: (change: DistrictChange) => void): void
  close(): Promise<void>
}

/** The feed of a single instance: nobody else to tell. */
export const SOLO_FEED: ChangeFeed = {
  publish: async () => undefined,
  subscribe: () => undefined,
  close: async () => undefined,
}
