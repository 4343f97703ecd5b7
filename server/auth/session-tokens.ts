// Opaque session tokens: 256 random bits in the cookie; only their SHA-256 is stored, so a copy of the
// database does not hand out live sessions.
import { createHash, randomBytes } from 'node:crypto'

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newSessionToken(): { token: string; idHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, idHash: hashSessionToken(token) }
}

export interface SessionPolicy {
  idleMs: number // signed out after this long without a request
  absoluteMs: number // signed out this long after sign-in, however active
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 2 * 60 * 60 * 1000, // 2 h: a dispatcher's shift has pauses, not half-days of idling
  absoluteMs: 12 * 60 * 60 * 1000, // 12 h: one working day plus overtime
}
