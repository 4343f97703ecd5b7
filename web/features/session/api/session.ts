// The signed-in user (GET /api/session), signing in (POST) and out (DELETE). Lamps and incidents are staff-only
// on the server; after either change every query is refetched so each layer shows what this user may see.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { sessionKeys } from './keys.ts'

const getSessionOrVisitor = () => parseResponse(client.api.session.$get({ query: { visitor: 'ok' } }))

type SessionOrVisitor = Awaited<ReturnType<typeof getSessionOrVisitor>>
/** A signed-in user's session (null: a visitor). */
export type Session = Extract<SessionOrVisitor, { user: { username: string } }>
export type SignInBody = InferRequestType<typeof client.api.session.$post>['json']

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    // nobody signed in is an answer, not a failure
    queryFn: async (): Promise<Session | null> => {
      const session = await getSessionOrVisitor()
      return session.user === null ? null : (session as Session)
    },
  })

export const useSession = () => useQuery(sessionQueryOptions())

export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: SignInBody) => parseResponse(client.api.session.$post({ json })),
    onSuccess: async (session) => {
      queryClient.setQueryData(sessionQueryOptions().queryKey, session)
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] })
    },
  })
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => parseResponse(client.api.session.$delete()),
    // reset, not invalidate: what the last user could see must not stay on screen
    onSuccess: () => queryClient.resetQueries(),
  })
}
