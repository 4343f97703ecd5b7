// Case photos on disk, outside the database. The type is decided from the file's own magic bytes, never from what
// the client claims, and only still images are accepted, so nothing stored can be served as script or HTML.
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024 // 5 MiB: a phone photo at full resolution, re-encoded as JPEG, fits

const SIGNATURES: { type: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v) },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
  },
]

/** The image type of these bytes, or undefined when they are not a JPEG, PNG or WebP image. */
export function detectImageType(bytes: Uint8Array): { type: string; ext: string } | undefined {
  return SIGNATURES.find((s) => s.test(bytes))
}

export class PhotoFiles {
  constructor(private readonly dir: string) {}

  /** Writes the bytes under a new random id; returns the id. */
  async save(bytes: Uint8Array): Promise<string> {
    await mkdir(this.dir, { recursive: true })
    const id = randomUUID()
    await writeFile(join(this.dir, id), bytes, { flag: 'wx' })
    return id
  }

  async read(id: string): Promise<Uint8Array> {
    // Ids are UUIDs we generated; anything else never reaches the file system.
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`bad photo id ${id}`)
    return readFile(join(this.dir, id))
  }
}
