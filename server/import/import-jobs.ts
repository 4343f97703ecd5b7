// The Data view's server side of an import: uploaded files kept on disk under the data directory
// (`<dir>/imports/<uploadId>/<name>`, streamed there, never held in memory), and import runs executed one at a
// time in the background, each with its progress, its report and its rejects CSV (`<dir>/imports/runs/<runId>/`).
// One at a time because a run writes the whole district in a few large transactions, and two interleaved would
// place one file's lamps on the other's half-written streets.
import { randomUUID } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Actor } from '../domain/roles.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { Store } from '../store/store.ts'
import type { ResolvedProfile } from './load-profile.ts'
import type { LayerName } from './profile.ts'
import { runImport, type ImportProgress, type ImportReport } from './run-import.ts'

/** 500 MB: a large city's complaint history as CSV; anything bigger belongs to `npm run import` on the server. */
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface StoredUpload {
  id: string
  /** The sanitised file name, extension kept: the readers choose by it. */
  name: string
  path: string
  bytes: number
}

export interface RunProgress {
  /** 0..1, by layers and phases done (a phase's rows count once its total is known). */
  fraction: number
  layer: LayerName | null
  phase: ImportProgress['phase'] | null
  rows: number
}

export interface RunState {
  id: string
  state: 'running' | 'done' | 'failed'
  dryRun: boolean
  startedAt: string
  finishedAt: string | null
  progress: RunProgress
  report: ImportReport | undefined
  error: string | undefined
  rejectsFile: string
}

/** A file name safe to write anywhere: no path, no control or shell characters, its extension kept. */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
  if (clean === '') return 'upload'
  if (clean.length <= 120) return clean
  // keep the (possibly double: .osm.pbf) extension and cut the stem
  const ext = /(\.[A-Za-z0-9]{1,8}){1,2}$/.exec(clean)?.[0] ?? ''
  return clean.slice(0, 120 - ext.length) + ext
}

export interface ImportJobsOptions {
  store: Store
  /** The server's data directory (beside the SQLite file); undefined: a fresh temporary one, made when first needed. */
  dataDir: string | undefined
  /** Called after a run that stored data, before it is reported done: the live model and settings must follow. */
  onStored?: () => Promise<void>
  clock?: () => Date
}

export class ImportJobs {
  private dir: string | undefined
  private readonly runs = new Map<string, RunState>()
  private running: string | undefined

  constructor(private readonly options: ImportJobsOptions) {
    this.dir = options.dataDir
  }

  /** The data directory, created when first needed. */
  dataDir(): string {
    if (this.dir === undefined) this.dir = mkdtempSync(join(tmpdir(), 'gridwatch-data-'))
    mkdirSync(this.dir, { recursive: true })
    return this.dir
  }

  private importsDir(): string {
    return join(this.dataDir(), 'imports')
  }

