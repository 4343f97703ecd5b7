// What the server will take as a report photo, checked before the upload so a citizen on a slow link is told at once.

// The server's limit (MAX_PHOTO_BYTES in server/store/photo-files.ts): 5 MiB
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

// The server sniffs the bytes and keeps only these three (detectImageType); HEIC and GIF are refused with 415
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

export type PhotoProblem = 'photo.wrongType' | 'photo.tooLarge'

/** Why `file` cannot be uploaded as a report photo, or undefined when it can. */
export function checkPhoto(file: { type: string; size: number }): PhotoProblem | undefined {
  if (!PHOTO_TYPES.some((type) => type === file.type.toLowerCase())) return 'photo.wrongType'
  if (file.size > MAX_PHOTO_BYTES) return 'photo.tooLarge'
  return undefined
}
