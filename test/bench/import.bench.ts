// `npm run bench import`: `npm run import` at city scale on this machine — 1,000,000 lamps (a CSV ledger, placed on
// the real Chengdu streets) and 2,000,000 complaint rows (a CSV hotline export) — each run by the real CLI in its
// own process into a fresh SQLite file. Prints wall time, rows/s and the process's peak RSS, and, as the baseline
// measured in the same run, the time merely to stream-parse the same CSV through the same reader (the least any
// import of the file can cost).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSource } from '../../server/import/read/open-source.ts'
import { random } from '../fixtures/import/small/make-small-district.ts' // seeded: the same files every run
import { writeLines } from './megacity-data.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const LAMPS = Number(process.env.BENCH_IMPORT_LAMPS ?? 1_000_000)
const INCIDENTS = Number(process.env.BENCH_IMPORT_INCIDENTS ?? 2_000_000)
const BOX = [104.0421, 30.6528, 104.1296, 30.7279] // the Chengdu extract's bounds

async function parseOnlyMs(file: string): Promise<number> {
  const started = performance.now()
  let n = 0
  for await (const _ of (await openSource(file)).records()) n++
  if (n === 0) throw new Error('no rows')
  return performance.now() - started
}

function runCli(dir: string, profile: object) {
  const profileFile = join(dir, `profile-${Date.now()}.json`)
  writeFileSync(profileFile, JSON.stringify(profile))
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'server/cli/import.ts'), '--profile', profileFile, '--rejects', join(dir, 'rejects.csv')], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, `bench-${Date.now()}.db`)}`, GRIDWATCH_MODE: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  const wallMs = performance.now() - started
  if (result.status !== 0) throw new Error(`import failed (${result.status}): ${result.stderr.slice(-2000)}`)
  const peak = /peak memory (\d+) MB/.exec(result.stderr)?.[1]
  const last = result.stdout.trim().split('\n').at(-1)
  return { wallMs, peakMb: Number(peak), last }
}

const dir = mkdtempSync(join(tmpdir(), 'gridwatch-bench-import-'))
try {
  const rand = random(7)
  const lampsCsv = join(dir, 'lamps.csv')
  await writeLines(lampsCsv, '编号,经度,纬度,状态', LAMPS, (i) => `L${i},${(BOX[0]! + rand() * (BOX[2]! - BOX[0]!)).toFixed(7)},${(BOX[1]! + rand() * (BOX[3]! - BOX[1]!)).toFixed(7)},${rand() < 0.05 ? '不亮' : '正常'}`)
  const callsCsv = join(dir, 'calls.csv')
  const types = ['Garbage', 'Street Vending', 'Street Light Outages', 'Dirty Road']
  const start = Date.UTC(2025, 11, 1)
  await writeLines(callsCsv, 'CASE_ID,OPEN_DT,TYPE,STATUS,LONGITUDE,LATITUDE,TITLE', INCIDENTS, (i) => {
    const d = new Date(start + Math.floor(rand() * 360 * 86_400_000))
    const p = (x: number) => String(x).padStart(2, '0')
    const h = d.getUTCHours()
    const date = `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(h % 12 === 0 ? 12 : h % 12)}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
    return `HL${i},${date},${types[i % 4]},${rand() < 0.9 ? 'Closed' : 'Open'},${(BOX[0]! + rand() * (BOX[2]! - BOX[0]!)).toFixed(6)},${(BOX[1]! + rand() * (BOX[3]! - BOX[1]!)).toFixed(6)},reported by caller`
  })
  const district = { name: 'bench', time_zone: 'Asia/Shanghai' }

  for (const run of [
    {
      name: `lamps (${LAMPS.toLocaleString('en-US')} rows, on the Chengdu OSM streets)`,
      file: lampsCsv,
      rows: LAMPS,
      profile: {
        district,
        layers: [
          { layer: 'streets', file: join(root, 'geodata/chengdu/chengdu-center-2018.osm') },
          { layer: 'lamps', file: lampsCsv, id: '编号', lon: '经度', lat: '纬度', status: { field: '状态', values: { 正常: 'ok', 不亮: 'defective_lamp' } } },
        ],
      },
    },
    {
      name: `incidents (${INCIDENTS.toLocaleString('en-US')} rows)`,
      file: callsCsv,
      rows: INCIDENTS,
      profile: {
        district,
        layers: [
          {
            layer: 'incidents', file: callsCsv, id: 'CASE_ID', lon: 'LONGITUDE', lat: 'LATITUDE', description: 'TITLE',
            reported_at: { field: 'OPEN_DT', format: 'MM/dd/yyyy hh:mm:ss a' },
            category: { field: 'TYPE', values: { Garbage: '0102', 'Street Vending': '0501', 'Street Light Outages': '0118', 'Dirty Road': '0104' } },
            status: { field: 'STATUS', values: { Open: 'reported', Closed: 'closed' } },
          },
        ],
      },
    },
  ]) {
    const megabytes = statSync(run.file).size / 1e6
    const baselineMs = await parseOnlyMs(run.file)
    const result = runCli(dir, run.profile)
    console.log(`import ${run.name}, ${megabytes.toFixed(0)} MB CSV`)
    console.log(`  baseline (stream-parse the CSV only): ${(baselineMs / 1000).toFixed(1)} s, ${Math.round(run.rows / (baselineMs / 1000)).toLocaleString('en-US')} rows/s`)
    console.log(`  npm run import (check, store, derive): ${(result.wallMs / 1000).toFixed(1)} s, ${Math.round(run.rows / (result.wallMs / 1000)).toLocaleString('en-US')} rows/s, peak RSS ${result.peakMb} MB — ${(result.wallMs / baselineMs).toFixed(1)}× the parse-only baseline; target < 60 s`)
    console.log(`  ${result.last}`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