  /**
   * Streams `body` to disk as a new upload. Refuses (413) once more than `maxBytes` have arrived, and an empty body
   * (400); a partial file is removed either way.
   */
  async saveUpload(fileName: string, body: ReadableStream<Uint8Array> | null, maxBytes = MAX_UPLOAD_BYTES): Promise<StoredUpload> {
    if (!body) throw new ProblemError(400, 'invalid-body', 'send the file itself as the request body (application/octet-stream)')
    const id = randomUUID()
    const name = sanitiseFileName(fileName)
    const folder = join(this.importsDir(), id)
    mkdirSync(folder, { recursive: true })
    const path = join(folder, name)
    let bytes = 0
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length
        if (bytes > maxBytes) done(new ProblemError(413, 'too-large', `a file may have at most ${maxBytes} bytes; use npm run import on the server for larger ones`))
        else done(null, chunk)
      },
    })
    try {
      await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), count, createWriteStream(path))
    } catch (error) {
      rmSync(folder, { recursive: true, force: true })
      throw error
    }
    if (bytes === 0) {
      rmSync(folder, { recursive: true, force: true })
      throw new ProblemError(400, 'invalid-body', 'the file is empty')
    }
    return { id, name, path, bytes }
  }

  /** The stored upload `id`, or undefined when there is none (an unknown or malformed id). */
  findUpload(id: string): StoredUpload | undefined {
    if (!UPLOAD_ID.test(id)) return undefined
    const folder = join(this.importsDir(), id)
    if (!existsSync(folder)) return undefined
    const name = readdirSync(folder)[0]
    return name === undefined ? undefined : { id, name, path: join(folder, name), bytes: statSync(join(folder, name)).size }
  }

  /** Removes an upload (one that cannot be read is of no further use). */
  removeUpload(id: string): void {
    if (UPLOAD_ID.test(id)) rmSync(join(this.importsDir(), id), { recursive: true, force: true })
  }

  /** Starts `resolved` in the background; 409 `import-running` while another run is going. */
  startRun(resolved: ResolvedProfile, options: { actor: Actor; dryRun: boolean; strict: boolean }): RunState {
    if (this.running !== undefined) throw new ProblemError(409, 'import-running', `import run ${this.running} is still going; wait until it is done`)
    const id = randomUUID()
    const folder = join(this.importsDir(), 'runs', id)
    mkdirSync(folder, { recursive: true })
    const clock = this.options.clock ?? (() => new Date())
    const run: RunState = {
      id,
      state: 'running',
      dryRun: options.dryRun,
      startedAt: clock().toISOString(),
      finishedAt: null,
      progress: { fraction: 0, layer: null, phase: null, rows: 0 },
      report: undefined,
      error: undefined,
      rejectsFile: join(folder, 'rejects.csv'),
    }
    this.runs.set(id, run)
    this.running = id
    const track = trackProgress(resolved, options.dryRun, (p) => (run.progress = p))
    void runImport(this.options.store, resolved, { actor: options.actor, dryRun: options.dryRun, strict: options.strict, now: clock(), rejectsFile: run.rejectsFile, onProgress: track })
      .then(async (report) => {
        if (report.stored) await this.options.onStored?.()
        run.report = report
        run.progress = { ...run.progress, fraction: 1 }
        run.state = 'done'
      })
      .catch((error: unknown) => {
        run.state = 'failed'
        run.error = error instanceof Error ? error.message : String(error)
        // a failure while storing is the server's to look into; the message goes to the admin as well
        console.error(`[gridwatch] import run ${id} failed`, error)
      })
      .finally(() => {
        run.finishedAt = clock().toISOString()
        this.running = undefined
      })
    return run
  }

  findRun(id: string): RunState | undefined {
    return this.runs.get(id)
  }
}

const LAYER_ORDER: readonly LayerName[] = ['zones', 'streets', 'lamps', 'incidents']

/**
 * Turns runImport's progress reports into a fraction: each layer has a checking and (unless a dry run) a storing
 * step, plus one for deriving. Rows count within a storing step only, once checking has told how many there are.
 */
function trackProgress(resolved: ResolvedProfile, dryRun: boolean, set: (p: RunProgress) => void): (p: ImportProgress) => void {
  const layers = [...resolved.layers].sort((a, b) => LAYER_ORDER.indexOf(a.spec.layer) - LAYER_ORDER.indexOf(b.spec.layer))
  const steps = layers.length * (dryRun ? 1 : 2) + (dryRun ? 0 : 1)
  const readRows = new Map<string, number>() // file → rows checked
  return (p) => {
    const index = Math.max(0, layers.findIndex((l) => l.spec.file === p.file && l.spec.layer === p.layer))
    let done: number
    if (p.phase === 'deriving') done = steps - 1
    else if (p.phase === 'checking') {
      readRows.set(p.file, Math.max(readRows.get(p.file) ?? 0, p.rows))
      done = index
    } else {
      const total = readRows.get(p.file) ?? 0
      done = layers.length + index + (total > 0 ? Math.min(1, p.rows / total) : 0)
    }
    set({ fraction: steps === 0 ? 1 : Math.min(0.99, done / steps), layer: p.layer, phase: p.phase, rows: p.rows })
  }
}
