// Briefings (通报): a leader drafts one for a period (and optionally one zone), previews its PDF, and issues it;
// every staff member can list the briefings and download any issued one, byte for byte as it was issued, with its
// CSV annexes. Periods follow the KPI endpoints: `from` inclusive, `to` exclusive, a bare date is midnight in the
// district's time zone — so a briefing's numbers are GET /api/kpis's for the same from and to.
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { ANNEX_NAMES, briefingAnnex } from '../briefing/briefing-annexes.ts'
import type { BriefingFacts } from '../briefing/briefing-facts.ts'
import { actorOf, requirePermission, signedInUser } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { instantParam } from '../http/params.ts'
import { validate } from '../http/validate.ts'
import { may } from '../kernel/permissions.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { BriefingRecord } from '../store/store.ts'
import { readDisplayNames } from './display-names.ts'
import { briefingPdf, DraftPreviews, draftBriefing, issueBriefing } from '../use-cases/briefings.ts'
import type { UseCaseContext } from '../use-cases/context.ts'
import type { AnalysisPool } from '../workers/analysis-pool.ts'

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

const draftBody = z
  .strictObject({
    from: instantParam,
    to: instantParam,
    zone: z.string().trim().min(1).max(16).optional(),
    lang: z.enum(['zh', 'en']).optional(),
  })
  .refine((b) => b.from < b.to, { message: 'from must be earlier than to', path: ['from'] })

const idParam = z.object({ id: z.string().regex(new RegExp(`^${ID}$`), 'not a briefing id') })
const fileParam = z.object({
  file: z
    .string()
    .regex(new RegExp(`^${ID}(\\.pdf)?$`), 'a briefing id, or a briefing id followed by .pdf')
    .transform((v) => ({ id: v.replace(/\.pdf$/, ''), pdf: v.endsWith('.pdf') })),
})

/** A briefing on the wire. */
export function briefingJson(b: BriefingRecord, names: ReadonlyMap<string, string> = new Map()) {
  return {
    id: b.id,
    title: b.title,
    kind: b.kind,
    from: new Date(b.fromMs).toISOString(),
    to: new Date(b.toMs).toISOString(),
    zone_id: b.zoneId,
    lang: b.lang,
    status: b.status,
    created_by: b.createdBy,
    created_by_name: names.get(b.createdBy) ?? b.createdBy,
    created_at: b.createdAt,
    issued_by: b.issuedBy,
    issued_by_name: b.issuedByName,
    issued_at: b.issuedAt,
    number: b.number,
    sha256: b.sha256,
    bytes: b.bytes,
    pdf_url: `/api/briefings/${b.id}.pdf`,
    annexes: ANNEX_NAMES.map((name) => ({ name, url: `/api/briefings/${b.id}/annexes/${name}.csv` })),
  }
}

const fileName = (b: BriefingRecord) => `briefing-${new Date(b.fromMs).toISOString().slice(0, 10)}-${b.status === 'issued' ? `no${b.number}` : 'draft'}-${b.id.slice(0, 8)}`

/**
 * The briefing, if this user may read it: an issued one every staff role, a draft only those who may issue it — a
 * draft names units before a leader has signed it, and is not circulated until then.
 */
function readable<B extends BriefingRecord>(c: Context<AppEnv>, b: B | undefined, id: string): B {
  if (!b) throw new ProblemError(404, 'not-found', `briefing ${id} does not exist`)
  if (b.status !== 'issued' && !may(signedInUser(c).roles, 'issueBriefings')) throw new ProblemError(403, 'forbidden', `briefing ${id} is a draft; leaders read drafts until one is issued`)
  return b
}

export const briefingRoutes = (ctx: UseCaseContext, analysis: AnalysisPool) => {
  const previews = new DraftPreviews()
  return new Hono<AppEnv>()
    .get('/briefings', requirePermission('readBriefings'), async (c) => {
      const names = await readDisplayNames(ctx.store)
      const leader = may(signedInUser(c).roles, 'issueBriefings')
      return c.json((await ctx.store.briefings()).filter((b) => leader || b.status === 'issued').map((b) => briefingJson(b, names)))
    })
    .post('/briefings', requirePermission('issueBriefings'), validate('json', draftBody), async (c) => {
      const b = c.req.valid('json')
      const { briefing } = await draftBriefing(ctx, analysis, { fromMs: b.from, toMs: b.to, zoneId: b.zone ?? null, lang: b.lang ?? 'zh' }, actorOf(c))
      c.header('location', `/api/briefings/${briefing.id}`)
      return c.json(briefingJson(briefing), 201)
    })
    // One path for both representations: `<id>` is the briefing as JSON (with its facts), `<id>.pdf` its PDF.
    .get('/briefings/:file', requirePermission('readBriefings'), validate('param', fileParam), async (c) => {
      const { file } = c.req.valid('param')
      if (!file.pdf) {
        const b = readable(c, await ctx.store.briefing(file.id), file.id)
        return c.json({ ...briefingJson(b), facts: b.facts })
      }
      readable(c, await ctx.store.briefing(file.id), file.id)
      const found = await briefingPdf(ctx, file.id, previews)
      if (!found) throw new ProblemError(404, 'not-found', `briefing ${file.id} does not exist`)
      const { record, pdf } = found
      const headers: Record<string, string> = {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${fileName(record)}.pdf"`,
        'x-content-type-options': 'nosniff',
      }
      // An issued briefing never changes: its hash is its ETag, and it may be kept. A draft is drawn afresh each time.
      if (record.status === 'issued' && record.sha256) {
        const etag = `"${record.sha256}"`
        if (c.req.header('if-none-match') === etag) return c.body(null, 304, { etag })
        Object.assign(headers, { etag, 'cache-control': 'private, max-age=31536000, immutable' })
      } else headers['cache-control'] = 'no-store'
      return c.body(Buffer.from(pdf) as unknown as ArrayBuffer, 200, headers)
    })
    .get('/briefings/:id/annexes/:name', requirePermission('readBriefings'), validate('param', z.object({ id: idParam.shape.id, name: z.enum(ANNEX_NAMES.map((n) => `${n}.csv`) as [string, ...string[]]) })), async (c) => {
      const { id, name } = c.req.valid('param')
      const b = readable(c, await ctx.store.briefing(id), id)
      const annex = name.replace(/\.csv$/, '') as (typeof ANNEX_NAMES)[number]
      c.header('content-disposition', `attachment; filename="${fileName(b)}-${annex}.csv"`)
      return c.body(briefingAnnex(b.facts as BriefingFacts, annex), 200, { 'content-type': 'text/csv; charset=utf-8' })
    })
    .post('/briefings/:id/issue', requirePermission('issueBriefings'), validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param')
      const issued = await issueBriefing(ctx, id, signedInUser(c), actorOf(c))
      previews.forget(id)
      return c.json(briefingJson(issued))
    })
}
