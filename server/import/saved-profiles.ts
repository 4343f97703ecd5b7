// Field mappings saved from the Data view, as district profile JSON files in the data directory
// (`<dir>/import-profiles/<name>.json`): the same format `npm run import --profile` reads, so a mapping worked out
// in the browser can be downloaded and run on the server, and one written by hand can be loaded in the browser.
// Files rather than a table: an operator can copy, diff and back them up with the database's folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A profile's name: what the administrator typed, within reason (it becomes a file name). */
export const PROFILE_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,63}$/u

export interface SavedProfileInfo {
  name: string
  savedAt: string
}

// The name, percent-encoded, is the file name: any Unicode name maps to one portable file and back.
const fileOf = (dir: string, name: string) => join(dir, `${encodeURIComponent(name)}.json`)

export class SavedProfiles {
  constructor(private readonly dirOf: () => string) {}

  private dir(): string {
    const dir = join(this.dirOf(), 'import-profiles')
    mkdirSync(dir, { recursive: true })
    return dir
  }

  list(): SavedProfileInfo[] {
    const dir = this.dir()
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        let name: string
        try {
          name = decodeURIComponent(f.slice(0, -'.json'.length))
        } catch {
          return [] // not one of ours
        }
        return PROFILE_NAME_PATTERN.test(name) ? [{ name, savedAt: statSync(join(dir, f)).mtime.toISOString() }] : []
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  }

  /** The profile's JSON as saved, or undefined. */
  read(name: string): unknown {
    const file = fileOf(this.dir(), name)
    if (!PROFILE_NAME_PATTERN.test(name) || !existsSync(file)) return undefined
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  }

  /** Saves (or replaces) `name`; returns whether it was new. */
  save(name: string, profile: unknown): boolean {
    const file = fileOf(this.dir(), name)
    const created = !existsSync(file)
    writeFileSync(file, JSON.stringify(profile, null, 2) + '\n', 'utf8')
    return created
  }
}
