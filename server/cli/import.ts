// `npm run import -- --profile FILE [--dry-run] [--strict] [--rejects FILE]`: loads a city's own data into the
// store named by DATABASE_URL (a new database is created empty: no demo district). Prints progress on stderr, a
// summary per layer, and as its last line `imported: N, rejected: M`.
// Exit codes: 0 done (rejected rows, if any, are listed in the rejects file); 1 refused by --strict, or a failure
// while storing (each layer's transaction rolls back whole); 2 a profile or file that cannot be read.
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { ensureDemoAccounts } from '../demo-accounts.ts'
import { CrsError } from '../import/crs/crs-error.ts'
import { loadProfile, ProfileError } from '../import/load-profile.ts'
import { runImport, type ImportProgress, type ImportReport } from '../import/run-import.ts'
import { SourceFileError } from '../import/source-record.ts'
import { DEFAULT_DATABASE_URL, openStore } from '../store/open-store.ts'
import { SqliteStore } from '../store/sqlite-store.ts'

const USAGE = 'usage: npm run import -- --profile FILE [--dry-run] [--strict] [--rejects FILE]'

function fail(code: number, message: string): never {
  console.error(`import: ${message}`)
  process.exit(code)
}

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    options: { profile: { type: 'string' }, 'dry-run': { type: 'boolean' }, strict: { type: 'boolean' }, rejects: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  }).values
}
try {
  args = parse()
} catch (error) {
  fail(2, `${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}
if (!args.profile) fail(2, `--profile is required\n${USAGE}`)

const numberText = (n: number) => n.toLocaleString('en-US')

/** One line per second at most on a terminal (rewritten in place), one per phase change otherwise. */
function createProgressPrinter() {
  const tty = process.stderr.isTTY
  let lastMs = 0
  let lastKey = ''
  return (p: ImportProgress) => {
    const key = `${p.layer}|${p.phase}`
    const now = Date.now()
    if (key === lastKey && now - lastMs < 1000) return
    lastMs = now
    const line = p.phase === 'deriving' ? '[import] deriving intersections, unit grid, units and bounds' : `[import] ${p.layer} ${p.file}: ${p.phase} ${numberText(p.rows)} rows`
    if (tty) process.stderr.write(`\r${line.padEnd(79)}`)
    else if (key !== lastKey) process.stderr.write(`${line}\n`)
    lastKey = key
  }
}

function printReport(report: ImportReport, rejectsFile: string): void {
  if (process.stderr.isTTY) process.stderr.write('\n')
  const rows = report.layers.map((l) => [
    l.layer, l.file, l.crs, numberText(l.read), numberText(l.accepted), numberText(l.rejected),
    l.stored ? `${numberText(l.stored.inserted)} new, ${numberText(l.stored.updated)} updated, ${numberText(l.stored.unchanged)} unchanged` : '-',
  ])
  const header = ['layer', 'file', 'crs', 'read', 'accepted', 'rejected', 'stored']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  console.log(format(header))
  for (const r of rows) console.log(format(r))
  for (const l of report.layers) {
    const reasons = Object.entries(l.reasons).sort((a, b) => b[1] - a[1])
    if (reasons.length > 0) console.log(`  ${l.layer} ${l.file} rejected: ${reasons.map(([r, n]) => `${r} ${numberText(n)}`).join(', ')}`)
  }
  for (const w of report.warnings) console.log(`warning: ${w}`)
  if (report.rejected > 0) console.log(`rejects: ${numberText(report.rejected)} rows listed in ${rejectsFile}`)
  if (report.dryRun) console.log('dry run: nothing stored (imported counts what would be)')
  else if (!report.stored) console.log('strict: rows were rejected, so nothing was stored')
  else if (report.bounds) console.log(`district bounds: ${report.bounds.map((x) => x.toFixed(5)).join(', ')}`)
  const imported = report.dryRun ? report.layers.reduce((sum, l) => sum + l.accepted, 0) : report.imported
  console.log(`imported: ${imported}, rejected: ${report.rejected}`)
}

let profile: ReturnType<typeof loadProfile>
try {
  profile = loadProfile(resolve(args.profile))
} catch (error) {
  if (error instanceof ProfileError) fail(2, error.message)
  throw error
}

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
const rejectsFile = resolve(args.rejects ?? 'import-rejects.csv')
const store = openStore(databaseUrl)
// A bulk load touches every page of the tables and indexes it fills: a page cache of 256 MB (SQLite's default is
// 2 MB) keeps them in memory instead of rereading them from disk once the table outgrows the cache
if (store instanceof SqliteStore) store.db.pragma('cache_size = -262144')
const started = performance.now()
try {
  if (process.env.GRIDWATCH_MODE !== 'production' && !args['dry-run']) {
    const created = await ensureDemoAccounts(store)
    if (created.length > 0) console.error(`[import] demo mode: created demo accounts ${created.join(', ')} (password: gridwatch-demo)`)
  }
  const report = await runImport(store, profile, {
    actor: { userId: null, username: 'import' },
    dryRun: args['dry-run'] ?? false,
    strict: args.strict ?? false,
    rejectsFile,
    onProgress: createProgressPrinter(),
  })
  printReport(report, rejectsFile)
  await store.close()
  // for the operator (and the benchmark): how long it took and the most memory it ever held
  console.error(`[import] ${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
  process.exit(!report.dryRun && !report.stored ? 1 : 0)
} catch (error) {
  await store.close().catch(() => {})
  if (error instanceof SourceFileError || error instanceof CrsError || error instanceof ProfileError) fail(2, error.message)
  fail(1, error instanceof Error ? (error.stack ?? error.message) : String(error))
}
