#!/usr/bin/env node
// `npm test`: type-check, then every Vitest suite (unit, API, end-to-end in Chromium), then one plain summary line
// that CI can read: `vitest: N passed, N failed, N skipped`. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const resultsFile = `${root}.vitest-results.json`
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1

console.log('» type-check (tsc --noEmit)')
const typecheck = run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'])
if (typecheck !== 0) console.error('type-check failed')

// Build the web app once up front: the end-to-end suites serve it, and building here keeps them from racing.
console.log('» web build (vite build)')
const build = run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])
if (build !== 0) console.error('web build failed')

rmSync(resultsFile, { force: true })
console.log('» vitest')
const extra = process.argv.slice(2)
const vitest = run(process.execPath, [
  'node_modules/vitest/vitest.mjs', 'run', '--config', 'test/vitest.config.ts',
  '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extra,
])

let passed = 0, failed = 0, skipped = 0
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'))
  passed = results.numPassedTests ?? 0
  failed = results.numFailedTests ?? 0
  skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0)
  // A suite that fails to load has no tests to count but is still a failure.
  failed += (results.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length
} else {
  failed += 1
  console.error('vitest wrote no results file')
}
if (typecheck !== 0) failed += 1
if (build !== 0) failed += 1
if (vitest !== 0 && failed === 0) failed += 1

console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || vitest !== 0 || typecheck !== 0 || build !== 0 ? 1 : 0)
