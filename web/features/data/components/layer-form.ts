// One uploaded file's mapping as the administrator edits it (which column fills which profile key, what each of
// their status, class or category values means in ours, the coordinate system, the date format), and the layer
// entry of the district profile it becomes. Pure: the form starts from the server's guesses, and the same form
// gives the same spec, whether it is sent to the preview, to an import run or saved as a profile.
import type { FieldRole } from '../../../../server/import/guess-fields.ts'
import type { LayerName } from '../../../../server/import/profile.ts'
import { INCIDENT_STATUSES, LAMP_STATUSES, STREET_CATEGORIES, type IncidentSource } from '../../../../server/kernel/statuses.ts'
import { STREET_CLASSES } from '../../../../server/kernel/street-classes.ts'

export type { FieldRole, LayerName }

/** The four layers in the order an import reads them (each is placed against the earlier ones). */
export const LAYER_KINDS: readonly LayerName[] = ['zones', 'streets', 'lamps', 'incidents']

/** The profile keys each layer takes a column for, in the order the form lists them. */
export const LAYER_FIELDS: Readonly<Record<LayerName, readonly FieldRole[]>> = {
  zones: ['id', 'name', 'name_en', 'code'],
  streets: ['id', 'name', 'name_en', 'class', 'category'],
  lamps: ['lon', 'lat', 'id', 'status', 'height_m', 'maintainer', 'installed_at'],
  incidents: ['lon', 'lat', 'id', 'reported_at', 'closed_at', 'category', 'status', 'description'],
}

/** Keys the profile schema requires (server/import/profile.ts); streets need none (an OSM-like file names itself). */
const REQUIRED_FIELDS: Readonly<Record<LayerName, readonly FieldRole[]>> = {
  zones: ['id', 'name'],
  streets: [],
  lamps: ['id'],
  incidents: ['id', 'reported_at', 'category'],
}

/** The keys whose values are mapped onto our vocabularies: `{ field, values, default }` in the profile. */
export type MappedRole = 'class' | 'category' | 'status'

const MAPPED_ROLES: ReadonlySet<FieldRole> = new Set<MappedRole>(['class', 'category', 'status'])
export const isMappedRole = (role: FieldRole): role is MappedRole => MAPPED_ROLES.has(role)

/** Date keys: a column, or `{ field, format }` when the file's dates need a format. */
const DATE_ROLES: ReadonlySet<FieldRole> = new Set<FieldRole>(['reported_at', 'closed_at', 'installed_at'])
export const isDateRole = (role: FieldRole) => DATE_ROLES.has(role)

/** Lon/lat may both be left out (points then come from the geometry), but not only one of them. */
const POINT_ROLES: readonly FieldRole[] = ['lon', 'lat']
export const isPointRole = (role: FieldRole) => POINT_ROLES.includes(role)

/** What their values may map to, per layer and key; incident categories are the district's own list. */
export function listValueTargets(layer: LayerName, role: MappedRole, categoryCodes: readonly string[]): readonly string[] {
  if (layer === 'streets') return role === 'class' ? STREET_CLASSES : role === 'category' ? STREET_CATEGORIES : []
  if (layer === 'lamps') return role === 'status' ? LAMP_STATUSES : []
  if (layer === 'incidents') return role === 'status' ? INCIDENT_STATUSES : role === 'category' ? categoryCodes : []
  return []
}

export interface ValueMapping {
  /** Their value → ours; a value left out takes the fallback. */
  values: Readonly<Record<string, string>>
  /** Ours for every other value; '' rejects those rows (the profile then has no `default`). */
  fallback: string
}

export interface LayerForm {
  layer: LayerName
  /** An OpenStreetMap file: streets whose names and classes come from its tags, nothing to map. */
  osm: boolean
  /** Whether the file carries its own coordinate system (.prj, or a GeoJSON `crs` member). */
  hasPrj: boolean
  /** Profile key → their column; a key left out is not imported. */
  fields: Readonly<Partial<Record<FieldRole, string>>>
  mappings: Readonly<Partial<Record<MappedRole, ValueMapping>>>
  /** wgs84 | cgcs2000 | gcj02 | bd09 | EPSG:n; '' = the file's own (.prj). */
  crs: string
  /** Luxon tokens for every date column of the file; '' = ISO 8601 and the common forms the server knows. */
  dateFormat: string
  source: IncidentSource
}

/** The parts of an upload's answer a form starts from. */
export interface UploadHead {
  format: string
  prj: string | null
  guesses: {
    fields: Readonly<Record<LayerName, Readonly<Partial<Record<FieldRole, string>>>>>
    /** Column → their value → ours, for the values a rule recognised. */
    values: Readonly<Record<string, Readonly<Record<string, string>>>>
  }
}

