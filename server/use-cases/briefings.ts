// Drafting, previewing and issuing a briefing (通报). A draft keeps the facts gathered when it was made, so the
// preview a leader reads is what gets issued; issuing numbers it (期号, counted in the district's year), draws the
// final PDF with the issuer on it and files the bytes with their SHA-256, never to change again.
import { createHash } from 'node:crypto'
import { briefingAnnexes } from '../briefing/briefing-annexes.ts'
import { gatherBriefingFacts, type BriefingFacts } from '../briefing/briefing-facts.ts'
import type { BriefingBasemap } from '../briefing/briefing-map.ts'
import { renderBriefingPdf, type BriefingStamp } from '../briefing/briefing-pdf.ts'
import { briefingPeriod, districtYear, periodTitle } from '../briefing/briefing-period.ts'
import { briefingWords, type BriefingLang } from '../briefing/briefing-text.ts'
import type { Actor, User } from '../domain/roles.ts'
import { ConflictError } from '../kernel/errors.ts'
import type { BBox } from '../kernel/geo.ts'
import { ProblemError } from '../kernel/problems.ts'
import type { BriefingRecord } from '../store/store.ts'
import type { AnalysisPool } from '../workers/analysis-pool.ts'
import type { UseCaseContext } from './context.ts'

// A year is the longest period one briefing covers: longer ones are annual reviews, not briefings, and would make
// the trend chart a wall of weeks.
const MAX_PERIOD_DAYS = 366
const MAX_MAP_STREETS = 15_000
const MAIN_ROADS: ReadonlySet<string> = new Set(['motorway', 'trunk', 'primary', 'secondary', 'tertiary'])

export interface DraftRequest {
  fromMs: number
  toMs: number
  zoneId: string | null
  lang: BriefingLang
  scheduleKey?: string
}

export async function draftBriefing(ctx: UseCaseContext, analysis: AnalysisPool, req: DraftRequest, actor: Actor): Promise<{ briefing: BriefingRecord; created: boolean }> {
  if (!(req.fromMs < req.toMs)) throw new ProblemError(422, 'empty-period', 'the period must end after it starts (from < to)')
  if (req.toMs - req.fromMs > MAX_PERIOD_DAYS * 86_400_000) throw new ProblemError(422, 'period-too-long', `a briefing covers at most ${MAX_PERIOD_DAYS} days`)
  let zoneName: string | null = null
  if (req.zoneId !== null) {
    const zone = (await ctx.store.zones()).find((z) => z.id === req.zoneId)
    if (!zone) throw new ProblemError(422, 'unknown-zone', `no zone ${req.zoneId} in this district`)
    zoneName = req.lang === 'zh' ? zone.name : zone.nameEn
  }
  const facts = await gatherBriefingFacts(ctx, analysis, { fromMs: req.fromMs, toMs: req.toMs, zoneId: req.zoneId })
  const period = briefingPeriod(req.fromMs, req.toMs)
  const title = [briefingWords(req.lang).title, periodTitle(period, req.lang), zoneName].filter(Boolean).join(' · ')
  return ctx.store.createBriefing({ kind: period.kind, fromMs: req.fromMs, toMs: req.toMs, zoneId: req.zoneId, lang: req.lang, title, facts, ...(req.scheduleKey ? { scheduleKey: req.scheduleKey } : {}) }, actor)
}

/** The district's own layers within the map's box, for the briefing's map. */
async function basemapFor(ctx: UseCaseContext, bbox: BBox): Promise<BriefingBasemap> {
  const [all, water, zones] = await Promise.all([ctx.store.streets({ bbox }), ctx.store.water({ bbox }), ctx.store.zones()])
  // A megacity's every alley would print as a grey blot (and a PDF of hundreds of megabytes): past this many
  // streets the map keeps the classified roads only.
  const streets = all.length > MAX_MAP_STREETS ? all.filter((s) => MAIN_ROADS.has(s.highway.replace(/_link$/, ''))) : all
  return {
    streets: streets.map((s) => ({ coordinates: s.coordinates, highway: s.highway })),
    water: water.map((w) => ({ kind: w.kind, coordinates: w.coordinates })),
    zones: zones.map((z) => ({ name: z.name, coordinates: z.coordinates })),
  }
}

