// The import boundaries of docs/architecture.md, checked over every source file: a failure lists each forbidden
// import as `file:line → specifier  [rule] why`. The rules are in boundary-rules.ts, the scanner in import-scanner.ts.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkSource, formatViolations, resolveSpecifier } from './boundary-rules.ts'
import { scanImports } from './import-scanner.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/
const SKIP = new Set(['node_modules', 'dist', 'test-results'])

function listSources(folder: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(`${root}${folder}`, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) out.push(...listSources(path))
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

describe('import boundaries', () => {
  it('holds in server/, geodata/, web/ and test/', () => {
    const files = ['server', 'geodata', 'web', 'test'].flatMap(listSources)
    expect(files.length).toBeGreaterThan(100) // the walk found the tree
    const violations = files.flatMap((file) => checkSource(file, readFileSync(`${root}${file}`, 'utf8')))
    expect(formatViolations(violations), 'forbidden imports (docs/architecture.md)').toBe('')
  })

  it('reports analysis importing domain, naming the file, line and rule', () => {
    const source = "import type { LngLat } from '../kernel/geo.ts'\nimport { isOverdue } from '../domain/case-deadlines.ts'\n"
    const violations = checkSource('server/analysis/example.ts', source)
    expect(violations).toEqual([expect.objectContaining({ file: 'server/analysis/example.ts', line: 2, specifier: '../domain/case-deadlines.ts', rule: 'analysis' })])
    expect(formatViolations(violations)).toMatch(/^server\/analysis\/example\.ts:2 → \.\.\/domain\/case-deadlines\.ts {2}\[analysis\]/)
  })

  it('reports a type-only import where the part allows none', () => {
    const violations = checkSource('server/analysis/example.ts', "import type { Store } from '../store/store.ts'\n")
    expect(violations.map((v) => v.rule)).toEqual(['analysis'])
  })

  it('lets web import server types but not server code', () => {
    const source = [
      "import type { AppType } from '../../server/app.ts'",
      "import { STATUS } from '../../server/kernel/statuses.ts'",
      "import { computeDarkZones } from '../../server/analysis/dark-zones.ts'",
      "import { type Street } from '../../server/kernel/records.ts' // still loads the module",
      "const lazyRoutes = () => import('../../server/routes/lamps.ts')",
    ].join('\n')
    const violations = checkSource('web/lib/example.ts', source)
    expect(violations.map((v) => [v.line, v.rule])).toEqual([
      [3, 'web'],
      [5, 'web'],
    ])
  })

  it('keeps geodata out of the server except the demo roots', () => {
    const source = "import { generateDemoDistrict } from '../geodata/demo/generate-demo.ts'\n"
    expect(checkSource('server/seed.ts', source)).toEqual([])
    expect(checkSource('server/demo-cases.ts', source)).toEqual([])
    expect(checkSource('server/app.ts', source).map((v) => v.rule)).toEqual(['geodata-only-from-demo-root'])
    expect(checkSource('server/routes/meta.ts', "import { x } from '../../geodata/demo/prng.ts'\n").map((v) => v.rule)).toEqual(['geodata-only-from-demo-root'])
  })

  it('reports geodata importing server parts other than kernel and analysis', () => {
    const source = "import { isOverdue } from '../../server/domain/case-deadlines.ts'\nimport type { BBox } from '../../server/kernel/geo.ts'\n"
    expect(checkSource('geodata/demo/example.ts', source).map((v) => [v.line, v.rule])).toEqual([[1, 'geodata']])
  })

  it('reports a server folder the architecture does not list', () => {
    expect(checkSource('server/helpers/misc.ts', '').map((v) => v.rule)).toEqual(['unlisted-server-folder'])
  })

  it('reports a Node built-in in the pure core', () => {
    expect(checkSource('server/analysis/example.ts', "import { readFileSync } from 'node:fs'\n").map((v) => v.rule)).toEqual(['pure-core'])
    expect(checkSource('server/store/example.ts', "import { readFileSync } from 'node:fs'\n")).toEqual([])
  })

  it('lets the district model read analysis but the store only through its types', () => {
    expect(checkSource('server/model/example.ts', "import { computeDarkZones } from '../analysis/dark-zones.ts'\n")).toEqual([])
    expect(checkSource('server/model/example.ts', "import { openStore } from '../store/open-store.ts'\n").map((v) => v.rule)).toEqual(['model'])
    expect(checkSource('server/live/example.ts', '').map((v) => v.rule)).toEqual(['unlisted-server-folder'])
  })

  it('lets a colocated test import anything', () => {
    expect(checkSource('server/analysis/example.test.ts', "import { isOverdue } from '../domain/case-deadlines.ts'\n")).toEqual([])
  })
})

describe('scanImports', () => {
  it('reads every import form and ignores imports inside comments, strings, templates and regular expressions', () => {
    const source = [
      "import a, { b, type C } from './a.ts'",
      'import type {',
      '  D,',
      '  E,',
      "} from './d.ts'",
      "import * as f from './f.ts'",
      "import './side-effect.css'",
      "export { g } from './g.ts'",
      "export type { H } from './h.ts'",
      "export * from './i.ts'",
      "const j = await import('./j.ts')",
      "// import { k } from './k.ts'",
      "/* import { l } from './l.ts' */",
      "const m = \"import { m } from './m.ts'\"",
      "const n = `import { n } from './n.ts' ${a}`",
      "const o = /import { o } from '.\\/o.ts'/",
      'export const p = 1',
      "import type from './q.ts'",
      'const r = import.meta.url',
    ].join('\n')
    expect(scanImports(source).map(({ specifier, line, typeOnly, dynamic }) => [specifier, line, typeOnly, dynamic])).toEqual([
      ['./a.ts', 1, false, false],
      ['./d.ts', 5, true, false],
      ['./f.ts', 6, false, false],
      ['./side-effect.css', 7, false, false],
      ['./g.ts', 8, false, false],
      ['./h.ts', 9, true, false],
      ['./i.ts', 10, false, false],
      ['./j.ts', 11, false, true],
      ['./q.ts', 18, false, false],
    ])
  })

  it('finds nothing in empty input', () => {
    expect(scanImports('')).toEqual([])
  })

  it('resolves relative specifiers against the importing file and leaves packages alone', () => {
    expect(resolveSpecifier('web/features/a/b.ts', '../../../server/kernel/geo.ts')).toBe('server/kernel/geo.ts')
    expect(resolveSpecifier('server/analysis/a.ts', './b.ts')).toBe('server/analysis/b.ts')
    expect(resolveSpecifier('server/analysis/a.ts', 'kdbush')).toBeUndefined()
  })
})
