// GET /api/measures: the bureau's rectification measures (整改措施), each with a responsible unit, person, deadline
// and progress; `overdue` marks those past their deadline and not done, which the inspection office (执法监察科) chases.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { KPI_STALE_MS } from './kpi-staleness.ts'
import { measureKeys } from './keys.ts'

export const getMeasures = () => parseResponse(client.api.measures.$get())

export type Measure = Awaited<ReturnType<typeof getMeasures>>[number]

export const measuresQueryOptions = () => queryOptions({ queryKey: measureKeys.all, queryFn: getMeasures, staleTime: KPI_STALE_MS })

export const useMeasures = () => useQuery(measuresQueryOptions())
