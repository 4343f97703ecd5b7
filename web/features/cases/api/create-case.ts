// Filing a case in the case view (POST /api/cases, dispatcher and inspector): a hotline call taken by the command
// centre or a problem an inspector found on patrol. The answer is the new case plus the open cases of its category
// nearby that it may repeat, so the filer can fold it into one of them at once.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { may } from '../../../../server/kernel/permissions.ts'
import { invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'

export type IntakeBody = InferRequestType<typeof client.api.cases.$post>['json']
export type NewCaseSource = 'hotline' | 'patrol'

export const postCase = (json: IntakeBody) => parseResponse(client.api.cases.$post({ json }))

export type CreatedCase = Awaited<ReturnType<typeof postCase>>
export type RepeatCandidate = CreatedCase['repeat_candidates'][number]

/** What the new-case form holds while the user fills it in. */
export interface NewCaseDraft {
  source: NewCaseSource
  category: string
  description: string
  phone: string
  /** [lon, lat] picked on the map. */
  point: readonly [number, number] | undefined
}

/** A dispatcher mostly files hotline calls; an inspector what they found on patrol. */
export function defaultSource(roles: readonly string[]): NewCaseSource {
  return roles.includes('dispatcher') ? 'hotline' : 'patrol'
}

/** Who may file a case here: the kernel's createCase permission, the one POST /api/cases checks. */
export const mayCreateCase = (roles: readonly string[]): boolean => may(roles, 'createCase')

export type DraftProblem = 'category' | 'description' | 'point'

/** The request body for a complete draft, or the first field still missing. The phone goes only with a hotline call. */
export function toIntakeBody(draft: NewCaseDraft): { body: IntakeBody } | { missing: DraftProblem } {
  const description = draft.description.trim()
  const phone = draft.phone.trim()
  if (draft.category === '') return { missing: 'category' }
  if (description === '') return { missing: 'description' }
  if (!draft.point) return { missing: 'point' }
  const [lon, lat] = draft.point
  return {
    body: {
      source: draft.source,
      category: draft.category,
      description,
      lon,
      lat,
      ...(draft.source === 'hotline' && phone !== '' ? { phone } : {}),
    },
  }
}

export function useCreateCase() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: postCase,
    onSuccess: () => invalidateAffected(queryClient, 'caseCreate'),
  })
}
