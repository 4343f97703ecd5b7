// Reading a district profile from disk: JSON parsed, keys checked against the schema, every named file resolved
// beside the profile and found, every category a mapping names known. Anything wrong is a ProfileError naming
// the key or the file — the CLI's exit code 2.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { INCIDENT_CATEGORY_CODES } from '../kernel/categories.ts'
import { describeProfileIssues, districtProfile, type DistrictProfile, type LayerSpec } from './profile.ts'

export class ProfileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProfileError'
  }
}

export interface ResolvedLayer {
  spec: LayerSpec
  /** The file's absolute path. */
  path: string
  /** Its position in the profile's `layers`, for messages (`layers[2].file`). */
  index: number
}

export interface ResolvedProfile {
  profile: DistrictProfile
  layers: ResolvedLayer[]
  /** The category codes rows may map to: the national table plus the profile's own. */
  categories: ReadonlySet<string>
}

export function loadProfile(file: string): ResolvedProfile {
  if (!existsSync(file)) throw new ProfileError(`profile ${file}: not found`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ProfileError(`profile ${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  return resolveProfile(json, dirname(resolve(file)))
}

/** Checks a parsed profile; file paths are taken relative to `baseDir`. */
export function resolveProfile(json: unknown, baseDir: string, options: { requireFiles?: boolean } = {}): ResolvedProfile {
  const parsed = districtProfile.safeParse(json)
  if (!parsed.success) throw new ProfileError(`profile: ${describeProfileIssues(parsed.error).join('; ')}`)
  const profile = parsed.data
  const own = profile.categories.map((c) => c.code)
  const duplicate = own.find((code, i) => own.indexOf(code) !== i)
  if (duplicate) throw new ProfileError(`profile: categories: code ${duplicate} is defined twice`)
  const categories = new Set([...INCIDENT_CATEGORY_CODES, ...own])
  const layers = profile.layers.map((spec, index): ResolvedLayer => {
    const path = isAbsolute(spec.file) ? spec.file : resolve(baseDir, spec.file)
    if ((options.requireFiles ?? true) && !existsSync(path)) throw new ProfileError(`profile: layers[${index}].file: ${spec.file} not found (looked at ${path})`)
    if (spec.layer === 'incidents') {
      const targets = [...Object.values(spec.category.values), ...(spec.category.default ? [spec.category.default] : [])]
      const unknown = targets.find((code) => !categories.has(code))
      if (unknown) throw new ProfileError(`profile: layers[${index}].category: maps to ${JSON.stringify(unknown)}, which is neither a national category code nor one in "categories"`)
    }
    const isOsm = /\.osm(\.pbf)?$/i.test(spec.file)
    if (isOsm && spec.layer !== 'streets') throw new ProfileError(`profile: layers[${index}]: an OpenStreetMap file can only be a "streets" layer`)
    return { spec, path, index }
  })
  return { profile, layers, categories }
}

export type { DistrictProfile }
