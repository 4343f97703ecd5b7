// The periods a briefing covers, in the district's calendar: a week runs Monday 00:00 to the next Monday 00:00, a
// month from its first day; anything else is a custom range. The previous period is the one of the same kind just
// before (the previous calendar month for a month), against which the cover compares.
import { DateTime } from 'luxon'
import { districtCalendar } from '../domain/district-calendar.ts'

export type BriefingKind = 'week' | 'month' | 'custom'

export interface BriefingPeriod {
  kind: BriefingKind
  fromMs: number
  toMs: number
  /** The same kind of period just before. */
  previous: { fromMs: number; toMs: number }
}

const local = (ms: number) => DateTime.fromMillis(ms, { zone: districtCalendar.timeZone })

export function briefingPeriod(fromMs: number, toMs: number): BriefingPeriod {
  const from = local(fromMs)
  const to = local(toMs)
  const midnight = (d: DateTime) => d.hour === 0 && d.minute === 0 && d.second === 0 && d.millisecond === 0
  if (midnight(from) && from.weekday === 1 && to.toMillis() === from.plus({ weeks: 1 }).toMillis()) {
    return { kind: 'week', fromMs, toMs, previous: { fromMs: from.minus({ weeks: 1 }).toMillis(), toMs: fromMs } }
  }
  if (midnight(from) && from.day === 1 && to.toMillis() === from.plus({ months: 1 }).toMillis()) {
    return { kind: 'month', fromMs, toMs, previous: { fromMs: from.minus({ months: 1 }).toMillis(), toMs: fromMs } }
  }
  return { kind: 'custom', fromMs, toMs, previous: { fromMs: fromMs - (toMs - fromMs), toMs: fromMs } }
}

/** The briefing's name for its period: "2026年第49周", "2026年11月", or the dates. */
export function periodTitle(p: { kind: BriefingKind; fromMs: number; toMs: number }, lang: 'zh' | 'en'): string {
  const from = local(p.fromMs)
  const last = local(p.toMs - 1) // the last instant inside the period: its day is the period's last day
  if (p.kind === 'week') return lang === 'zh' ? `${from.weekYear}年第${from.weekNumber}周` : `week ${from.weekNumber} of ${from.weekYear}`
  if (p.kind === 'month') return lang === 'zh' ? `${from.year}年${from.month}月` : from.setLocale('en').toFormat('LLLL yyyy')
  return lang === 'zh' ? `${from.toFormat('yyyy年M月d日')}至${last.toFormat('yyyy年M月d日')}` : `${from.toISODate()} to ${last.toISODate()}`
}

/** "2026年11月30日—12月6日" / "30 Nov – 6 Dec 2026": the dates a period covers, both ends included. */
export function periodDates(p: { fromMs: number; toMs: number }, lang: 'zh' | 'en'): string {
  const from = local(p.fromMs)
  const last = local(p.toMs - 1)
  if (lang === 'en') return `${from.setLocale('en').toFormat('d LLL yyyy')} – ${last.setLocale('en').toFormat('d LLL yyyy')}`
  return `${from.toFormat('yyyy年M月d日')}—${last.year === from.year ? last.toFormat('M月d日') : last.toFormat('yyyy年M月d日')}`
}

/** The district's calendar year an instant falls in: briefing numbers (期号) count within it. */
export const districtYear = (ms: number): string => String(local(ms).year)

/** Day (or, for ranges over 45 days, week) buckets across a period, for its trend chart. */
export function trendBuckets(fromMs: number, toMs: number): { label: string; fromMs: number; toMs: number }[] {
  const days = (toMs - fromMs) / 86_400_000
  const step = days > 45 ? { weeks: 1 } : { days: 1 }
  const out: { label: string; fromMs: number; toMs: number }[] = []
  for (let d = local(fromMs); d.toMillis() < toMs && out.length < 400; ) {
    const next = d.plus(step)
    out.push({ label: d.toFormat('M/d'), fromMs: d.toMillis(), toMs: Math.min(next.toMillis(), toMs) })
    d = next
  }
  return out
}

/**
 * The weekly schedule: with `weekday` (1 = Monday) and `time` ("08:00") in the district's time zone, the next run
 * after `nowMs`, and the week a run at `runMs` drafts (the last full Monday-to-Monday week before it).
 */
export function nextWeeklyRun(nowMs: number, weekday: number, time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  let run = local(nowMs).set({ weekday: weekday as 1, hour, minute, second: 0, millisecond: 0 })
  if (run.toMillis() <= nowMs) run = run.plus({ weeks: 1 })
  return run.toMillis()
}

export function weekBefore(runMs: number): { fromMs: number; toMs: number } {
  const monday = local(runMs).startOf('week') // luxon's weeks start on Monday (ISO)
  return { fromMs: monday.minus({ weeks: 1 }).toMillis(), toMs: monday.toMillis() }
}

/** The most recent scheduled run at or before `nowMs` (to catch up on one missed while no instance ran). */
export function lastWeeklyRun(nowMs: number, weekday: number, time: string): number {
  const next = nextWeeklyRun(nowMs, weekday, time)
  return local(next).minus({ weeks: 1 }).toMillis()
}
