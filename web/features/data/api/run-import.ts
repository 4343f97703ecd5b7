// POST /api/imports/runs (admin) starts an import in the background; GET /api/imports/runs/:id is polled until it
// is done. A run that stored data replaces the district, so every query the page holds is fetched again.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { invalidateAffected } from '../../../lib/affects.ts'
import { client, parseResponse } from '../../../lib/api.ts'

export type RunBody = InferRequestType<typeof client.api.imports.runs.$post>['json']

export const startImportRun = (json: RunBody) => parseResponse(client.api.imports.runs.$post({ json }))

export const getImportRun = (id: string) => parseResponse(client.api.imports.runs[':id'].$get({ param: { id } }))

export type ImportRun = Awaited<ReturnType<typeof getImportRun>>
export type ImportReport = NonNullable<ImportRun['report']>
export type ImportReportLayer = ImportReport['layers'][number]

/** A run the server gave up on (a failure while storing): its message is the server's own. */
export class ImportRunFailedError extends Error {
  override readonly name = 'ImportRunFailedError'
}

// 1 s: a small district finishes in a few polls; a million-row history is minutes, where a second is nothing
const POLL_INTERVAL_MS = 1000

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts a run and polls it, reporting each state, until it is done; throws ImportRunFailedError if it failed. */
export async function runImportUntilDone(json: RunBody, onProgress: (run: ImportRun) => void, pollIntervalMs = POLL_INTERVAL_MS): Promise<ImportRun> {
  const { run_id: id } = await startImportRun(json)
  for (;;) {
    await wait(pollIntervalMs)
    const run = await getImportRun(id)
    onProgress(run)
    if (run.state === 'failed') throw new ImportRunFailedError(run.error ?? run.state)
    if (run.state === 'done') return run
  }
}

/** Where the browser downloads every rejected row of a run (the report lists only the first hundred). */
export const rejectsCsvPath = (runId: string) => client.api.imports.runs[':id']['rejects.csv'].$path({ param: { id: runId } })

export function useRunImport(onProgress: (run: ImportRun) => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: RunBody) => runImportUntilDone(json, onProgress),
    onSuccess: (run) => {
      // not awaited: the report shows now, while streets, lamps, cases and analyses refetch behind it
      if (run.report?.stored) void invalidateAffected(queryClient, 'districtImport')
    },
  })
}
