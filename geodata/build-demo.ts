// Builds the demo district from the bundled Chengdu extract and prints what it made; with --out, writes each
// layer as GeoJSON. Idempotent: the same seed always writes the same bytes.
//   npx tsx geodata/build-demo.ts [--seed N] [--out DIR]

import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { INCIDENT_CATEGORIES } from '../server/kernel/categories.ts'
import { INCIDENT_STATUSES, LAMP_STATUSES, STREET_CATEGORIES } from '../server/kernel/statuses.ts'
import { convertDistrictToGeoJson, DEMO_LAYER_NAMES, formatFeatureCollection } from './demo/convert-to-geojson.ts'
import { DEFAULT_SEED, generateDemoDistrictWithStats, hashDemoDistrict, readChengduOsm } from './demo/generate-demo.ts'

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1)
  return counts
}

function formatShare(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) {
    console.log('usage: npx tsx geodata/build-demo.ts [--seed N] [--out DIR]')
    return
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed)
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`)

  const xml = readChengduOsm()
  const started = performance.now()
  const { district, stats } = generateDemoDistrictWithStats(xml, { seed })
  const elapsedMs = performance.now() - started
  const hash = hashDemoDistrict(district)

  const lines: string[] = []
  lines.push(`Gridwatch demo district — seed ${seed}, reference date ${stats.referenceDate}`)
  lines.push(`source sha256 ${createHash('sha256').update(xml).digest('hex')}`)
  lines.push(`generated in ${(elapsedMs / 1000).toFixed(2)} s`)
  lines.push('')
  lines.push('layers')
  for (const name of DEMO_LAYER_NAMES) lines.push(`  ${name.padEnd(14)}${String(district[name].length).padStart(7)}`)
  lines.push(
    `  parse: ${stats.parse.missingNodeRefs} missing node refs, dropped ${stats.parse.droppedStreets} streets / ` +
      `${stats.parse.droppedBuildings} buildings / ${stats.parse.droppedWater} water, skipped ${stats.parse.skippedHighwayWays} non-street highway ways`,
  )
  lines.push('')
  lines.push('street categories')
  const byStreetCategory = countBy(district.streets, (s) => s.category)
  for (const c of STREET_CATEGORIES) lines.push(`  ${c.padEnd(14)}${String(byStreetCategory.get(c) ?? 0).padStart(7)}`)
  lines.push('')
  lines.push('lamps by status')
  const lampCounts = countBy(district.lamps, (l) => l.status)
  for (const status of LAMP_STATUSES) {
    const n = lampCounts.get(status) ?? 0
    lines.push(`  ${status.padEnd(16)}${String(n).padStart(7)}  ${formatShare(n, district.lamps.length)}`)
  }
  const notWorking = district.lamps.length - (lampCounts.get('ok') ?? 0)
  lines.push(`  not working     ${String(notWorking).padStart(7)}  ${formatShare(notWorking, district.lamps.length)}`)
  lines.push(
    `  unlit alleys ${stats.unlitStreetIds.length}, missing stretches ${stats.missingStretches.length}, dark alleys ${stats.darkAlleyStreetIds.length}`,
  )
  lines.push('')
  lines.push('incidents by category')
  const byCategory = countBy(district.incidents, (i) => i.category)
  for (const c of INCIDENT_CATEGORIES) lines.push(`  ${c.code} ${c.name.padEnd(8, '\u3000')}${String(byCategory.get(c.code) ?? 0).padStart(7)}`)
  lines.push(`  total          ${String(district.incidents.length).padStart(7)}`)
  lines.push('incidents by status')
  const byStatus = countBy(district.incidents, (i) => i.status)
  for (const s of INCIDENT_STATUSES) lines.push(`  ${s.padEnd(14)}${String(byStatus.get(s) ?? 0).padStart(7)}`)
  lines.push('')
  lines.push(`hash ${hash}`)

  if (values.out !== undefined) {
    const dir = resolve(values.out)
    mkdirSync(dir, { recursive: true })
    const collections = convertDistrictToGeoJson(district)
    for (const name of DEMO_LAYER_NAMES) writeFileSync(join(dir, `${name}.geojson`), formatFeatureCollection(collections[name]))
    const manifest = {
      seed,
      referenceDate: stats.referenceDate,
      hash,
      bounds: district.bounds,
      counts: Object.fromEntries(DEMO_LAYER_NAMES.map((name) => [name, district[name].length])),
      demonstrationLayers: ['zones', 'grid', 'lamps', 'incidents', 'streets.category', 'streets.zoneId'],
      attribution: '© OpenStreetMap contributors (ODbL 1.0); zones, grid, lamps and incidents are generated demonstration data',
    }
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    lines.push(`wrote ${DEMO_LAYER_NAMES.length} layers + manifest.json to ${dir}`)
  }
  console.log(lines.join('\n'))
}

main()
