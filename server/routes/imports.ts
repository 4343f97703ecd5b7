// The Data view (数据导入), admin only: upload a city's file, see its head and guessed mapping, preview the mapped
// layer, run the import in the background and read its report and rejects, keep mappings as profiles.
import { createReadStream, existsSync } from 'node:fs'
import { Readable } from 'node:stream'
import { Hono } from 'hono'
import { z } from 'zod'
import { actorOf, requirePermission } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { validate } from '../http/validate.ts'
import { INCIDENT_CATEGORY_CODES } from '../kernel/categories.ts'
import { ProblemError } from '../kernel/problems.ts'
import { CrsError } from '../import/crs/crs-error.ts'
import { ImportJobs, MAX_UPLOAD_BYTES, type RunState } from '../import/import-jobs.ts'
import { inspectUpload, isOsmFileName } from '../import/inspect-upload.ts'
import { resolveProfile, ProfileError, type ResolvedProfile } from '../import/load-profile.ts'
import { previewLayer } from '../import/preview-layer.ts'
import { districtProfile, describeProfileIssues, layerSpec } from '../import/profile.ts'
import { PROFILE_NAME_PATTERN, SavedProfiles } from '../import/saved-profiles.ts'
import { SourceFileError } from '../import/source-record.ts'
import type { ImportReport } from '../import/run-import.ts'
import type { UseCaseContext } from '../use-cases/context.ts'

export interface ImportRouteDeps {
  /** The server's data directory (beside the SQLite file); undefined: a temporary one (tests). */
  dataDir: string | undefined
  /** Applies the district settings an import stored (time zone, own categories) to the running server. */
  applySettings: () => Promise<unknown>
}

const uploadId = z.string().uuid('an upload id as POST /api/imports/uploads answered it')
const uploadQuery = z.strictObject({ name: z.string().trim().min(1, 'the file name, with its extension').max(255) })
// The layer's keys are checked against the profile schema once the upload is known (its `file` is the upload).
const previewBody = z.strictObject({
  upload_id: uploadId,
  layer: z.record(z.string(), z.unknown()),
  /** The district's time zone for dates without an offset; default the stored district's. */
  time_zone: z.string().min(1).max(64).optional(),
  /** Category codes of the district's own, besides the national ones. */
  categories: z.array(z.string().min(1).max(16)).max(200).optional(),
})
const runBody = z.strictObject({
  profile: z.record(z.string(), z.unknown()),
  dry_run: z.boolean().optional(),
  strict: z.boolean().optional(),
})
const runParam = z.strictObject({ id: z.string().uuid() })
const profileParam = z.strictObject({ name: z.string().regex(PROFILE_NAME_PATTERN, 'a profile name: 1–64 letters, digits, spaces, _ . -, starting with a letter or digit') })
const profileBody = z.record(z.string(), z.unknown())

/** A district profile checked against the schema; a 400 naming every key that is wrong. */
function parseProfile(json: unknown, prefix: string) {
  const parsed = districtProfile.safeParse(json)
  if (parsed.success) return parsed.data
  const errors = parsed.error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }))
  throw new ProblemError(400, 'invalid-profile', describeProfileIssues(parsed.error).join('; '), errors)
}

/** A file the readers refuse, or a CRS nobody knows: the user's to fix (422), with the reader's own reason. */
function refuseUnreadable(error: unknown): never {
  if (error instanceof SourceFileError) throw new ProblemError(422, 'unreadable-file', error.reason)
  if (error instanceof CrsError) throw new ProblemError(422, 'unknown-crs', error.message)
  throw error
}

const reportJson = (r: ImportReport) => ({
  dry_run: r.dryRun,
  strict: r.strict,
  stored: r.stored,
  imported: r.imported,
  rejected: r.rejected,
  warnings: r.warnings,
  bounds: r.bounds ?? null,
  layers: r.layers.map((l) => ({ layer: l.layer, file: l.file, crs: l.crs, read: l.read, accepted: l.accepted, rejected: l.rejected, stored: l.stored, reasons: l.reasons })),
  // the first hundred for the page; all of them are in rejects.csv
  rejects: r.rejects.slice(0, 100).map((x) => ({ file: x.file, layer: x.layer, row: x.n, id: x.id, field: x.field, reason: x.reason, value: x.value })),
})

