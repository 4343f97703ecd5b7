// GET /api/search?q=…: one search box for a street ("人民南路"), a junction ("人民南路 × 锦里") or, for staff who may
// read it, a case by its number or tracking number. Offline: the district's own streets and junctions (the place
// index), no geocoder. Public, because the citizen's report page finds its spot with it too.
import { NEAR_STREET_M } from '../model/places.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { mayReadCase } from '../domain/case-access.ts'
import type { AppEnv } from '../http/env.ts'
import { validate } from '../http/validate.ts'
import type { UseCaseContext } from '../use-cases/context.ts'

const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type a street, a junction (A × B) or a case number').max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
})

// I0012345 (a case) or GW261206ABC234 (a tracking number), typed in any case; a lamp by its pole number
const CASE_ID = /^I\d{7}$/i
const TRACKING_NUMBER = /^GW\d{6}[A-Z0-9]{6}$/i
const LAMP_ID = /^L\d{3,12}$/i

export const searchRoutes = (ctx: UseCaseContext) =>
  new Hono<AppEnv>().get('/search', validate('query', searchQuery), async (c) => {
    const { q, limit } = c.req.valid('query')
    const user = c.get('user')
    const places = await ctx.model.places()
    const cases = []
    const lamps = []
    const term = q.replace(/\s+/g, '')
    // lamps are staff-only, as their layer is: a pole number finds the lamp for a crew on the keyboard
    if (user && LAMP_ID.test(term)) {
      const lamp = await ctx.store.lamp(term.toUpperCase())
      if (lamp) lamps.push({ kind: 'lamp' as const, id: lamp.id, name: lamp.id, center: lamp.coordinates, status: lamp.status })
    }
    if (user && (CASE_ID.test(term) || TRACKING_NUMBER.test(term))) {
      const found = CASE_ID.test(term) ? await ctx.store.case(term.toUpperCase()) : await ctx.store.caseByTracking(term.toUpperCase())
      if (found && mayReadCase(user, found)) {
        cases.push({
          kind: 'case' as const,
          id: found.id,
          name: found.id,
          tracking_number: found.trackingNumber,
          category: found.category,
          status: found.status,
          center: found.coordinates,
          street_name: places.nearestStreet.nearest(found.coordinates, NEAR_STREET_M)?.name ?? null,
        })
      }
    }
    const hits = places.search.search(q, limit).map((hit) =>
      hit.kind === 'street'
        ? { kind: hit.kind, id: hit.id, name: hit.name, name_en: hit.nameEn, center: hit.center, bbox: hit.bbox, street_ids: hit.streetIds, length_m: hit.lengthM }
        : { kind: hit.kind, id: hit.id, name: hit.name, center: hit.center, names: hit.names },
    )
    return c.json({ query: q, results: [...cases, ...lamps, ...hits] })
  })
