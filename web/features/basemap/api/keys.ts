// The basemap feature's query keys: buildings and water, never changed by a write.
import type { BuildingsQuery } from './get-buildings.ts'
import type { WaterQuery } from './get-water.ts'

export const buildingKeys = {
  all: ['buildings'] as const,
  list: (query: BuildingsQuery) => [...buildingKeys.all, query] as const,
}

export const waterKeys = {
  all: ['water'] as const,
  list: (query: WaterQuery) => [...waterKeys.all, query] as const,
}
