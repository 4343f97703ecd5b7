// The Hono environment every route shares: who is signed in, set by the session middleware.
import type { User } from '../domain/roles.ts'

export interface AppEnv {
  Variables: {
    user: User | undefined
    sessionIdHash: string | undefined
  }
}
