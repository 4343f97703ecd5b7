// The incidents feature's query keys: the incident points and density layers.
import type { IncidentsQuery } from './get-incidents.ts'

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (query: IncidentsQuery) => [...incidentKeys.all, query] as const,
}
