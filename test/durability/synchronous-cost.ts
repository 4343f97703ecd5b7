// What `synchronous = FULL` costs over NORMAL on this machine's disk: the time of one createReport (a citizen's report:
// incident row, R*Tree entry, timeline event, audit entry, one transaction) against a file-backed store in WAL mode.
// Standalone, never part of `npm test`: `npx tsx test/durability/synchronous-cost.ts [folder]` — the folder (default
// the OS temp dir) should be on the disk that will hold the real database, since the cost is that disk's fsync.
//
// Method (after flatbush's bench.js): warm-up blocks, then blocks of writes alternating NORMAL and FULL on the same
// file so both see the same disk state; min, median, p99 and mean per write over all timed writes (the mean carries
// the checkpoints, where NORMAL does its syncing); the ratios printed last. The writes themselves are the sink.
import { districtCalendar } from '../../server/domain/district-calendar.ts'
import { newTrackingNumber } from '../../server/domain/tracking-numbers.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../server/store/sqlite-store.ts'
import { createTinyDistrict } from '../fixtures/tiny-district.ts'

const WRITES_PER_BLOCK = 200
const WARM_UP_BLOCKS = 1 // per mode
const TIMED_BLOCKS = 5 // per mode
const MODES = ['NORMAL', 'FULL'] as const

const dir = mkdtempSync(join(process.argv[2] ?? tmpdir(), 'gridwatch-synchronous-cost-'))
const store = new SqliteStore(join(dir, 'gridwatch.db'))
const citizen = { userId: null, username: 'citizen' }

async function timeBlock(mode: (typeof MODES)[number], block: number): Promise<number[]> {
  store.db.pragma(`synchronous = ${mode}`)
  const times: number[] = []
  for (let i = 0; i < WRITES_PER_BLOCK; i++) {
    const started = performance.now()
    await store.createReport(
      {
        category: '0104',
        coordinates: [104.041 + (i % 100) * 0.0001, 30.651 + block * 0.001],
        description: `路面脏 ${mode} block ${block} #${i}`,
        source: 'public_web',
        phone: null,
        lampId: null,
        zoneId: '001',
        streetId: 'w1',
        unitId: null,
        deadlineMs: Date.now() + 86_400_000,
        trackingNumber: newTrackingNumber(new Date(), districtCalendar),
        status: 'reported',
        repeatOf: null,
      },
      citizen,
      new Date(),
    )
    times.push(performance.now() - started)
  }
  return times
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

try {
  await store.seedDistrict(createTinyDistrict(), { demo: true })
  const timed: Record<(typeof MODES)[number], number[]> = { NORMAL: [], FULL: [] }
  for (let block = 0; block < WARM_UP_BLOCKS + TIMED_BLOCKS; block++) {
    for (const mode of block % 2 === 0 ? MODES : [...MODES].reverse()) {
      const times = await timeBlock(mode, block)
      if (block >= WARM_UP_BLOCKS) timed[mode].push(...times)
    }
  }
  console.log(`${TIMED_BLOCKS * WRITES_PER_BLOCK} createReport calls per mode, file in ${dir}, WAL mode`)
  for (const mode of MODES) {
    const xs = timed[mode]
    const ms = (x: number) => `${x.toFixed(2)} ms`
    console.log(`synchronous=${mode.padEnd(6)} min ${ms(Math.min(...xs))} · median ${ms(median(xs))} · p99 ${ms(p99(xs))} · mean ${ms(mean(xs))} (≈${Math.round(1000 / mean(xs))} writes/s)`)
  }
  const ratio = (f: (xs: number[]) => number) => `${(f(timed.FULL) / f(timed.NORMAL)).toFixed(1)}×`
  console.log(`FULL / NORMAL: median ${ratio(median)} · mean ${ratio(mean)}`)
} finally {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}
