// POST /api/guidance-points/check (no sign-in): the rules a position breaks, asked live while the planner drags a
// point or an area. The server answers in well under a millisecond; the latest-only runner keeps the browser to
// one request in flight and about ten a second, however fast the pointer moves.
import { useEffect, useRef, useState } from 'react'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'
import { createLatestOnlyRunner } from './latest-only-runner.ts'
import type { LatestOnlyRunner } from './latest-only-runner.ts'
import { readViolations } from './read-violations.ts'
import type { RuleViolation } from './read-violations.ts'

export type GuidanceCandidate = InferRequestType<(typeof client.api)['guidance-points']['check']['$post']>['json']

export const checkGuidancePoint = (candidate: GuidanceCandidate) =>
  parseResponse(client.api['guidance-points'].check.$post({ json: candidate }))

export interface LiveGuidanceCheck {
  /** The violations of the latest answer, which may be for an earlier position while a newer one is being checked. */
  violations: RuleViolation[] | undefined
  /** True when `violations` answer the candidate as it is now. */
  current: boolean
  error: unknown
}

interface Answer {
  key: string
  violations: RuleViolation[] | undefined
  error: unknown
}

interface Submission {
  key: string
  candidate: GuidanceCandidate
}

/** Checks `candidate` whenever it changes (compared by value); nothing while it is undefined. */
export function useLiveGuidanceCheck(candidate: GuidanceCandidate | undefined): LiveGuidanceCheck {
  const key = candidate === undefined ? undefined : JSON.stringify(candidate)
  const [answer, setAnswer] = useState<Answer>()
  const runner = useRef<LatestOnlyRunner<Submission>>(undefined)
  const latest = useRef(candidate)
  useEffect(() => {
    latest.current = candidate
  })

  useEffect(() => {
    const created = createLatestOnlyRunner<Submission, Awaited<ReturnType<typeof checkGuidancePoint>>>({
      task: ({ candidate: body }) => checkGuidancePoint(body),
      onResult: ({ key: checked }, result) => setAnswer({ key: checked, violations: readViolations(result.violations), error: undefined }),
      onError: ({ key: checked }, error) => setAnswer((old) => ({ key: checked, violations: old?.violations, error })),
    })
    runner.current = created
    return () => {
      created.dispose()
      runner.current = undefined
    }
  }, [])

  useEffect(() => {
    const body = latest.current
    if (key !== undefined && body !== undefined) runner.current?.submit({ key, candidate: body })
  }, [key])

  if (key === undefined || answer === undefined) return { violations: undefined, current: false, error: undefined }
  return { violations: answer.violations, current: answer.key === key && answer.error === undefined, error: answer.error }
}
