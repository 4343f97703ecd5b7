// POST /api/users (create) and PATCH /api/users/:id (edit, disable/enable, reset password), admin only.
// Each write is audited on the server, so the audit log is refetched after it.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'
import type { UserAccount } from './get-users.ts'
import { usersQueryOptions } from './get-users.ts'

export type NewUserBody = InferRequestType<typeof client.api.users.$post>['json']
export type UserPatchBody = InferRequestType<(typeof client.api.users)[':id']['$patch']>['json']

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: NewUserBody) => parseResponse(client.api.users.$post({ json })),
    onSuccess: async (created) => {
      queryClient.setQueryData(usersQueryOptions().queryKey, (users) =>
        users ? [...users, created].sort((a, b) => a.username.localeCompare(b.username)) : users,
      )
      await invalidateAffected(queryClient, 'userChange')
    },
  })
}

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatchBody }) =>
      parseResponse(client.api.users[':id'].$patch({ param: { id }, json: patch })),
    onSuccess: async (updated: UserAccount, { patch }) => {
      queryClient.setQueryData(usersQueryOptions().queryKey, (users) => users?.map((u) => (u.id === updated.id ? updated : u)))
      // a new password or a change of roles may be the administrator's own: the header and tabs must follow
      const ownAccountMayChange = patch.password !== undefined || patch.roles !== undefined
      await Promise.all([
        invalidateAffected(queryClient, 'userChange'),
        ownAccountMayChange ? invalidateAffected(queryClient, 'ownAccountChange') : undefined,
      ])
    },
  })
}
