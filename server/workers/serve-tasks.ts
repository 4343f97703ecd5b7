// The worker side of the pool: answer each task message with the task's result, moving typed-array buffers back
// instead of copying them.
import { parentPort } from 'node:worker_threads'

/** A table of tasks: name → a synchronous function of plain, structured-cloneable data. */
export type TaskTable = Record<string, (input: never) => unknown>

/** What the pool sends: a task to run. */
export interface TaskRequest {
  id: number
  name: string
  input: unknown
}

/** What the worker answers: ready once at start, then one reply per task. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'failed'; id: number; message: string; stack: string | undefined }

/** The buffers under `value` (itself, its members and theirs) that can move to the other thread instead of being copied. */
export function collectTransferables(value: unknown, depth = 2, found: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer)
  } else if (depth > 0 && typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) collectTransferables(member, depth - 1, found)
  }
  return [...found]
}

const isTaskRequest = (m: unknown): m is TaskRequest =>
  typeof m === 'object' && m !== null && 'id' in m && typeof m.id === 'number' && 'name' in m && typeof m.name === 'string' && 'input' in m

/** Serves `tasks` on this worker's parent port; call once from the worker module. */
export function serveTasks(tasks: TaskTable): void {
  const port = parentPort
  if (!port) throw new Error('serveTasks: not running in a worker thread')
  port.on('message', (message: unknown) => {
    if (!isTaskRequest(message)) throw new TypeError(`serveTasks: malformed task message ${JSON.stringify(message)}`)
    const task = Object.hasOwn(tasks, message.name) ? tasks[message.name] : undefined
    let reply: WorkerReply
    try {
      if (!task) throw new Error(`no task named ${message.name}`)
      // The pool types each task's input from this same table, so the message carries what the task expects.
      reply = { kind: 'done', id: message.id, value: (task as (input: unknown) => unknown)(message.input) }
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      reply = { kind: 'failed', id: message.id, message: e.message, stack: e.stack }
    }
    port.postMessage(reply, reply.kind === 'done' ? collectTransferables(reply.value) : [])
  })
  port.postMessage({ kind: 'ready' } satisfies WorkerReply)
}