const runJson = (run: RunState) => ({
  id: run.id,
  state: run.state,
  dry_run: run.dryRun,
  started_at: run.startedAt,
  finished_at: run.finishedAt,
  progress: run.progress,
  report: run.report ? reportJson(run.report) : null,
  error: run.error ?? null,
})

export const importRoutes = (ctx: UseCaseContext, deps: ImportRouteDeps) => {
  const jobs = new ImportJobs({
    store: ctx.store,
    dataDir: deps.dataDir,
    clock: ctx.clock,
    // settings first: the model's rebuild reads the district's time zone and categories
    onStored: async () => {
      await deps.applySettings()
      await ctx.model.changed({ kind: 'district' })
    },
  })
  const profiles = new SavedProfiles(() => jobs.dataDir())
  const findUpload = (id: string) => {
    const upload = jobs.findUpload(id)
    if (!upload) throw new ProblemError(404, 'not-found', `no upload ${id}: upload the file again`)
    return upload
  }

  return new Hono<AppEnv>()
    .post('/imports/uploads', requirePermission('importData'), validate('query', uploadQuery), async (c) => {
      const { name } = c.req.valid('query')
      const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
      if (mediaType !== 'application/octet-stream') throw new ProblemError(415, 'unsupported-media-type', 'send the file itself as the body, with Content-Type application/octet-stream')
      const declared = Number(c.req.header('content-length') ?? '0')
      if (declared > MAX_UPLOAD_BYTES) throw new ProblemError(413, 'too-large', `a file may have at most ${MAX_UPLOAD_BYTES} bytes; this one has ${declared}`)
      const upload = await jobs.saveUpload(name, c.req.raw.body)
      let inspection
      try {
        inspection = await inspectUpload(upload.path, upload.name)
      } catch (error) {
        jobs.removeUpload(upload.id)
        refuseUnreadable(error)
      }
      return c.json(
        {
          upload_id: upload.id,
          name: upload.name,
          bytes: upload.bytes,
          format: inspection.format,
          field_names: inspection.fieldNames,
          sample: inspection.sample,
          prj: inspection.prj,
          geometry_type: inspection.geometryType,
          distinct_values: inspection.distinctValues,
          guesses: { layer: inspection.guesses.layer ?? null, fields: inspection.guesses.fields, values: inspection.guesses.values },
        },
        201,
      )
    })
    .post('/imports/preview', requirePermission('importData'), validate('json', previewBody), async (c) => {
      const body = c.req.valid('json')
      const upload = findUpload(body.upload_id)
      if (isOsmFileName(upload.name)) throw new ProblemError(400, 'invalid-body', 'an OpenStreetMap file needs no mapping and has no preview: import it as the streets layer')
      const parsed = layerSpec.safeParse({ ...body.layer, file: upload.path })
      if (!parsed.success) {
        const errors = parsed.error.issues.map((issue) => ({ path: ['layer', ...issue.path.map(String)].join('.'), message: issue.message }))
        throw new ProblemError(400, 'invalid-body', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors)
      }
      const settings = await ctx.store.districtSettings()
      const timeZone = body.time_zone ?? settings?.district.time_zone ?? 'Asia/Shanghai'
      if (!isTimeZone(timeZone)) throw new ProblemError(400, 'invalid-body', `time_zone: ${timeZone} is not an IANA time zone`, [{ path: 'time_zone', message: 'an IANA time zone such as Asia/Shanghai' }])
      const own = (Array.isArray(settings?.categories) ? settings.categories : []).flatMap((x: unknown) => (typeof x === 'object' && x !== null && 'code' in x && typeof x.code === 'string' ? [x.code] : []))
      const categories = new Set([...INCIDENT_CATEGORY_CODES, ...own, ...(body.categories ?? [])])
      const isPointLayer = parsed.data.layer === 'lamps' || parsed.data.layer === 'incidents'
      const streets = isPointLayer ? await ctx.store.streets({}) : []
      const preview = await previewLayer(upload.path, parsed.data, { timeZone, nowMs: ctx.clock().getTime(), categories, streets }).catch(refuseUnreadable)
      return c.json({
        crs: preview.crs,
        read: preview.read,
        accepted: preview.accepted,
        rows: preview.rows.map((r) => ({ row: r.n, ok: r.ok, id: r.id, fields: r.fields, problem: r.problem ?? null })),
        features: preview.features,
        gcj_warning: preview.gcj?.suspicious ?? false,
        gcj_check: preview.gcj ? { median_raw_m: finiteOrNull(preview.gcj.medianRawM), median_converted_m: finiteOrNull(preview.gcj.medianConvertedM) } : null,
      })
    })
    .post('/imports/runs', requirePermission('importData'), validate('json', runBody), async (c) => {
      const body = c.req.valid('json')
      const profile = parseProfile(body.profile, 'profile')
      if (profile.layers.length === 0) throw new ProblemError(400, 'invalid-profile', 'profile.layers: add at least one layer to import', [{ path: 'profile.layers', message: 'at least one layer' }])
      // Each layer's `file` is an upload id: run on the uploaded file, report under its own name
      const names = new Map<string, string>()
      const withPaths = {
        ...profile,
        layers: profile.layers.map((layer, i) => {
          const parsedId = uploadId.safeParse(layer.file)
          if (!parsedId.success) throw new ProblemError(400, 'invalid-profile', `profile.layers.${i}.file: an upload id`, [{ path: `profile.layers.${i}.file`, message: 'an upload id as POST /api/imports/uploads answered it' }])
          const upload = findUpload(parsedId.data)
          names.set(upload.path, upload.name)
          return { ...layer, file: upload.path }
        }),
      }
      let resolved: ResolvedProfile
      try {
        resolved = resolveProfile(withPaths, '/', { requireFiles: true })
      } catch (error) {
        if (error instanceof ProfileError) throw new ProblemError(400, 'invalid-profile', error.message.replace(/\/\S*\/imports\/[0-9a-f-]{36}\//g, ''))
        throw error
      }
      resolved = { ...resolved, layers: resolved.layers.map((l) => ({ ...l, spec: { ...l.spec, file: names.get(l.path) ?? l.spec.file } })) }
      const run = jobs.startRun(resolved, { actor: actorOf(c), dryRun: body.dry_run ?? false, strict: body.strict ?? false })
      return c.json({ run_id: run.id }, 202)
    })
    .get('/imports/runs/:id', requirePermission('importData'), validate('param', runParam), async (c) => {
      const run = jobs.findRun(c.req.valid('param').id)
      if (!run) throw new ProblemError(404, 'not-found', 'no such import run (runs are kept until the server restarts)')
      return c.json(runJson(run))
    })
    .get('/imports/runs/:id/rejects.csv', requirePermission('importData'), validate('param', runParam), async (c) => {
      const run = jobs.findRun(c.req.valid('param').id)
      if (!run) throw new ProblemError(404, 'not-found', 'no such import run (runs are kept until the server restarts)')
      if (run.state === 'running') throw new ProblemError(409, 'import-running', 'the run is still going: its rejects are listed once it is done')
      if (!existsSync(run.rejectsFile)) throw new ProblemError(404, 'not-found', 'this run listed no rejects file')
      const stream = Readable.toWeb(createReadStream(run.rejectsFile)) as ReadableStream<Uint8Array>
      return c.body(stream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="import-rejects-${run.id.slice(0, 8)}.csv"`,
      })
    })
    .get('/imports/profiles', requirePermission('importData'), async (c) => c.json(profiles.list().map((p) => ({ name: p.name, saved_at: p.savedAt }))))
    .get('/imports/profiles/:name', requirePermission('importData'), validate('param', profileParam), async (c) => {
      const { name } = c.req.valid('param')
      const profile = profiles.read(name)
      if (profile === undefined) throw new ProblemError(404, 'not-found', `no saved profile ${name}`)
      c.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}.json`)
      return c.json(profile as Record<string, unknown>)
    })
    .put('/imports/profiles/:name', requirePermission('importData'), validate('param', profileParam), validate('json', profileBody), async (c) => {
      const { name } = c.req.valid('param')
      const json = c.req.valid('json')
      parseProfile(json, 'body')
      // saved as sent: what the administrator wrote stays readable (defaults are not spelled out into it)
      const created = profiles.save(name, json)
      return c.json({ name, created })
    })
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null)
