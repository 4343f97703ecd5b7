// The briefing as a PDF (PDFKit): A4, the CJK font embedded (subset to the glyphs used, so the text stays text:
// searchable and copyable), page numbers, bookmarks, a table of contents for the monthly edition, the map and charts
// as vectors, the CSV annexes embedded as attachments. A draft carries a watermark; an issued briefing its number and
// issuer. Drawing reads nothing but its arguments.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'
import type { BriefingFacts } from './briefing-facts.ts'
import { drawBriefingMap, drawMapKey, type BriefingBasemap } from './briefing-map.ts'
import { drawLeagueChart, drawTrendChart } from './briefing-charts.ts'
import { periodDates, periodTitle } from './briefing-period.ts'
import { createCalendar } from '../kernel/calendar.ts'
import { briefingWords, change, fmt, pct, type BriefingLang } from './briefing-text.ts'

export interface BriefingStamp {
  id: string
  lang: BriefingLang
  status: 'draft' | 'issued'
  number: number | null
  year: string | null
  issuedByName: string | null
  issuedAt: string | null // ISO
  districtName: string
}

// Noto Sans SC subset shipped in geodata/fonts (GB 2312 and every character of the repository's texts and data);
// GRIDWATCH_PDF_FONT(_BOLD) point at a full font for a city whose street names need rarer characters.
const FONT_DIR = new URL('../../geodata/fonts/', import.meta.url)
function fontPath(env: string | undefined, file: string): string {
  if (env && existsSync(env)) return env
  return fileURLToPath(new URL(file, FONT_DIR))
}

const A4 = { w: 595.28, h: 841.89 }
const M = { left: 56, right: 56, top: 60, bottom: 64 }
const CONTENT_W = A4.w - M.left - M.right
const INK = '#222222'
const MUTED = '#666666'
const RED = '#b71c1c'
// The longest-overdue cases a unit's list prints; the rest are in the overdue-cases annex (a page, not ten).
const OVERDUE_LISTED = 20

type Doc = PDFKit.PDFDocument

