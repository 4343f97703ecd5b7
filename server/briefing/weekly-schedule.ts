// The weekly draft: every Monday 08:00 in the district's time zone (GRIDWATCH_BRIEFING_SCHEDULE, e.g. "1 08:00" for
// weekday 1 = Monday at 08:00, or "off") the briefing of the week just ended is drafted and waits for a leader to
// issue it. On start an instance catches up on the latest run it missed; with several instances the schedule key
// makes sure one draft is made, whichever instance gets there first.
import { lastWeeklyRun, nextWeeklyRun, weekBefore } from './briefing-period.ts'

export interface WeeklySchedule {
  weekday: number // 1 = Monday … 7 = Sunday
  time: string // HH:MM, district time
}

export const DEFAULT_WEEKLY_SCHEDULE: WeeklySchedule = { weekday: 1, time: '08:00' }

/** Reads GRIDWATCH_BRIEFING_SCHEDULE: unset → Monday 08:00; "off" → none; "D HH:MM" otherwise. */
export function parseWeeklySchedule(raw: string | undefined): WeeklySchedule | undefined {
  if (raw === undefined || raw.trim() === '') return DEFAULT_WEEKLY_SCHEDULE
  if (raw.trim() === 'off') return undefined
  const m = /^\s*([1-7])\s+([01]\d|2[0-3]):([0-5]\d)\s*$/.exec(raw)
  if (!m) throw new Error(`GRIDWATCH_BRIEFING_SCHEDULE must be "off" or "<weekday 1–7> <HH:MM>" (e.g. "1 08:00" for Monday 08:00), not "${raw}"`)
  return { weekday: Number(m[1]), time: `${m[2]}:${m[3]}` }
}

/** The key one week's scheduled draft is stored under. */
export const weeklyKey = (week: { fromMs: number }) => `week:${new Date(week.fromMs).toISOString()}`

/**
 * Runs `draft(week, key)` for the latest scheduled run not later than now (a no-op for the store when it was made
 * already), then at every run after it. Returns a stop function. Timers do not keep the process alive.
 */
export function startWeeklyBriefings(schedule: WeeklySchedule, clock: () => Date, draft: (week: { fromMs: number; toMs: number }, key: string) => Promise<unknown>, onError: (err: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = async (atMs: number) => {
    const week = weekBefore(atMs)
    await draft(week, weeklyKey(week)).catch(onError)
  }
  const arm = () => {
    if (stopped) return
    const now = clock().getTime()
    const next = nextWeeklyRun(now, schedule.weekday, schedule.time)
    // setTimeout holds at most ~24.8 days; a week is well inside it
    timer = setTimeout(() => void run(next).finally(arm), Math.max(0, next - now))
    timer.unref()
  }
  void run(lastWeeklyRun(clock().getTime(), schedule.weekday, schedule.time)).finally(arm)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
