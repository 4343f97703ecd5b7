// GET /api/users (admin): every account, enabled or not.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { userKeys } from './keys.ts'

export const getUsers = () => parseResponse(client.api.users.$get())

export type UserAccount = Awaited<ReturnType<typeof getUsers>>[number]

// another administrator may have changed accounts meanwhile: the list is refetched whenever the panel opens
export const usersQueryOptions = () => queryOptions({ queryKey: userKeys.all, queryFn: getUsers, staleTime: 0 })

export const useUsers = () => useQuery(usersQueryOptions())
