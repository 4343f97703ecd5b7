// Seeds an empty store with the Chengdu demo district (real OSM layers + generated demonstration data).
import { loadDemoDistrict } from '../geodata/demo/generate-demo.ts'
import { seedDemoCases } from './demo-cases.ts'
import { districtCalendar } from './domain/district-calendar.ts'
import type { Store } from './store/store.ts'



/**
 * Seeds the store when it holds no streets yet; returns whether it seeded. The demo's twelve months end at the moment
 * of seeding, so recent-period views and deadlines look current; given that moment, the data is deterministic.
 */
export async function ensureSeeded(store: Store, log: (line: string) => void = () => {}, now: Date = new Date()): Promise<boolean> {
  const { counts } = await store.info()
  if (counts.streets > 0) return false
  const started = performance.now()
  const district = loadDemoDistrict({ referenceDate: districtCalendar.isoInstant(now) })
  await store.seedDistrict(district, { demo: true })
  await seedDemoCases(store, district.zones, district.incidents, now)
  log(
    `seeded the demo district in ${Math.round(performance.now() - started)} ms: ${district.streets.length} streets, ` +
      `${district.lamps.length} lamps, ${district.incidents.length} incidents, ${district.zones.length} zones`,
  )
  return true
}
