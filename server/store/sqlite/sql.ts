// SQL building blocks shared by the SQLite tables: value readers, bbox joins on the R*Tree indexes, IN lists.
import type { BBox } from '../../kernel/geo.ts'

import type { Params } from '../row-values.ts'

export { json, num, numOrNull, str, strOrNull, type Params, type Row } from '../row-values.ts'

/** Bounding box of any nested coordinate array. */
export function boundsOf(coords: unknown): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[]
      if (x === undefined || y === undefined) return
      if (x < b[0]) b[0] = x
      if (y < b[1]) b[1] = y
      if (x > b[2]) b[2] = x
      if (y > b[3]) b[3] = y
      return
    }
    for (const child of c) visit(child)
  }
  visit(coords)
  return b
}


/** `JOIN <table>_rtree` restricted to a bbox, or nothing when there is no bbox. */
export function spatialJoin(table: string, alias: string, bbox: BBox | undefined, params: Params): string {
  if (!bbox) return ''
  ;[params.west, params.south, params.east, params.north] = bbox
  return ` JOIN ${table}_rtree r ON r.rid = ${alias}.rid AND r.min_x <= :east AND r.max_x >= :west AND r.min_y <= :north AND r.max_y >= :south`
}

export function inList(column: string, values: readonly string[] | undefined, key: string, params: Params): string | undefined {
  if (!values) return undefined
  values.forEach((v, i) => (params[`${key}${i}`] = v))
  return values.length === 0 ? '0' : `${column} IN (${values.map((_, i) => `:${key}${i}`).join(', ')})`
}

export const where = (clauses: (string | undefined)[]): string => {
  const kept = clauses.filter((c): c is string => c !== undefined)
  return kept.length > 0 ? ` WHERE ${kept.join(' AND ')}` : ''
}

