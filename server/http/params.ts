// Shared zod schemas for query parameters: bbox, comma-separated enum lists, ISO 8601 instants.
import { z } from 'zod'
import type { BBox } from '../domain/types.ts'

const finite = (label: string) =>
  z.string().trim().min(1, `${label} is empty`).transform((s, ctx) => {
    const n = Number(s)
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `${label} "${s}" is not a number` })
      return z.NEVER
    }
    return n
  })

/** `bbox=west,south,east,north` in WGS84 degrees. */
export const bboxParam = z.string().transform((raw, ctx): BBox => {
  const parts = raw.split(',')
  if (parts.length !== 4) {
    ctx.addIssue({ code: 'custom', message: 'bbox must be four numbers: west,south,east,north' })
    return z.NEVER
  }
  const names = ['west', 'south', 'east', 'north'] as const
  const nums: number[] = []
  for (const [i, part] of parts.entries()) {
    const parsed = finite(names[i] ?? 'value').safeParse(part)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
      return z.NEVER
    }
    nums.push(parsed.data)
  }
  const [west, south, east, north] = nums as [number, number, number, number]
  const problems: string[] = []
  if (west < -180 || west > 180 || east < -180 || east > 180) problems.push('longitudes must be within [-180, 180]')
  if (south < -90 || south > 90 || north < -90 || north > 90) problems.push('latitudes must be within [-90, 90]')
  // Boxes crossing the antimeridian are not needed for a city and would silently select nothing: refuse them.
  if (west > east) problems.push('west must not be greater than east')
  if (south > north) problems.push('south must not be greater than north')
  for (const message of problems) ctx.addIssue({ code: 'custom', message })
  return problems.length > 0 ? z.NEVER : [west, south, east, north]
})

/** `a,b,c` restricted to known values; duplicates removed. */
export function listParam<T extends string>(allowed: readonly T[], label: string) {
  return z.string().transform((raw, ctx): T[] => {
    const values = [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0))]
    const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v))
    if (unknown.length > 0 || values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: values.length === 0 ? `${label} is empty` : `unknown ${label} ${unknown.map((u) => `"${u}"`).join(', ')}; expected one of ${allowed.join(', ')}`,
      })
      return z.NEVER
    }
    return values as T[]
  })
}

/** ISO 8601 date or date-time; a date-time without an offset is refused, since the bureau's clock (+08:00) and UTC differ by 8 h. */
export const instantParam = z.string().transform((raw, ctx): number => {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw)
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)
  // A bare date means midnight in China Standard Time, the bureau's day.
  const ms = dateOnly ? Date.parse(`${raw}T00:00:00+08:00`) : withZone ? Date.parse(raw) : Number.NaN
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not an ISO 8601 date (YYYY-MM-DD) or date-time with offset` })
    return z.NEVER
  }
  return ms
})

export const limitParam = (max: number) =>
  z.string().regex(/^\d+$/, 'limit must be a positive integer').transform(Number).pipe(z.number().int().min(1).max(max, `limit must be at most ${max}`))
