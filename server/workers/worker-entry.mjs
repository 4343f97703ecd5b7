// The first module of every pool worker. A worker thread starts as plain Node: under Node 20 it inherits neither
// the parent's `--import tsx` (execArgv) nor the module hooks tsx registered in the parent, and under Vitest the
// parent's modules come from Vite, which a thread cannot use either. So the worker registers tsx itself and then
// imports the TypeScript module named in workerData — the same path under `npm start`, `tsx` and Vitest.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.module)
