// The briefing's annexes: its tables as CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese text), drawn
// from the same facts as the PDF. They are embedded in the PDF and served on their own.
import { csvCell } from '../kernel/csv.ts'
import type { BriefingFacts } from './briefing-facts.ts'

export const ANNEX_NAMES = ['league', 'overdue-cases', 'hotspots', 'dark-stretches', 'measures'] as const
export type AnnexName = (typeof ANNEX_NAMES)[number]

const csv = (header: string[], rows: unknown[][]) => `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`

export function briefingAnnex(facts: BriefingFacts, name: AnnexName): string {
  switch (name) {
    case 'league':
      return csv(
        ['rank', 'unit_id', 'unit', 'cases', 'closed', 'closed_on_time', 'on_time_closure_rate', 'closure_rate', 'handling_rate', 'overdue_open', 'satisfaction', 'laggard'],
        facts.league.map((r) => [r.rank, r.key, r.name, r.cases, r.closed, r.closed_on_time, r.on_time_closure_rate, r.closure_rate, r.handling_rate, r.overdue_open, r.satisfaction, r.laggard]),
      )
    case 'overdue-cases':
      return csv(
        ['case_id', 'unit_id', 'unit', 'street', 'zone', 'category', 'category_name', 'deadline', 'days_overdue'],
        facts.overdue_by_laggard.flatMap((u) => u.cases.map((c) => [c.id, u.unit_id, u.name, c.street, c.zone, c.category, c.category_name, c.deadline, c.days_overdue])),
      )
    case 'hotspots': {
      const h = facts.hotspots
      const rows = h.status === 'ok' ? [...h.top.map((x, i) => ['top', i + 1, x]), ...h.rising.map((x, i) => ['rising', i + 1, x])] : []
      return csv(
        ['list', 'n', 'cell_id', 'street', 'zone', 'count', 'previous_count', 'trend', 'z', 'lon', 'lat'],
        rows.map(([list, n, x]) => {
          const p = x as Extract<BriefingFacts['hotspots'], { status: 'ok' }>['top'][number]
          return [list, n, p.id, p.street, p.zone, p.count, p.before_count, p.trend, p.z, p.center[0], p.center[1]]
        }),
      )
    }
    case 'dark-stretches':
      return csv(['n', 'street', 'zone', 'highway', 'length_m'], facts.lighting.longest.map((x, i) => [i + 1, x.street, x.zone, x.highway, x.length_m]))
    case 'measures':
      return csv(
        ['area', 'id', 'title', 'unit', 'person', 'deadline', 'status', 'progress', 'overdue'],
        facts.measures.flatMap((a) => a.items.map((m) => [a.area, m.id, m.title, m.unit, m.person, m.deadline, m.status, m.progress, m.overdue])),
      )
  }
}

export const briefingAnnexes = (facts: BriefingFacts) => ANNEX_NAMES.map((name) => ({ name, csv: briefingAnnex(facts, name) }))
