// The intersections feature's query keys.
import type { IntersectionsQuery } from './get-intersections.ts'

export const intersectionKeys = {
  all: ['intersections'] as const,
  list: (query: IntersectionsQuery) => [...intersectionKeys.all, query] as const,
}
