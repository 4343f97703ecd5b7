// Reads the "photo" field of a multipart upload and checks it is a real still image within the size limit.
import type { Context } from 'hono'
import { MAX_PHOTO_BYTES, detectImageType } from '../store/photo-files.ts'
import { ProblemError } from '../kernel/problems.ts'

const NOT_MULTIPART = 'send the image as multipart/form-data field "photo"'

export async function readPhotoUpload(c: Context): Promise<{ bytes: Uint8Array; contentType: string }> {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (mediaType !== 'multipart/form-data') throw new ProblemError(400, 'invalid-body', NOT_MULTIPART)
  let body: Record<string, string | File>
  try {
    body = await c.req.parseBody()
  } catch {
    // The platform's FormData parser throws a bare TypeError for a missing boundary or a truncated or garbled body:
    // the client's fault, so a 400 and not a logged 500.
    throw new ProblemError(400, 'invalid-body', `the multipart body cannot be read (missing boundary, or not well formed); ${NOT_MULTIPART}`)
  }
  const file = body.photo
  if (!(file instanceof File)) throw new ProblemError(400, 'invalid-body', NOT_MULTIPART)
  if (file.size > MAX_PHOTO_BYTES) throw new ProblemError(413, 'too-large', `a photo may have at most ${MAX_PHOTO_BYTES} bytes; this one has ${file.size}`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  // The declared type is the client's word; the bytes decide.
  const kind = detectImageType(bytes)
  if (!kind) throw new ProblemError(415, 'unsupported-media-type', 'only JPEG, PNG or WebP images are accepted')
  return { bytes, contentType: kind.type }
}
