// Entry of an analysis worker thread (started through worker-entry.mjs): serves the analysis task table.
import { analysisTasks } from './analysis-tasks.ts'
import { serveTasks } from './serve-tasks.ts'

serveTasks(analysisTasks)
