// POST /api/imports/preview (admin): one uploaded file's head mapped as the layer spec says, with each row's
// verdict, the first features for the map and, for points declared WGS84, whether they look like GCJ-02.
import { useMutation } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, parseResponse } from '../../../lib/api.ts'

export type PreviewBody = InferRequestType<typeof client.api.imports.preview.$post>['json']

export const previewLayer = (json: PreviewBody) => parseResponse(client.api.imports.preview.$post({ json }))

export type LayerPreview = Awaited<ReturnType<typeof previewLayer>>
export type PreviewRow = LayerPreview['rows'][number]

export const usePreviewLayer = () => useMutation({ mutationFn: previewLayer })
