// GET /api/imports/profiles and PUT/GET /api/imports/profiles/:name (admin): mappings saved as district profile
// JSON, the file `npm run import -- --profile` reads, so what was worked out in the browser can run on the server.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { importProfileKeys } from './keys.ts'

export type ProfileJson = InferRequestType<(typeof client.api.imports.profiles)[':name']['$put']>['json']

// names are letters (any script), digits, spaces, _ . -: encoded so a space or a CJK name survives the path
const param = (name: string) => ({ name: encodeURIComponent(name) })

export const getImportProfiles = () => parseResponse(client.api.imports.profiles.$get())

export type SavedProfile = Awaited<ReturnType<typeof getImportProfiles>>[number]

export const importProfilesQueryOptions = () => queryOptions({ queryKey: importProfileKeys.all, queryFn: getImportProfiles })

export const useImportProfiles = () => useQuery(importProfilesQueryOptions())

export const saveImportProfile = (name: string, json: ProfileJson) =>
  parseResponse(client.api.imports.profiles[':name'].$put({ param: param(name), json }))

export function useSaveImportProfile() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ name, profile }: { name: string; profile: ProfileJson }) => saveImportProfile(name, profile),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importProfileKeys.all }),
  })
}

/** Where the browser downloads a saved profile as its JSON file. */
export const profileExportPath = (name: string) => client.api.imports.profiles[':name'].$path({ param: param(name) })
