// Benchmark of the briefing (通报): on the demo district over central Chengdu (12 months of demonstration cases),
// how long a leader waits for a month's draft (the facts: KPIs, laggards, hotspots on the worker pool, lighting),
// for its PDF preview, and for issuing it, through the API as the server runs it. Baseline in the same run: the same
// PDF drawn with PDFKit's font cache as it comes, which re-read and re-parsed the 1.6 MB CJK font for every table
// cell (the cause of a 37 s preview before it was found). Standalone: `npx tsx test/bench/briefing.bench.ts`.
import { cpus } from 'node:os'
import { loadDemoDistrict } from '../../geodata/demo/generate-demo.ts'
import { briefingAnnexes } from '../../server/briefing/briefing-annexes.ts'
import type { BriefingFacts } from '../../server/briefing/briefing-facts.ts'
import { renderBriefingPdf } from '../../server/briefing/briefing-pdf.ts'
import { districtCalendar } from '../../server/domain/district-calendar.ts'
import { createTestApp, signIn } from '../api/helpers.ts'

const NOW = new Date('2026-12-07T09:30:00+08:00')
const RUNS = 5
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}; node ${process.version}`)
const { app, store } = await createTestApp({ district: loadDemoDistrict({ referenceDate: districtCalendar.isoInstant(NOW) }), clock: () => NOW })
const info = await store.info()
console.log(`district: ${info.counts.streets.toLocaleString('en-US')} streets, ${info.counts.lamps.toLocaleString('en-US')} lamps, ${info.counts.incidents.toLocaleString('en-US')} incidents`)
const leader = await signIn(app, 'leader')
const post = (path: string, body?: unknown) => app.request(path, { method: 'POST', headers: { cookie: leader, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })

const draftMs: number[] = []
const previewMs: number[] = []
let last = { id: '', pdf_url: '' }
let bytes = 0
for (let i = 0; i < RUNS; i++) {
  let t = performance.now()
  last = (await (await post('/api/briefings', { from: '2026-11-01', to: '2026-12-01' })).json()) as typeof last
  draftMs.push(performance.now() - t)
  t = performance.now()
  bytes = (await (await app.request(last.pdf_url, { headers: { cookie: leader } })).arrayBuffer()).byteLength
  previewMs.push(performance.now() - t)
}
let t = performance.now()
const issued = await post(`/api/briefings/${last.id}/issue`)
const issueMs = performance.now() - t
if (issued.status !== 200) throw new Error(`issue failed with ${issued.status}`)
console.log(`POST /api/briefings (November, whole district): median ${ms(median(draftMs))} of ${RUNS} (first ${ms(draftMs[0]!)})`)
console.log(`GET /api/briefings/:id.pdf (the draft preview, ${Math.round(bytes / 1024)} KB): median ${ms(median(previewMs))}`)
console.log(`POST /api/briefings/:id/issue (draw, hash, file): ${ms(issueMs)}`)

// the drawing alone, with and without the font-cache seeding
const record = (await store.briefing(last.id))!
const facts = record.facts as BriefingFacts
const bbox = facts.map.bbox
const [streets, water, zones] = await Promise.all([store.streets({ bbox }), store.water({ bbox }), store.zones()])
const basemap = { streets: streets.map((s) => ({ coordinates: s.coordinates, highway: s.highway })), water: water.map((w) => ({ kind: w.kind, coordinates: w.coordinates })), zones: zones.map((z) => ({ name: z.name, coordinates: z.coordinates })) }
const stamp = { id: record.id, lang: 'zh' as const, status: 'draft' as const, number: null, year: null, issuedByName: null, issuedAt: null, districtName: '全区' }
const draw = async (seedFontCache: boolean) => {
  const started = performance.now()
  await renderBriefingPdf(facts, basemap, stamp, briefingAnnexes(facts), { seedFontCache })
  return performance.now() - started
}
await draw(true) // warm-up
const now = median([await draw(true), await draw(true), await draw(true)])
const baseline = await draw(false)
console.log(`PDF drawing alone: ${ms(now)} (median of 3); PDFKit's font cache as it comes: ${ms(baseline)} → ${(baseline / now).toFixed(1)}× faster`)
await store.close()
process.exit(0)
