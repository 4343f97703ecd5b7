// Account administration (admin) and the audit log (admin, leader).
import { readDisplayNames } from './display-names.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/passwords.ts'
import { DEMO_PASSWORD } from '../domain/roles.ts'
import { ROLES, ROLE_TABLE } from '../kernel/permissions.ts'
import { actorOf, requirePermission } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam, intParam, limitParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import type { Store } from '../store/store.ts'
import { userJson } from './session.ts'
import { ZONE_ID_PATTERN } from '../kernel/record-ids.ts'

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256)
  .refine((p) => p !== DEMO_PASSWORD, 'the documented demo password cannot be used for a real account')
const roles = z.array(z.enum(ROLES)).min(1, 'give at least one role')
const zoneIds = z.array(z.string().regex(ZONE_ID_PATTERN, 'a zone id: 1–64 letters, digits, . _ -')).max(100)

const newUserBody = z.strictObject({
  username: z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{1,63}$/i, 'username: 2–64 letters, digits, _ . -'),
  display_name: z.string().trim().min(1).max(64),
  password,
  roles,
  zone_ids: zoneIds.optional(),
  unit_id: z.string().trim().min(1).max(64).nullable().optional(),
})

const userPatchBody = z
  .strictObject({
    display_name: z.string().trim().min(1).max(64).optional(),
    password: password.optional(),
    roles: roles.optional(),
    zone_ids: zoneIds.optional(),
    unit_id: z.string().trim().min(1).max(64).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change')

const auditQuery = z.strictObject({
  entity: z.string().max(64).optional(),
  entity_id: z.string().max(128).optional(),
  username: z.string().max(64).optional(),
  from: instantParam.optional(),
  to: instantParam.optional(),
  limit: limitParam(1000).optional(),
  before: intParam(1, Number.MAX_SAFE_INTEGER, 'before').optional(),
})

export const userRoutes = (store: Store) =>
  new Hono<AppEnv>()
    .get('/roles', async (c) =>
      c.json(ROLE_TABLE.map((r) => ({ role: r.role, name: r.name, name_en: r.nameEn, may: r.may, may_en: r.mayEn }))),
    )
    .get('/users', requirePermission('manageUsers'), async (c) => c.json((await store.users()).map(userJson)))
    .post('/users', requirePermission('manageUsers'), validate('json', newUserBody), async (c) => {
      const b = c.req.valid('json')
      const user = await store.createUser(
        { username: b.username, displayName: b.display_name, passwordHash: await hashPassword(b.password), roles: b.roles, zoneIds: b.zone_ids, unitId: b.unit_id },
        actorOf(c),
      )
      return c.json(userJson(user), 201)
    })
    .patch('/users/:id', requirePermission('manageUsers'), validate('param', z.object({ id: z.string().uuid() })), validate('json', userPatchBody), async (c) => {
      const { id } = c.req.valid('param')
      const b = c.req.valid('json')
      if (id === c.get('user')?.id && (b.disabled === true || (b.roles && !b.roles.includes('admin')))) {
        throw new ProblemError(409, 'conflict', 'an administrator cannot disable their own account or drop their own admin role')
      }
      const user = await store.updateUser(
        id,
        {
          displayName: b.display_name,
          passwordHash: b.password === undefined ? undefined : await hashPassword(b.password),
          roles: b.roles,
          zoneIds: b.zone_ids,
          unitId: b.unit_id,
          disabled: b.disabled,
        },
        actorOf(c),
      )
      return c.json(userJson(user))
    })
    .get('/audit', requirePermission('auditLog'), validate('query', auditQuery), async (c) => {
      const q = c.req.valid('query')
      const entries = await store.auditLog({
        entity: q.entity,
        entityId: q.entity_id,
        username: q.username,
        fromAt: q.from === undefined ? undefined : new Date(q.from).toISOString(),
        toAt: q.to === undefined ? undefined : new Date(q.to).toISOString(),
        limit: q.limit ?? 100,
        beforeId: q.before,
      })
      // who, as colleagues know them (the display name), beside the account name
      const names = await readDisplayNames(store)
      return c.json(
        entries.map((e) => ({ id: e.id, at: e.at, user_id: e.userId, username: e.username, display_name: names.get(e.username) ?? null, action: e.action, entity: e.entity, entity_id: e.entityId, before: e.before, after: e.after, ip: e.ip })),
      )
    })
