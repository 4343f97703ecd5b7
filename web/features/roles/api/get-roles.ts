// GET /api/roles: the roles an account can hold, with their names and what each may do (public).
import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, parseResponse } from '../../../lib/api.ts'
import { roleKeys } from './keys.ts'

export const getRoles = () => parseResponse(client.api.roles.$get())

export type RoleInfo = Awaited<ReturnType<typeof getRoles>>[number]

export const rolesQueryOptions = () => queryOptions({ queryKey: roleKeys.all, queryFn: getRoles })

export const useRoles = () => useQuery(rolesQueryOptions())
