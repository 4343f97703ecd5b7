// The streets feature's query keys: the street network layer, whole or filtered by category.
import type { StreetsQuery } from './get-streets.ts'

export const streetsKeys = {
  all: ['streets'] as const,
  list: (query: StreetsQuery) => [...streetsKeys.all, query] as const,
}
