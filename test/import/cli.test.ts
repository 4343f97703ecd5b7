// `npm run import` as a bureau runs it: the exit codes, the summary's last line and the reject report are the
// contract. Each case runs the real CLI in its own process against a fresh SQLite file.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const messy = join(root, 'test/fixtures/import/messy')

function runImport(args: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gridwatch-import-'))
  const db = join(dir, 'gridwatch.db')
  const rejects = join(dir, 'rejects.csv')
  const result = spawnSync(process.execPath, ['--import', join(root, 'node_modules/tsx/dist/esm/index.mjs'), join(root, 'server/cli/import.ts'), ...args, '--rejects', rejects], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: `file:${db}`, GRIDWATCH_MODE: 'production', ...env },
    encoding: 'utf8',
  })
  const lines = result.stdout.trim().split('\n')
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, last: lines[lines.length - 1], db, rejects, dir }
}

const count = (db: string, table: string) => {
  const conn = new Database(db, { readonly: true })
  try {
    return (conn.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  } finally {
    conn.close()
  }
}

const EXPECTED_REJECTS = [
  'file,layer,row,id,field,reason,value',
  'hotline-messy.csv,incidents,3,HL000002,LONGITUDE,missing coordinate,',
  'hotline-messy.csv,incidents,4,HL000003,LONGITUDE,non-numeric coordinate,abc',
  'hotline-messy.csv,incidents,5,HL000004,LONGITUDE,"placeholder coordinate: 0, 0","0, 0"',
  'hotline-messy.csv,incidents,6,HL000005,LONGITUDE,outside the district,"116.3912, 39.9067"',
  'hotline-messy.csv,incidents,7,HL000006,OPEN_DT,unparseable date: not MM/dd/yyyy hh:mm:ss a,02/30/2026 10:00:00 AM',
  'hotline-messy.csv,incidents,8,HL000007,OPEN_DT,missing date,',
  'hotline-messy.csv,incidents,9,HL000008,TYPE,"unknown category: no mapping for ""UFO sighting"" and no default",UFO sighting',
  'hotline-messy.csv,incidents,10,HL000009,STATUS,"unknown status: no mapping for ""Pending"" and no default",Pending',
  'hotline-messy.csv,incidents,11,HL000001,CASE_ID,duplicate id (first at row 2),HL000001',
  'hotline-messy.csv,incidents,12,,CASE_ID,missing id,',
  'hotline-messy.csv,incidents,14,HL000013,OPEN_DT,implausible date: in the future,01/01/2031 10:00:00 AM',
  'hotline-messy.csv,incidents,15,HL000014,OPEN_DT,implausible date: before 1980,06/01/1900 10:00:00 AM',
]

describe('npm run import on a messy hotline export', () => {
  test('imports the three good rows, lists the twelve others with row, field and reason, and exits 0', () => {
    const run = runImport(['--profile', join(messy, 'profile.json')])
    expect(run.status, run.stderr).toBe(0)
    expect(run.last).toBe('imported: 3, rejected: 12')
    expect(readFileSync(run.rejects, 'utf8').replace(/^\uFEFF/, '').trim().split('\n')).toEqual(EXPECTED_REJECTS)
    expect(run.stdout).toMatch(/incidents\s+hotline-messy\.csv\s+wgs84\s+15\s+3\s+12\s+3 new, 0 updated, 0 unchanged/)
    expect(count(run.db, 'incidents')).toBe(3)
    // a new database holds only what was imported: no demo district, no demo accounts in production mode
    expect(count(run.db, 'streets')).toBe(0)
    expect(count(run.db, 'users')).toBe(0)
  })

  test('--strict refuses the whole import when a row is rejected: exit 1, nothing stored', () => {
    const run = runImport(['--profile', join(messy, 'profile.json'), '--strict'])
    expect(run.status).toBe(1)
    expect(run.last).toBe('imported: 0, rejected: 12')
    expect(count(run.db, 'incidents')).toBe(0)
    expect(readFileSync(run.rejects, 'utf8').trim().split('\n')).toHaveLength(13)
  })

  test('--dry-run reads and reports but stores nothing', () => {
    const run = runImport(['--profile', join(messy, 'profile.json'), '--dry-run'])
    expect(run.status).toBe(0)
    expect(run.last).toBe('imported: 3, rejected: 12')
    expect(run.stdout).toContain('dry run: nothing stored')
    expect(count(run.db, 'incidents')).toBe(0)
  })

  test('demo mode creates the demo accounts in a new database, still without demo data', () => {
    const run = runImport(['--profile', join(messy, 'profile.json')], { GRIDWATCH_MODE: 'demo' })
    expect(run.status).toBe(0)
    expect(count(run.db, 'users')).toBeGreaterThan(0)
    expect(count(run.db, 'lamps')).toBe(0)
  })
})

describe('npm run import refuses what it cannot read with exit code 2, naming the key or file', () => {
  const writeProfile = (dir: string, profile: unknown) => {
    const file = join(dir, 'profile.json')
    writeFileSync(file, JSON.stringify(profile))
    return file
  }

  test('a profile without its district', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-profile-'))
    const run = runImport(['--profile', writeProfile(dir, { layers: [] })])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/district/)
  })

  test('a time zone that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-profile-'))
    const run = runImport(['--profile', writeProfile(dir, { district: { name: 'x', time_zone: 'China/Chengdu' } })])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/district\.time_zone/)
  })

  test('a layer file that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-profile-'))
    const run = runImport(['--profile', writeProfile(dir, { district: { name: 'x' }, layers: [{ layer: 'lamps', file: 'ledger.xlsx', id: '编号', lon: '经度', lat: '纬度' }] })])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/layers\[0\]\.file: ledger\.xlsx not found/)
  })

  test('a file that is not what its name says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-profile-'))
    writeFileSync(join(dir, 'roads.zip'), 'this is not a zip archive')
    const run = runImport(['--profile', writeProfile(dir, { district: { name: 'x' }, layers: [{ layer: 'streets', file: 'roads.zip', id: 'FID' }] })])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/roads\.zip/)
  })

  test('an unknown coordinate system', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-profile-'))
    writeFileSync(join(dir, 'lamps.csv'), 'id,x,y\nA,1,2\n')
    const run = runImport(['--profile', writeProfile(dir, { district: { name: 'x' }, layers: [{ layer: 'lamps', file: 'lamps.csv', id: 'id', lon: 'x', lat: 'y', crs: 'mars' }] })])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/mars/)
  })

  test('a mapping to a category nobody defined', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridwatch-profile-'))
    writeFileSync(join(dir, 'calls.csv'), 'id,t,x,y\n')
    const run = runImport(['--profile', writeProfile(dir, { district: { name: 'x' }, layers: [{ layer: 'incidents', file: 'calls.csv', id: 'id', lon: 'x', lat: 'y', reported_at: 't', category: { field: 't', values: { a: '9999' } } }] })])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/layers\[0\]\.category.*9999/)
  })
})