export const DEFAULT_CRS = 'wgs84'
const DEFAULT_SOURCE: IncidentSource = 'hotline'

/** The mapping the server guessed for `layer`, to be confirmed: guessed columns, guessed values, no fallbacks. */
export function createLayerForm(upload: UploadHead, layer: LayerName): LayerForm {
  const osm = upload.format === 'osm'
  const hasPrj = upload.prj !== null && upload.prj.trim() !== ''
  const kind: LayerName = osm ? 'streets' : layer
  const guessed = osm ? {} : upload.guesses.fields[kind]
  const fields: Partial<Record<FieldRole, string>> = {}
  for (const role of LAYER_FIELDS[kind]) {
    const column = guessed[role]
    if (column !== undefined) fields[role] = column
  }
  const mappings: Partial<Record<MappedRole, ValueMapping>> = {}
  for (const role of LAYER_FIELDS[kind]) {
    if (isMappedRole(role)) mappings[role] = { values: guessedValues(upload, fields[role]), fallback: '' }
  }
  return { layer: kind, osm, hasPrj, fields, mappings, crs: hasPrj ? '' : DEFAULT_CRS, dateFormat: '', source: DEFAULT_SOURCE }
}

const guessedValues = (upload: UploadHead, column: string | undefined) => (column === undefined ? {} : { ...upload.guesses.values[column] })

/** `form` with `role` read from `column` ('' = not imported); a mapped key starts over from that column's guesses. */
export function setField(form: LayerForm, role: FieldRole, column: string, upload: UploadHead): LayerForm {
  const fields = { ...form.fields }
  if (column === '') delete fields[role]
  else fields[role] = column
  if (!isMappedRole(role)) return { ...form, fields }
  const fallback = form.mappings[role]?.fallback ?? ''
  return { ...form, fields, mappings: { ...form.mappings, [role]: { values: guessedValues(upload, fields[role]), fallback } } }
}

/** `form` with their value `theirs` of `role` meaning `ours` ('' = left to the fallback). */
export function setMappedValue(form: LayerForm, role: MappedRole, theirs: string, ours: string): LayerForm {
  const values = { ...form.mappings[role]?.values }
  if (ours === '') delete values[theirs]
  else values[theirs] = ours
  return { ...form, mappings: { ...form.mappings, [role]: { values, fallback: form.mappings[role]?.fallback ?? '' } } }
}

export function setFallback(form: LayerForm, role: MappedRole, ours: string): LayerForm {
  return { ...form, mappings: { ...form.mappings, [role]: { values: form.mappings[role]?.values ?? {}, fallback: ours } } }
}

/** The required keys still without a column (and lon or lat when only the other is chosen), in form order. */
export function listMissingFields(form: LayerForm): FieldRole[] {
  if (form.osm) return []
  const { fields } = form
  const pointHalf = (fields.lon === undefined) !== (fields.lat === undefined)
  return LAYER_FIELDS[form.layer].filter((role) => (REQUIRED_FIELDS[form.layer].includes(role) || (pointHalf && isPointRole(role))) && fields[role] === undefined)
}

/**
 * The layer's entry in a district profile, reading `file` (an upload id for a run, the file's own name for a saved
 * profile). Defaults are left out, as a person writing the profile would: no `crs` when the file is WGS84 without
 * a .prj, no `source` for a hotline export, no empty value table.
 */
export function buildLayerSpec(form: LayerForm, file: string): Record<string, unknown> {
  if (form.osm) return { layer: 'streets', file }
  const spec: Record<string, unknown> = { layer: form.layer, file }
  if (form.crs !== '' && (form.hasPrj || form.crs !== DEFAULT_CRS)) spec.crs = form.crs
  for (const role of LAYER_FIELDS[form.layer]) {
    const column = form.fields[role]
    if (column === undefined) continue
    if (isMappedRole(role)) {
      const mapping = form.mappings[role] ?? { values: {}, fallback: '' }
      spec[role] = { field: column, values: { ...mapping.values }, ...(mapping.fallback === '' ? {} : { default: mapping.fallback }) }
    } else if (isDateRole(role) && form.dateFormat.trim() !== '') {
      spec[role] = { field: column, format: form.dateFormat.trim() }
    } else {
      spec[role] = column
    }
  }
  if (form.layer === 'incidents' && form.source !== DEFAULT_SOURCE) spec.source = form.source
  return spec
}

/** What the pending list says of a layer's coordinates: the system chosen, or the file's own. */
export const describeCrs = (form: LayerForm) => (form.osm ? 'OSM' : form.crs === '' ? '.prj' : form.crs)
