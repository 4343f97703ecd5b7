// Column values as both adapters' drivers hand them back (SQLite: numbers and text; PostgreSQL: the same once
// bigint is parsed as a number), read into the record types.
export type Row = Record<string, unknown>
export type Params = Record<string, unknown>

export const str = (v: unknown): string => String(v)
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
export const num = (v: unknown): number => Number(v)
export const json = <T>(v: unknown): T => JSON.parse(String(v)) as T
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
