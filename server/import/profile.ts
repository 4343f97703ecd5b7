// The district profile: the one JSON file that says what a district is (name, time zone, language, lighting norms,
// street-category rules, its own incident categories) and where its data comes from (one entry per source file,
// with the user's own field names and value vocabularies mapped onto ours). The README documents every key with a
// full example; the keys here are that contract, so they are snake_case as users write them.
import { z } from 'zod'
import { STREET_CLASSES } from '../kernel/street-classes.ts'
import { INCIDENT_SOURCES, INCIDENT_STATUSES, LAMP_STATUSES, STREET_CATEGORIES } from '../kernel/statuses.ts'

/** A valid IANA time zone name, as this Node's Intl knows them. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const fieldName = z.string().min(1, 'a field name')

/** `{ field, values: { theirs: ours }, default? }`: a value with no mapping and no default is rejected, never guessed. */
const valueMap = <T extends string>(ours: z.ZodType<T>) =>
  z.strictObject({ field: fieldName, values: z.record(z.string(), ours).default({}), default: ours.optional() })

/** A date field, with its format in Luxon tokens (`MM/dd/yyyy hh:mm:ss a`); without one, ISO 8601 or a spreadsheet date. */
const dateField = z.union([fieldName.transform((field) => ({ field, format: undefined as string | undefined })), z.strictObject({ field: fieldName, format: z.string().min(1).optional() })])

const crs = z.string().min(1).optional() // wgs84 | cgcs2000 | gcj02 | bd09 | EPSG:nnnn; checked when the layer is opened

const layerBase = {
  file: z.string().min(1),
  crs,
  /** XLSX: the worksheet; zip: the .shp inside it. */
  sheet: z.string().optional(),
  /** CSV/DBF text encoding when it is not UTF-8 or GB18030 (detected). */
  encoding: z.string().optional(),
}

/** Coordinates from two columns, else from the feature's geometry. */
const pointFields = { lon: fieldName.optional(), lat: fieldName.optional() }

const zonesLayer = z.strictObject({
  layer: z.literal('zones'),
  ...layerBase,
  id: fieldName,
  name: fieldName,
  name_en: fieldName.optional(),
  /** The full administrative code (e.g. 12-digit 街道 code); the id when absent. */
  code: fieldName.optional(),
})

const streetsLayer = z.strictObject({
  layer: z.literal('streets'),
  ...layerBase,
  // An OSM file needs none of these: ids, names and classes come from its tags.
  id: fieldName.optional(),
  name: fieldName.optional(),
  name_en: fieldName.optional(),
  class: z.union([fieldName.transform((field) => ({ field, values: {} as Record<string, string>, default: undefined })), valueMap(z.enum(STREET_CLASSES))]).optional(),
  category: valueMap(z.enum(STREET_CATEGORIES)).optional(),
})

const lampsLayer = z.strictObject({
  layer: z.literal('lamps'),
  ...layerBase,
  ...pointFields,
  id: fieldName,
  status: valueMap(z.enum(LAMP_STATUSES)).optional(),
  height_m: fieldName.optional(),
  maintainer: fieldName.optional(),
  installed_at: dateField.optional(),
})

const incidentsLayer = z.strictObject({
  layer: z.literal('incidents'),
  ...layerBase,
  ...pointFields,
  id: fieldName,
  reported_at: dateField,
  closed_at: dateField.optional(),
  description: fieldName.optional(),
  category: valueMap(z.string().min(1)),
  status: valueMap(z.enum(INCIDENT_STATUSES)).optional(),
  /** Where the reports came from, one value for the whole file (hotline by default: 12345 exports). */
  source: z.enum(INCIDENT_SOURCES).optional(),
})

export const layerSpec = z.discriminatedUnion('layer', [zonesLayer, streetsLayer, lampsLayer, incidentsLayer])
export type LayerSpec = z.infer<typeof layerSpec>
export type ZonesLayerSpec = z.infer<typeof zonesLayer>
export type StreetsLayerSpec = z.infer<typeof streetsLayer>
export type LampsLayerSpec = z.infer<typeof lampsLayer>
export type IncidentsLayerSpec = z.infer<typeof incidentsLayer>
export type LayerName = LayerSpec['layer']

const perClass = z.partialRecord(z.enum(STREET_CLASSES), z.number().positive().max(1000))

const customCategory = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'a category code: 1–16 letters, digits, _ or -'),
  name: z.string().min(1),
  name_en: z.string().min(1).optional(),
  kind: z.enum(['event', 'component']).default('event'),
  /** Hours from report to deadline. */
  time_limit_hours: z.number().positive().max(24 * 365).optional(),
  repeat_radius_m: z.number().min(0).max(5000).optional(),
  /** The responsible unit's id (as in the unit list), or a unit kind: sanitation, street_order, municipal, lighting. */
  unit: z.string().min(1).optional(),
  /** Handling and verification need a photo of the work (default true). */
  photo_evidence: z.boolean().optional(),
})
export type CustomCategory = z.infer<typeof customCategory>

export const districtProfile = z.strictObject({
  district: z.strictObject({
    name: z.string().min(1),
    name_en: z.string().min(1).optional(),
    time_zone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai or America/New_York').default('Asia/Shanghai'),
    language: z.enum(['zh-CN', 'en']).default('zh-CN'),
    /** [west, south, east, north] in WGS84: rows outside it (with a margin) are rejected. From the data when absent. */
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  }),
  lighting: z
    .strictObject({
      /** Metres a working lamp lights along the street, per street class. */
      coverage_radius_m: perClass.optional(),
      /** Metres between new lamps in the retrofit plan, per street class. */
      lamp_spacing_m: perClass.optional(),
    })
    .optional(),
  /** Street categories for streets whose layer maps none: by class, else the default. */
  street_categories: z
    .strictObject({
      default: z.enum(STREET_CATEGORIES).default('regulated'),
      by_class: z.partialRecord(z.enum(STREET_CLASSES), z.enum(STREET_CATEGORIES)).default({}),
    })
    .optional(),
  /** Categories of the city's own, added to the national codes. */
  categories: z.array(customCategory).default([]),
  layers: z.array(layerSpec).default([]),
})
export type DistrictProfile = z.infer<typeof districtProfile>
export type DistrictSettings = Omit<DistrictProfile, 'layers'>

/** A profile problem as the CLI prints it: the key path and what is wrong. */
export function describeProfileIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(profile)'}: ${issue.message}`)
}
