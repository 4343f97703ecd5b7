// A synthetic megacity for the benchmarks and the load script: a lamp ledger and a year of hotline complaints as
// CSV files (seeded, so every run writes the same rows) over the real Chengdu streets, and the district profile
// that `npm run import` reads them with. Sizes are options.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { random } from '../fixtures/import/small/make-small-district.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
/** The Chengdu extract's bounds: every synthetic point falls inside. */
export const MEGACITY_BOX = [104.0421, 30.6528, 104.1296, 30.7279] as const
const INCIDENT_TYPES = ['Garbage', 'Street Vending', 'Street Light Outages', 'Dirty Road']

/** Streams `count` CSV lines after `header` into `file`, a megabyte at a time. */
export async function writeLines(file: string, header: string, count: number, line: (i: number) => string) {
  const out = createWriteStream(file)
  out.write(header + '\n')
  let chunk = ''
  for (let i = 1; i <= count; i++) {
    chunk += line(i) + '\n'
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
}

/** Writes lamps.csv and calls.csv into `dir`: `lamps` lamps (5 % out), `incidents` complaints over 360 days from December 2025. */
export async function writeMegacityFiles(dir: string, sizes: { lamps: number; incidents: number }) {
  const rand = random(7)
  const [w, s, e, n] = MEGACITY_BOX
  const lampsCsv = join(dir, 'lamps.csv')
  await writeLines(lampsCsv, '编号,经度,纬度,状态', sizes.lamps, (i) => `L${i},${(w + rand() * (e - w)).toFixed(7)},${(s + rand() * (n - s)).toFixed(7)},${rand() < 0.05 ? '不亮' : '正常'}`)
  const callsCsv = join(dir, 'calls.csv')
  const start = Date.UTC(2025, 11, 1)
  const p = (x: number) => String(x).padStart(2, '0')
  await writeLines(callsCsv, 'CASE_ID,OPEN_DT,TYPE,STATUS,LONGITUDE,LATITUDE,TITLE', sizes.incidents, (i) => {
    const d = new Date(start + Math.floor(rand() * 360 * 86_400_000))
    const h = d.getUTCHours()
    const date = `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(h % 12 === 0 ? 12 : h % 12)}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
    // clustered: half the complaints near one of forty hot places, the rest anywhere
    const hot = rand() < 0.5
    const cx = hot ? w + ((i % 40) / 40) * (e - w) : w + rand() * (e - w)
    const cy = hot ? s + (((i * 7) % 40) / 40) * (n - s) : s + rand() * (n - s)
    const jitter = hot ? 0.002 : 0
    return `HL${i},${date},${INCIDENT_TYPES[i % 4]},${rand() < 0.9 ? 'Closed' : 'Open'},${(cx + (rand() - 0.5) * jitter).toFixed(6)},${(cy + (rand() - 0.5) * jitter).toFixed(6)},reported by caller`
  })
  return { lampsCsv, callsCsv }
}

/** The profile that imports the Chengdu streets, the lamp ledger and the complaints. */
export function megacityProfile(files: { lampsCsv: string; callsCsv: string }) {
  return {
    district: { name: 'bench megacity', time_zone: 'Asia/Shanghai' },
    layers: [
      { layer: 'streets', file: join(root, 'geodata/chengdu/chengdu-center-2018.osm') },
      { layer: 'lamps', file: files.lampsCsv, id: '编号', lon: '经度', lat: '纬度', status: { field: '状态', values: { 正常: 'ok', 不亮: 'defective_lamp' } } },
      {
        layer: 'incidents', file: files.callsCsv, id: 'CASE_ID', lon: 'LONGITUDE', lat: 'LATITUDE', description: 'TITLE',
        reported_at: { field: 'OPEN_DT', format: 'MM/dd/yyyy hh:mm:ss a' },
        category: { field: 'TYPE', values: { Garbage: '0102', 'Street Vending': '0501', 'Street Light Outages': '0118', 'Dirty Road': '0104' } },
        status: { field: 'STATUS', values: { Open: 'reported', Closed: 'closed' } },
      },
    ],
  }
}
