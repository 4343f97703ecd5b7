// GET /api/search: streets, junctions (A × B) and, for staff, cases by number; shared by the staff map and the
// citizen's report page (each passes its own words to the search box).
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from './api.ts'

export const searchPlaces = (q: string) => parseResponse(client.api.search.$get({ query: { q } }))

export type PlaceSearchAnswer = Awaited<ReturnType<typeof searchPlaces>>
export type PlaceSearchHit = PlaceSearchAnswer['results'][number]

/** The answer for `q` (nothing asked below one character); the last answer stays while the next is on its way. */
export const usePlaceSearch = (q: string) =>
  useQuery({
    queryKey: ['search', q] as const,
    queryFn: () => searchPlaces(q),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  })
