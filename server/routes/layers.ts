// Read-only map layers: streets, lamps, zones, intersections, the unit grid and the OSM basemap.
// Public (the citizen's report page needs them): streets, zones, intersections, basemap. Staff only: lamps, grid.
import { Hono } from 'hono'
import { z } from 'zod'
import { LAMP_STATUSES, STREET_CATEGORIES } from '../kernel/statuses.ts'
import { bboxesIntersect, type BBox, type LngLat } from '../kernel/geo.ts'
import { requireUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { bboxParam, listParam } from '../http/params.ts'
import { ProblemError } from '../kernel/problems.ts'
import { validate } from '../http/validate.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import {
  buildingFeature,
  featureCollection,
  gridCellFeature,
  intersectionFeature,
  lampFeature,
  streetFeature,
  waterFeature,
  zoneFeature,
} from './geojson.ts'

const bboxOnly = z.strictObject({ bbox: bboxParam.optional() })
const streetsQuery = z.strictObject({ bbox: bboxParam.optional(), category: listParam(STREET_CATEGORIES, 'category').optional() })
const lampsQuery = z.strictObject({ bbox: bboxParam.optional(), status: listParam(LAMP_STATUSES, 'status').optional() })
const idParam = z.object({ id: z.string().min(1).max(64) })

// The unit grid has ~7,000 cells for the demo district; beyond this many a client must ask for a bbox.
const MAX_GRID_CELLS = 20_000

const ringBox = (rings: readonly (readonly LngLat[])[]): BBox => {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const ring of rings) for (const [x, y] of ring) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)]
  return [w, s, e, n]
}

export const layerRoutes = ({ store, model }: UseCaseContext) => {
  const lampState = async () => {
    const [{ working }, { streetZone }] = await Promise.all([model.lighting(), model.places()])
    return { working, streetZone }
  }
  return new Hono<AppEnv>()
    .get('/streets', validate('query', streetsQuery), async (c) => {
      const { bbox, category } = c.req.valid('query')
      return c.json(featureCollection(await store.streets({ bbox, categories: category }), streetFeature))
    })
    .get('/streets/:id', validate('param', idParam), async (c) => {
      const street = await store.street(c.req.valid('param').id)
      if (!street) throw new ProblemError(404, 'not-found', `street ${c.req.valid('param').id} does not exist`)
      return c.json(streetFeature(street))
    })
    .get('/lamps', requireUser(), validate('query', lampsQuery), async (c) => {
      const { bbox, status } = c.req.valid('query')
      const { working, streetZone } = await lampState()
      return c.json(featureCollection(await store.lamps({ bbox, statuses: status }), (l) => lampFeature(l, working.get(l.id) ?? false, streetZone.get(l.streetId) ?? null)))
    })
    .get('/lamps/:id', requireUser(), validate('param', idParam), async (c) => {
      const lamp = await store.lamp(c.req.valid('param').id)
      if (!lamp) throw new ProblemError(404, 'not-found', `lamp ${c.req.valid('param').id} does not exist`)
      const { working, streetZone } = await lampState()
      c.header('etag', `"${lamp.version}"`)
      return c.json(lampFeature(lamp, working.get(lamp.id) ?? false, streetZone.get(lamp.streetId) ?? null))
    })
    .get('/zones', validate('query', bboxOnly), async (c) => {
      // Like every layer, zones take a bbox: those whose outline's box meets it.
      const { bbox } = c.req.valid('query')
      const zones = await store.zones()
      return c.json(featureCollection(bbox ? zones.filter((z) => bboxesIntersect(ringBox(z.coordinates), bbox)) : zones, zoneFeature))
    })
    .get('/intersections', validate('query', bboxOnly), async (c) =>
      c.json(featureCollection(await store.intersections({ bbox: c.req.valid('query').bbox }), intersectionFeature)),
    )
    .get('/grid', requireUser(), validate('query', bboxOnly), async (c) => {
      const cells = await store.gridCells({ bbox: c.req.valid('query').bbox })
      if (cells.length > MAX_GRID_CELLS) {
        throw new ProblemError(413, 'too-large', `${cells.length} grid cells match; ask for a smaller bbox (at most ${MAX_GRID_CELLS} cells)`)
      }
      return c.json(featureCollection(cells, gridCellFeature))
    })
    .get('/basemap/buildings', validate('query', bboxOnly), async (c) =>
      c.json(featureCollection(await store.buildings({ bbox: c.req.valid('query').bbox }), buildingFeature)),
    )
    .get('/basemap/water', validate('query', bboxOnly), async (c) =>
      c.json(featureCollection(await store.water({ bbox: c.req.valid('query').bbox }), waterFeature)),
    )
}
