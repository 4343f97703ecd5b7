// Reads the "photo" field of a multipart upload and checks it is a real still image within the size limit.
import type { Context } from 'hono'
import { MAX_PHOTO_BYTES, detectImageType } from '../store/photo-files.ts'
import { ProblemError } from './problem.ts'

export async function readPhotoUpload(c: Context): Promise<{ bytes: Uint8Array; contentType: string }> {
  const body = await c.req.parseBody()
  const file = body.photo
  if (!(file instanceof File)) throw new ProblemError(400, 'invalid-body', 'send the image as multipart/form-data field "photo"')
  if (file.size > MAX_PHOTO_BYTES) throw new ProblemError(413, 'too-large', `a photo may have at most ${MAX_PHOTO_BYTES} bytes; this one has ${file.size}`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  // The declared type is the client's word; the bytes decide.
  const kind = detectImageType(bytes)
  if (!kind) throw new ProblemError(415, 'unsupported-media-type', 'only JPEG, PNG or WebP images are accepted')
  return { bytes, contentType: kind.type }
}
