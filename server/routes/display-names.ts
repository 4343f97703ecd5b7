// Who did something, as colleagues know them: each account's display name by username (timelines, lamp history,
// the audit log). The users table is small (a bureau's staff), so it is read whole.
import type { Store } from '../store/store.ts'

export async function readDisplayNames(store: Store): Promise<ReadonlyMap<string, string>> {
  return new Map((await store.users()).map((u) => [u.username, u.displayName]))
}
