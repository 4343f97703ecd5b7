// Which part of Gridwatch may import which (docs/architecture.md explains each row). Paths are repository-relative
// with forward slashes. A file belongs to the first part whose `files` test matches; a test file (`*.test.ts(x)`)
// belongs to `test` wherever it stands, because test code may reach anything it needs to set a case up.
import { scanImports, type ImportRecord } from './import-scanner.ts'

export type PartName =
  | 'kernel'
  | 'analysis'
  | 'domain'
  | 'store'
  | 'model'
  | 'use-cases'
  | 'briefing'
  | 'http'
  | 'routes'
  | 'workers'
  | 'auth'
  | 'cli'
  | 'import'
  | 'server-root'
  | 'geodata'
  | 'web'
  | 'test'

export interface Part {
  name: PartName
  files: RegExp
  may: readonly PartName[] // runtime and type imports; a part may always import its own files
  mayTypes?: readonly PartName[] // type-only imports (`import type`), erased at build time
  why: string
}

const SERVER_FOLDER = (...folders: string[]) => new RegExp(`^server/(${folders.join('|')})/`)

/** The parts, in matching order.  */
export const PARTS: readonly Part[] = [
  { name: 'test', files: /^test\/|\.test\.tsx?$/, may: ['kernel', 'analysis', 'domain', 'store', 'model', 'use-cases', 'briefing', 'http', 'routes', 'workers', 'auth', 'cli', 'import', 'server-root', 'geodata', 'web'], why: 'tests set up whatever they exercise' },
  { name: 'kernel', files: SERVER_FOLDER('kernel'), may: [], why: 'facts every side shares; it depends on nothing so anything can depend on it' },
  { name: 'analysis', files: SERVER_FOLDER('analysis'), may: ['kernel'], why: 'pure algorithms over plain data: rules and limits come in as parameters' },
  { name: 'domain', files: SERVER_FOLDER('domain'), may: ['kernel', 'analysis'], why: 'business rules, pure and table-driven' },
  { name: 'store', files: SERVER_FOLDER('store'), may: ['kernel', 'domain'], why: 'storage adapters behind one async interface' },
  { name: 'model', files: SERVER_FOLDER('model'), may: ['kernel', 'domain', 'analysis'], mayTypes: ['store'], why: 'the live district model reads the store through its interface only' },
  { name: 'use-cases', files: SERVER_FOLDER('use-cases'), may: ['kernel', 'domain', 'analysis', 'store', 'model', 'briefing'], mayTypes: ['workers'], why: 'writes: domain rules inside the store transaction, then the model hook; a briefing draft is handed the analysis pool its hotspots run on' },
  { name: 'briefing', files: SERVER_FOLDER('briefing'), may: ['kernel', 'domain', 'analysis'], mayTypes: ['model', 'store', 'use-cases', 'workers'], why: 'the briefing: its facts from the model and the analysis pool it is handed, drawn as PDF and CSV' },
  { name: 'http', files: SERVER_FOLDER('http'), may: ['kernel', 'domain', 'auth', 'workers'], mayTypes: ['store'], why: 'HTTP plumbing shared by the routes: session cookies need the token hashing, and the worker pool refusals become 503s' },
  { name: 'routes', files: SERVER_FOLDER('routes'), may: ['http', 'use-cases', 'briefing', 'model', 'domain', 'analysis', 'kernel', 'workers', 'auth', 'import'], mayTypes: ['store'], why: 'parse → use case → serialise; sign-in and account routes hash passwords' },
  { name: 'workers', files: SERVER_FOLDER('workers'), may: ['analysis', 'kernel', 'domain'], why: 'the analysis worker pool runs analysis off the request thread' },
  { name: 'auth', files: SERVER_FOLDER('auth'), may: ['kernel', 'domain', 'store'], why: 'password hashing and session tokens' },
  { name: 'import', files: SERVER_FOLDER('import'), may: ['kernel', 'analysis', 'domain', 'store', 'geodata'], why: "a city's own files read, checked and stored; the OSM reader and the grid generator are geodata's" },
  { name: 'cli', files: SERVER_FOLDER('cli'), may: ['kernel', 'domain', 'store', 'auth', 'import', 'server-root'], why: 'operator commands over the store; creating an account hashes its password; npm run import creates the demo accounts as the server does' },
  { name: 'server-root', files: /^server\/[^/]+\.(ts|mts|mjs)$/, may: ['kernel', 'analysis', 'domain', 'store', 'model', 'use-cases', 'briefing', 'http', 'routes', 'workers', 'auth', 'cli', 'import', 'server-root'], why: 'the composition root wires every part together' },
  { name: 'geodata', files: /^geodata\//, may: ['kernel', 'analysis'], why: 'the OSM import and demo generator share facts and geometry with the server, nothing else' },
  { name: 'web', files: /^web\//, may: ['kernel'], mayTypes: ['kernel', 'analysis', 'domain', 'store', 'model', 'use-cases', 'briefing', 'http', 'routes', 'workers', 'auth', 'cli', 'import', 'server-root'], why: 'no server code in the bundle: the Hono client needs only `type AppType`' },
]

/** Composition-root files that build the demo district and so may import the demo generator. */
const DEMO_ROOT_FILES = /^server\/(seed|demo-[^/]+)\.ts$/

/** Parts whose code must stay pure: no Node built-in modules (no file, network or process access). */
const PURE_PARTS: ReadonlySet<PartName> = new Set(['kernel', 'analysis'])

export interface Violation {
  file: string
  line: number
  specifier: string
  rule: string // the importing part's name, or 'unlisted-server-folder' / 'pure-core' / 'geodata-only-from-demo-root'
  message: string
}

/** The part a repository path belongs to; undefined for a path outside server/, web/, geodata/ and test/. */
export function findPart(path: string): Part | undefined {
  return PARTS.find((p) => p.files.test(path))
}

/** Resolves a relative specifier against the importing file; undefined for a package or built-in. */
export function resolveSpecifier(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined
  const parts = file.split('/').slice(0, -1)
  for (const step of specifier.split('/')) {
    if (step === '.' || step === '') continue
    if (step === '..') parts.pop()
    else parts.push(step)
  }
  return parts.join('/')
}

/** Exceptions: `file → target` pairs allowed despite the rules, each with its reason. Keep this short. */
export const EXCEPTIONS: readonly { file: string; target: string; reason: string }[] = [
  { file: 'server/http/photo-upload.ts', target: 'server/store/photo-files.ts', reason: 'an upload is checked against the size limit and image types the photo store accepts: one definition' },
]

/** The rule violations of one file's imports. */
export function checkImports(file: string, imports: readonly ImportRecord[]): Violation[] {
  const part = findPart(file)
  if (part === undefined) return []
  const out: Violation[] = []
  const report = (record: ImportRecord, rule: string, message: string): void => {
    out.push({ file, line: record.line, specifier: record.specifier, rule, message })
  }
  for (const record of imports) {
    const target = resolveSpecifier(file, record.specifier)
    if (target === undefined) {
      const builtin = record.specifier.startsWith('node:')
      if (builtin && PURE_PARTS.has(part.name) && !record.typeOnly) {
        report(record, 'pure-core', `${part.name} stays pure: no Node built-in (${record.specifier})`)
      }
      continue
    }
    if (EXCEPTIONS.some((e) => e.file === file && e.target === target)) continue
    if (target.startsWith('geodata/') && part.name !== 'geodata' && part.name !== 'test') {
      // the importer reads a city's OSM extract with the same rules the demo's extract is read by
      const importReadsOsm = part.name === 'import' && target.startsWith('geodata/osm/')
      if (!(part.name === 'server-root' && DEMO_ROOT_FILES.test(file)) && !importReadsOsm) {
        report(record, 'geodata-only-from-demo-root', `only server/seed.ts and server/demo-*.ts may import the demo generator, and server/import/ the OSM reader (${target})`)
      }
      continue
    }
    const targetPart = findPart(target)
    if (targetPart === undefined || targetPart.name === part.name) continue
    if (part.may.includes(targetPart.name)) continue
    if (record.typeOnly && part.mayTypes?.includes(targetPart.name)) continue
    const allowed = [...part.may, ...(part.mayTypes ?? []).map((m) => `${m} (types)`)]
    report(
      record,
      part.name,
      `${part.name} may import ${allowed.length === 0 ? 'nothing outside itself' : allowed.join(', ')}; not ${record.typeOnly ? 'type-only ' : ''}${targetPart.name} (${target})`,
    )
  }
  return out
}

/** A file in a server/ folder that has no row in PARTS: the architecture must say where it stands. */
export function checkServerFolder(file: string): Violation | undefined {
  if (!file.startsWith('server/') || findPart(file) !== undefined) return undefined
  const folder = file.split('/')[1]
  return { file, line: 1, specifier: '', rule: 'unlisted-server-folder', message: `server/${folder}/ is not in test/architecture/boundary-rules.ts (and docs/architecture.md)` }
}

/** Every violation of one source text at `file`. */
export function checkSource(file: string, source: string): Violation[] {
  const folder = checkServerFolder(file)
  return [...(folder ? [folder] : []), ...checkImports(file, scanImports(source))]
}

/** One line per violation, sorted: `file:line → specifier  [rule] message`. */
export function formatViolations(violations: readonly Violation[]): string {
  return [...violations]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
    .map((v) => `${v.file}:${v.line} → ${v.specifier || '(file)'}  [${v.rule}] ${v.message}`)
    .join('\n')
}