/** Draws the briefing; resolves to the PDF's bytes. */
export async function renderBriefingPdf(
  facts: BriefingFacts,
  basemap: BriefingBasemap,
  stamp: BriefingStamp,
  annexes: { name: string; csv: string }[],
  // false only for the benchmark's baseline: PDFKit's font cache as it comes (test/bench/briefing.bench.ts)
  options: { seedFontCache?: boolean } = {},
): Promise<Buffer> {
  const t = briefingWords(stamp.lang)
  const lang = stamp.lang
  const at = new Date(stamp.issuedAt ?? facts.computed_at)
  const period = { kind: facts.kind, fromMs: Date.parse(facts.period.from), toMs: Date.parse(facts.period.to) }
  const previous = { fromMs: Date.parse(facts.previous.from), toMs: Date.parse(facts.previous.to) }
  const where = facts.zone ? (lang === 'zh' ? facts.zone.name : facts.zone.name_en) : stamp.districtName
  const title = `${t.title}（${periodTitle(period, lang)}）`.replace(/（(.*)）/, lang === 'zh' ? '（$1）' : ' ($1)')
  const doc = new PDFDocument({
    size: 'A4',
    margins: M,
    bufferPages: true,
    autoFirstPage: true,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: `${title} ${where}`, Author: stamp.issuedByName ?? 'Gridwatch', Subject: t.title, Creator: 'Gridwatch', Producer: 'Gridwatch (PDFKit)', CreationDate: at, ModDate: at },
  })
  const fontFiles = { cjk: fontPath(process.env.GRIDWATCH_PDF_FONT, 'NotoSansSC-Regular-subset.otf'), 'cjk-bold': fontPath(process.env.GRIDWATCH_PDF_FONT_BOLD, 'NotoSansSC-Bold-subset.otf') }
  for (const [name, file] of Object.entries(fontFiles)) {
    doc.registerFont(name, file)
    // PDFKit's tables restore the font after each cell by its file path, a key its font cache never fills when the
    // font was registered by name: every cell re-read and re-parsed the 1.6 MB font (half a minute for a long table).
    // Seeding the cache under the path as well makes that a lookup.
    if (options.seedFontCache === false) continue
    doc.font(name)
    const internals = doc as unknown as { _fontFamilies: Record<string, unknown>; _font: unknown }
    internals._fontFamilies[file] = internals._font
  }
  const fonts = { regular: 'cjk', bold: 'cjk-bold' }
  const font = (bold: boolean) => doc.font(bold ? 'cjk-bold' : 'cjk')
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const sections: { title: string; page: number }[] = []
  const section = (name: string) => {
    if (doc.y > A4.h - M.bottom - 160) doc.addPage()
    sections.push({ title: name, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count })
    doc.outline.addItem(name)
    doc.moveDown(0.6)
    font(true).fontSize(15).fillColor(INK).text(name, M.left, doc.y)
    doc.moveDown(0.4)
  }
  // `room`: what must fit under the heading on the same page (a heading never ends a page alone)
  const heading = (text: string, room = 90) => {
    if (doc.y > A4.h - M.bottom - room) doc.addPage()
    doc.moveDown(0.5)
    font(true).fontSize(11.5).fillColor(INK).text(text, M.left, doc.y)
    doc.moveDown(0.25)
  }
  const para = (text: string, color = INK) => {
    font(false).fontSize(10).fillColor(color).text(text, M.left, doc.y, { width: CONTENT_W, lineGap: 2 })
    doc.moveDown(0.3)
  }
  const table = (header: string[], rows: (string | { text: string; color?: string; bold?: boolean })[][], widths: number[], align: ('left' | 'right' | 'center')[] = []) => {
    if (doc.y > A4.h - M.bottom - 60) doc.addPage()
    const total = widths.reduce((a, b) => a + b, 0)
    const scale = CONTENT_W / total
    font(false).fontSize(8.5)
    doc.table({
      position: { x: M.left, y: doc.y },
      columnStyles: widths.map((w, i) => ({ width: w * scale, align: { x: align[i] ?? 'left', y: 'center' } })),
      defaultStyle: { padding: [3, 4], border: 0.4, borderColor: '#bbbbbb', textColor: INK },
      rowStyles: (i: number) => (i === 0 ? { backgroundColor: '#eeeeee' } : undefined),
      data: [
        header.map((h) => ({ text: h, type: 'TH' as const, font: { src: 'cjk-bold' } })),
        ...rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : { text: c.text, textColor: c.color ?? INK, ...(c.bold ? { font: { src: 'cjk-bold' } } : {}) }))),
      ],
    })
    doc.x = M.left
    doc.moveDown(0.5)
  }
  const noData = facts.totals.current.reports === 0

  // ── Cover ──
  font(true).fontSize(26).fillColor(RED).text(t.title, M.left, 110, { width: CONTENT_W, align: 'center' })
  doc.moveDown(0.4)
  font(false).fontSize(13).fillColor(INK).text(`${where} · ${periodTitle(period, lang)}`, { width: CONTENT_W, align: 'center' })
  doc.moveDown(0.3)
  if (stamp.status === 'issued' && stamp.number !== null && stamp.year !== null) {
    font(true).fontSize(11).fillColor(INK).text(t.issued(stamp.number, stamp.year), { width: CONTENT_W, align: 'center' })
    font(false).fontSize(9.5).fillColor(MUTED).text(t.issuedBy(stamp.issuedByName ?? '', localTime(at, facts.time_zone)), { width: CONTENT_W, align: 'center' })
  } else {
    font(true).fontSize(11).fillColor(RED).text(t.draft, { width: CONTENT_W, align: 'center' })
  }
  doc.moveTo(M.left, doc.y + 8).lineTo(A4.w - M.right, doc.y + 8).lineWidth(1.5).strokeColor(RED).stroke()
  doc.moveDown(1.2)
  font(false).fontSize(9.5).fillColor(MUTED)
  doc.text(`${t.period}：${periodDates(period, lang)}　${t.previousPeriod}：${periodDates(previous, lang)}　${t.computedAt}：${localTime(new Date(facts.computed_at), facts.time_zone)}`, M.left, doc.y, { width: CONTENT_W })
  doc.moveDown(0.6)
  if (noData) para(t.noData, RED)
  heading(t.headline)
  const c = facts.totals.current
  const p = facts.totals.previous
  table(
    [t.indicator, t.current, t.previous, t.change],
    [
      [t.reports, fmt(c.reports), fmt(p.reports), change(c.reports, p.reports, 'count', lang)],
      [t.cases, fmt(c.cases), fmt(p.cases), change(c.cases, p.cases, 'count', lang)],
      [t.closed, fmt(c.closed), fmt(p.closed), change(c.closed, p.closed, 'count', lang)],
      [t.closureRate, pct(c.closure_rate), pct(p.closure_rate), change(c.closure_rate, p.closure_rate, 'rate', lang)],
      [t.onTimeClosureRate, pct(c.on_time_closure_rate), pct(p.on_time_closure_rate), change(c.on_time_closure_rate, p.on_time_closure_rate, 'rate', lang)],
      [t.handlingRate, pct(c.handling_rate), pct(p.handling_rate), change(c.handling_rate, p.handling_rate, 'rate', lang)],
      [t.overdueOpen, fmt(c.overdue_open), fmt(p.overdue_open), change(c.overdue_open, p.overdue_open, 'count', lang)],
      [t.meanHandling, fmt(c.mean_handling_hours, 1), fmt(p.mean_handling_hours, 1), change(c.mean_handling_hours, p.mean_handling_hours, 'number', lang)],
      [t.satisfaction, fmt(c.satisfaction, 2), fmt(p.satisfaction, 2), change(c.satisfaction, p.satisfaction, 'number', lang)],
      [t.litShare, facts.lighting.lamps === 0 ? t.none : pct(facts.lighting.lit_share), t.none, t.none],
    ],
    [3, 2, 2, 2],
    ['left', 'right', 'right', 'right'],
  )
  if (facts.categories.length > 0) {
    heading(t.topCategories)
    table(
      [t.category, t.current, t.previous, t.change],
      facts.categories.slice(0, 6).map((x) => [`${x.code} ${lang === 'zh' ? x.name : x.name_en}`, fmt(x.count), fmt(x.previous), change(x.count, x.previous, 'count', lang)]),
      [4, 2, 2, 2],
      ['left', 'right', 'right', 'right'],
    )
  }
  if (facts.trend.labels.length > 1) {
    heading((period.toMs - period.fromMs) / 86_400_000 > 45 ? t.trendTitleWeekly : t.trendTitle, 190)
    const top = doc.y
    drawTrendChart(doc, facts.trend.labels, facts.trend.current, facts.trend.previous, { current: t.current, previous: t.previous }, M.left, top, CONTENT_W, 150, fonts)
    doc.x = M.left
    doc.y = top + 156
  }

  // ── Table of contents (the monthly edition, and any range of four weeks or more): filled in at the end ──
  const withToc = facts.kind === 'month' || period.toMs - period.fromMs >= 28 * 86_400_000
  let tocPage = -1
  if (withToc) {
    doc.addPage()
    tocPage = doc.bufferedPageRange().count - 1
  }

  // ── 1. League table ──
  doc.addPage()
  section(t.s1)
  para(t.s1Intro(pct(facts.laggard_line.on_time_closure_below).replace('.0%', '%'), facts.laggard_line.bottom_quarter_min_cases))
  if (facts.league.length === 0) para(t.noLeague, MUTED)
  else {
    const top = doc.y
    drawLeagueChart(doc, facts.league.map((r) => ({ name: lang === 'zh' ? r.name : r.name_en, rate: r.on_time_closure_rate, laggard: r.laggard })), facts.laggard_line.on_time_closure_below, t.namingLine, M.left, top, CONTENT_W, 190, fonts)
    doc.x = M.left
    doc.y = top + 196
    table(
      [t.rank, t.unit, t.cases, t.closed, t.onTimeClosureRate, t.handlingRate, t.overdueOpen, t.laggard],
      facts.league.map((r) => {
        const mark = r.laggard ? { color: RED, bold: true } : {}
        return [String(r.rank), { text: lang === 'zh' ? r.name : r.name_en, ...mark }, fmt(r.cases), fmt(r.closed), pct(r.on_time_closure_rate), pct(r.handling_rate), fmt(r.overdue_open), r.laggard ? { text: '●', color: RED } : '']
      }),
      [1, 4, 1.6, 1.6, 2, 1.8, 1.8, 1.6],
      ['center', 'left', 'right', 'right', 'right', 'right', 'right', 'center'],
    )
    const named = facts.overdue_by_laggard
    para(named.length === 0 ? t.noLaggards : t.namedUnits(named.map((u) => (lang === 'zh' ? u.name : u.name_en)).join(lang === 'zh' ? '、' : ', ')), named.length === 0 ? INK : RED)
    const clean = named.filter((u) => u.cases.length === 0)
    if (clean.length > 0) para(t.namedWithoutOverdue(clean.map((u) => (lang === 'zh' ? u.name : u.name_en)).join(lang === 'zh' ? '、' : ', ')), MUTED)
    for (const u of named.filter((x) => x.cases.length > 0)) {
      heading(t.overdueOf(lang === 'zh' ? u.name : u.name_en, u.cases.length))
      {
        table(
          [t.caseId, t.place, t.category, t.deadline, t.daysOverdue],
          u.cases.slice(0, OVERDUE_LISTED).map((x) => [x.id, [x.street ?? t.unnamed, lang === 'zh' ? x.zone : (x.zone_en ?? x.zone)].filter(Boolean).join(' · '), lang === 'zh' ? x.category_name : x.category_name_en, localTime(new Date(x.deadline), facts.time_zone), fmt(x.days_overdue)]),
          [2, 4, 3, 2.6, 1.4],
          ['left', 'left', 'left', 'left', 'right'],
        )
        if (u.cases.length > OVERDUE_LISTED) para(t.moreInAnnex(u.cases.length - OVERDUE_LISTED), MUTED)
      }
    }
  }

  // ── 2. Hotspots ──
  doc.addPage()
  section(t.s2)
  const h = facts.hotspots
  if (h.status === 'too-few') para(t.tooFew(h.incidents, h.minimum), MUTED)
  else if (h.status === 'unavailable') para(t.hotspotsUnavailable(h.incidents, h.reason), MUTED)
  else para(t.s2Intro(h.incidents, h.cell))
  const mapH = 380
  const mapTop = doc.y
  drawBriefingMap(doc, basemap, { bbox: facts.map.bbox, cells: h.status === 'ok' ? h.cells : [], places: h.status === 'ok' ? h.top.map((x, i) => ({ n: i + 1, center: x.center })) : [] }, { x: M.left, y: mapTop, w: CONTENT_W, h: mapH }, t, font)
  drawMapKey(doc, M.left, mapTop + mapH + 12, t, font)
  doc.x = M.left
  doc.y = mapTop + mapH + 28
  if (h.status === 'ok') {
    para(t.trendSummary(h.summary))
    heading(t.topPlaces)
    table(
      ['#', t.street, t.zone, t.count, t.before, t.trend],
      h.top.map((x, i) => [String(i + 1), x.street ?? t.unnamed, (lang === 'zh' ? x.zone : x.zone_en) ?? t.none, fmt(x.count), fmt(x.before_count), x.trend ? (t.trends[x.trend] ?? x.trend) : t.none]),
      [0.7, 4, 3, 1.6, 1.6, 1.6],
      ['center', 'left', 'left', 'right', 'right', 'center'],
    )
    heading(t.rising)
    if (h.rising.length === 0) para(t.noRising, MUTED)
    else
      table(
        [t.street, t.zone, t.count, t.before, t.trend],
        h.rising.map((x) => [x.street ?? t.unnamed, (lang === 'zh' ? x.zone : x.zone_en) ?? t.none, fmt(x.count), fmt(x.before_count), x.trend ? (t.trends[x.trend] ?? x.trend) : t.none]),
        [4, 3, 1.6, 1.6, 1.6],
        ['left', 'left', 'right', 'right', 'center'],
      )
  }

  // ── 3. Street lighting ──
  doc.addPage()
  section(t.s3)
  const l = facts.lighting
  if (l.lamps === 0) para(t.noLamps, MUTED)
  else {
    table(
      [t.indicator, t.current],
      [
        [t.litShare, pct(l.lit_share)],
        [t.lamps, fmt(l.lamps)],
        [t.workingLamps, fmt(l.working_lamps)],
        [t.totalLength, `${fmt(l.total_length_m)} m`],
        [t.darkLength, `${fmt(l.dark_length_m)} m`],
        [t.repairedLamps, fmt(l.repaired_lamps)],
        [t.repairedDark, `${fmt(l.repaired_dark_length_m)} m`],
        [t.outageReports, fmt(l.outage_reports)],
        [t.outageClosed, fmt(l.outage_closed)],
      ],
      [3, 2],
      ['left', 'right'],
    )
    heading(t.longestDark)
    if (l.longest.length === 0) para(t.noDark, MUTED)
    else
      table(
        ['#', t.street, t.zone, t.roadClass, t.length],
        l.longest.map((x, i) => [String(i + 1), x.street ?? t.unnamed, (lang === 'zh' ? x.zone : (x.zone_en ?? x.zone)) ?? t.none, x.highway, fmt(x.length_m, 1)]),
        [0.7, 4, 3, 2, 2],
        ['center', 'left', 'left', 'left', 'right'],
      )
  }

  // ── 4. Measures ──
  section(t.s4)
  const overdueMeasures = facts.measures.reduce((n, a) => n + a.items.filter((m) => m.overdue).length, 0)
  para(t.overdueMeasures(overdueMeasures), overdueMeasures > 0 ? RED : INK)
  for (const a of facts.measures) {
    heading(t.area[a.area] ?? a.area)
    if (a.items.length === 0) para(t.noMeasures, MUTED)
    else
      table(
        [t.measure, t.unit, t.person, t.deadline, t.status, t.progress],
        a.items.map((m) => {
          const late = m.overdue ? { color: RED, bold: true } : {}
          return [{ text: m.title, ...late }, lang === 'zh' ? m.unit : m.unit_en, m.person, { text: m.overdue ? `${m.deadline} ${t.overdueMark}` : m.deadline, ...late }, t.statuses[m.status] ?? m.status, `${m.progress}%`]
        }),
        [4.4, 3, 2.2, 2.4, 1.7, 1.6],
        ['left', 'left', 'left', 'left', 'center', 'right'],
      )
  }

  // ── Annexes ──
  heading(t.annexes)
  for (const a of annexes) {
    para(`· ${t.annexNames[a.name] ?? a.name}：${a.name}.csv`)
    doc.file(Buffer.from(a.csv, 'utf8'), { name: `${a.name}.csv`, type: 'text/csv', description: t.annexNames[a.name] ?? a.name, creationDate: at, modifiedDate: at })
  }

  // ── Contents, page numbers, watermark ──
  const range = doc.bufferedPageRange()
  if (withToc && tocPage >= 0) {
    doc.switchToPage(tocPage)
    font(true).fontSize(15).fillColor(INK).text(t.toc, M.left, M.top + 20, { width: CONTENT_W, align: 'center' })
    doc.moveDown(1)
    for (const s of sections) {
      const y = doc.y
      font(false).fontSize(11).fillColor(INK).text(s.title, M.left + 20, y, { lineBreak: false })
      doc.text(String(s.page), M.left, y, { width: CONTENT_W - 20, align: 'right', lineBreak: false })
      doc.y = y + 22
    }
  }
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // writing into the margin must not start a new page
    font(false).fontSize(8).fillColor(MUTED)
    doc.text(`${t.title} · ${where} · ${periodTitle(period, lang)}`, M.left, A4.h - 40, { width: CONTENT_W / 2, lineBreak: false })
    doc.text(t.page(i + 1, range.count), M.left + CONTENT_W / 2, A4.h - 40, { width: CONTENT_W / 2, align: 'right', lineBreak: false })
    if (stamp.status === 'draft') {
      doc.save()
      doc.rotate(-35, { origin: [A4.w / 2, A4.h / 2] })
      font(true).fontSize(lang === 'zh' ? 64 : 44).fillColor('#d32f2f', 0.12).text(t.draft, 0, A4.h / 2 - 40, { width: A4.w, align: 'center', lineBreak: false })
      doc.restore()
      doc.fillOpacity(1)
    }
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}

/** "2026-12-07 08:00" in the time zone the facts were counted in (the district calendar's ISO form, to the minute). */
const localTime = (at: Date, timeZone: string): string => createCalendar(timeZone).isoInstant(at).slice(0, 16).replace('T', ' ')
