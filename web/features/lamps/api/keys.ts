// The lamps feature's query keys: the district's lamp points.
import type { LampsQuery } from './get-lamps.ts'

export const lampKeys = {
  all: ['lamps'] as const,
  list: (query: LampsQuery) => [...lampKeys.all, query] as const,
}
