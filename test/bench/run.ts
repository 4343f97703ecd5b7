// `npm run bench` (tsx test/bench/run.ts [name …]): runs every test/bench/*.bench.ts in turn, each in a fresh Node
// process with --expose-gc and the tsx loader, so that one benchmark's heap and JIT state never colour the next.
// Names given on the command line pick the benchmarks whose file name contains one of them. Never part of `npm test`.

import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const directory = fileURLToPath(new URL('.', import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(directory)
  .filter((file) => file.endsWith('.bench.ts') && (only.length === 0 || only.some((name) => file.includes(name))))
  .sort()
if (files.length === 0) {
  console.error(`no benchmark matches ${only.join(', ') || 'test/bench/*.bench.ts'}`)
  process.exit(1)
}

const tsxLoader = import.meta.resolve('tsx')
let failed = 0
for (const file of files) {
  console.log(`» ${file}`)
  const started = performance.now()
  const { status } = spawnSync(process.execPath, ['--expose-gc', '--import', tsxLoader, join(directory, file)], { stdio: 'inherit' })
  console.log(`» ${file}: ${status === 0 ? 'done' : `failed (exit ${status})`} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  if (status !== 0) failed++
}
process.exit(failed > 0 ? 1 : 0)
