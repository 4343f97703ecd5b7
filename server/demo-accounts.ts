// Demo mode: one account per role, username = role, password `gridwatch-demo` (documented in the README).
import { hashPassword } from './auth/passwords.ts'
import { DEMO_PASSWORD } from './domain/roles.ts'
import { ROLES, ROLE_TABLE } from './kernel/permissions.ts'
import type { Store } from './store/store.ts'

const SYSTEM_ACTOR = { userId: null, username: 'system' }

// The demo password is public, so one hash can serve every demo account; hashing once keeps seeding fast.
let demoHash: Promise<string> | undefined

/** Creates the missing demo accounts: username = role, password `gridwatch-demo`. Returns the usernames created. */
export async function ensureDemoAccounts(store: Store): Promise<string[]> {
  const existing = new Set((await store.users()).map((u) => u.username))
  const passwordHash = await (demoHash ??= hashPassword(DEMO_PASSWORD))
  const created: string[] = []
  // The generic 'unit' account handles the enforcement squad's cases, the busiest queue.
  const units = await store.units()
  const genericUnit = units.find((u) => u.kind === 'enforcement')?.id ?? null
  for (const role of ROLES) {
    if (existing.has(role)) continue
    const info = ROLE_TABLE.find((r) => r.role === role)
    await store.createUser({ username: role, displayName: `演示${info?.name ?? role}`, passwordHash, roles: [role], demo: true, unitId: role === 'unit' ? genericUnit : null }, SYSTEM_ACTOR)
    created.push(role)
  }
  // One handler per responsible unit, username = the unit's id.
  for (const unit of units) {
    if (existing.has(unit.id)) continue
    await store.createUser({ username: unit.id, displayName: `${unit.name}处置员`, passwordHash, roles: ['unit'], demo: true, unitId: unit.id }, SYSTEM_ACTOR)
    created.push(unit.id)
  }
  return created
}

/** Demo accounts that can still sign in with the documented password: production mode refuses to start while any exist. */
export async function findActiveDemoAccounts(store: Store) {
  return (await store.users()).filter((u) => u.demo && !u.disabled)
}
