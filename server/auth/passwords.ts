// Password hashing with argon2id (memory-hard). @node-rs/argon2's defaults are OWASP's minimum:
// m = 19 MiB, t = 2, p = 1 (OWASP Password Storage Cheat Sheet), about 30 ms here.
import { hash, verify } from '@node-rs/argon2'

export const MIN_PASSWORD_LENGTH = 10

export async function hashPassword(password: string): Promise<string> {
  return hash(password)
}

/** False for a wrong password or a malformed hash; never throws for those. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
