// POST /api/imports/uploads?name=… (admin): the file itself as the body, streamed to the server's disk; the answer
// is what the Data view shows before any mapping (format, columns, first rows, guessed layer, fields and values).
import { useMutation } from '@tanstack/react-query'
import type { LayerName } from '../../../../server/import/profile.ts'
import { client, parseResponse } from '../../../lib/api.ts'

export const uploadFile = (file: File) =>
  parseResponse(
    client.api.imports.uploads.$post(
      { query: { name: file.name } },
      // octet-stream, not multipart: the server streams the body to disk without parsing it (up to 500 MB)
      { init: { body: file, headers: { 'content-type': 'application/octet-stream' } } },
    ),
  )

export type UploadedFile = Awaited<ReturnType<typeof uploadFile>>

/** The file and the layer the administrator chose for it, which the form starts from once the answer is in. */
export interface UploadRequest {
  file: File
  kind: LayerName
}

export const useUploadFile = (onUploaded: (upload: UploadedFile, request: UploadRequest) => void) =>
  useMutation({ mutationFn: ({ file }: UploadRequest) => uploadFile(file), onSuccess: onUploaded })