async function districtName(ctx: UseCaseContext, lang: BriefingLang): Promise<string> {
  const settings = await ctx.store.districtSettings()
  const name = lang === 'zh' ? settings?.district.name : (settings?.district.name_en ?? settings?.district.name)
  return name ?? briefingWords(lang).district
}

/** The PDF of a briefing as it stands: a draft's preview (watermarked), or an issued one's as filed. */
/**
 * The previews drawn lately, by briefing id: a draft's facts never change, and drawing one holds the event loop for
 * 0.3–0.5 s, so a leader opening the same preview again (or a colleague) gets the bytes already made.
 */
export class DraftPreviews {
  private readonly kept = new Map<string, Promise<Buffer>>()
  constructor(private readonly size = 8) {}

  get(id: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    let pdf = this.kept.get(id)
    if (!pdf) {
      pdf = draw()
      pdf.catch(() => this.kept.delete(id))
      if (this.kept.size >= this.size) this.kept.delete(this.kept.keys().next().value!)
      this.kept.set(id, pdf)
    }
    return pdf
  }

  /** Issued: the filed PDF is the one to serve from now on. */
  forget(id: string): void {
    this.kept.delete(id)
  }
}

export async function briefingPdf(ctx: UseCaseContext, id: string, previews?: DraftPreviews): Promise<{ record: BriefingRecord; pdf: Uint8Array } | undefined> {
  const record = await ctx.store.briefing(id)
  if (!record) return undefined
  if (record.status === 'issued') {
    previews?.forget(id)
    const pdf = await ctx.store.briefingPdf(id)
    return pdf && { record, pdf }
  }
  const drawDraft = () => draw(ctx, record, record.facts as BriefingFacts, { status: 'draft', number: null, year: null, issuedByName: null, issuedAt: null })
  return { record, pdf: await (previews ? previews.get(id, drawDraft) : drawDraft()) }
}

async function draw(ctx: UseCaseContext, record: BriefingRecord, facts: BriefingFacts, stamp: Omit<BriefingStamp, 'id' | 'lang' | 'districtName'>): Promise<Buffer> {
  const basemap = await basemapFor(ctx, facts.map.bbox)
  return renderBriefingPdf(facts, basemap, { ...stamp, id: record.id, lang: record.lang, districtName: await districtName(ctx, record.lang) }, briefingAnnexes(facts))
}

export async function issueBriefing(ctx: UseCaseContext, id: string, user: User, actor: Actor): Promise<BriefingRecord> {
  for (let attempt = 0; ; attempt++) {
    const record = await ctx.store.briefing(id)
    if (!record) throw new ProblemError(404, 'not-found', `briefing ${id} does not exist`)
    if (record.status !== 'draft') throw new ProblemError(409, 'already-issued', `briefing ${id} was issued on ${record.issuedAt} by ${record.issuedByName ?? record.issuedBy}; an issued briefing cannot change`)
    const at = ctx.clock()
    const year = districtYear(at.getTime())
    const number = (await ctx.store.briefings()).filter((b) => b.status === 'issued' && b.number !== null && yearOf(b) === year).reduce((n, b) => Math.max(n, b.number ?? 0), 0) + 1
    const pdf = await draw(ctx, record, record.facts as BriefingFacts, { status: 'issued', number, year, issuedByName: user.displayName || user.username, issuedAt: at.toISOString() })
    const sha256 = createHash('sha256').update(pdf).digest('hex')
    try {
      return await ctx.store.issueBriefing(id, { number, year, pdf, sha256, issuedByName: user.displayName || user.username, at }, actor)
    } catch (err) {
      // Another leader issued a briefing (taking this number) or this one meanwhile: count again, at most twice.
      if (err instanceof ConflictError && attempt < 2) continue
      if (err instanceof ConflictError) throw new ProblemError(409, 'conflict', err.message)
      throw err
    }
  }
}

const yearOf = (b: BriefingRecord) => (b.issuedAt ? districtYear(Date.parse(b.issuedAt)) : null)
