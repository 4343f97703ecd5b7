// Seeds an empty store with the Chengdu demo district (real OSM layers + generated demonstration data).
import { loadDemoDistrict } from '../geodata/demo/generate-demo.ts'
import type { Store } from './store/store.ts'


/** Seeds the store when it holds no streets yet; returns whether it seeded. */
export async function ensureSeeded(store: Store, log: (line: string) => void = () => {}): Promise<boolean> {
  const { counts } = await store.info()
  if (counts.streets > 0) return false
  const started = performance.now()
  const district = loadDemoDistrict()
  await store.seedDistrict(district, { demo: true })
  log(
    `seeded the demo district in ${Math.round(performance.now() - started)} ms: ${district.streets.length} streets, ` +
      `${district.lamps.length} lamps, ${district.incidents.length} incidents, ${district.zones.length} zones`,
  )
  return true
}
