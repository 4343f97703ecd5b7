// POST /api/reports/:tracking/photos: one photo as multipart field `photo`, after the report itself was accepted.
import { useMutation } from '@tanstack/react-query'
import { client, parseResponse } from '../../lib/api.ts'

export interface ReportPhoto {
  trackingNumber: string
  photo: File
}

export const addReportPhoto = ({ trackingNumber, photo }: ReportPhoto) => {
  const body = new FormData()
  body.append('photo', photo)
  // the route reads the multipart body itself (no form validator), so the typed client takes it as a raw body;
  // the browser writes the content type with its boundary
  return parseResponse(client.api.reports[':tracking'].photos.$post({ param: { tracking: trackingNumber } }, { init: { body } }))
}

export const useAddReportPhoto = () => useMutation({ mutationFn: addReportPhoto })
