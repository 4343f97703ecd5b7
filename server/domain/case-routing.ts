// Which responsible unit (责任单位) a case is dispatched to (docs/domain-notes.md §1–§2): a table from category to the kind of
// unit, then, for sub-district work, the office of the zone the case lies in. Pure and table-driven; a deployment
// with other units or a local taxonomy passes its own table.

export const UNIT_KINDS = ['subdistrict', 'sanitation', 'enforcement', 'lighting'] as const
/** 街道办事处 sub-district office · 环卫处 sanitation department · 城管执法大队 enforcement squad · 路灯管理所 lighting maintenance. */
export type UnitKind = (typeof UNIT_KINDS)[number]

export interface ResponsibleUnit {
  id: string // 'SD<zoneId>' for a sub-district office, else 'SAN' | 'ENF' | 'LGT'
  name: string // zh-CN
  nameEn: string
  kind: UnitKind
  zoneId: string | null // the zone a sub-district office serves; null for city-wide units
}

/** Ids of the city-wide units. */
export const SANITATION_UNIT_ID = 'SAN'
export const ENFORCEMENT_UNIT_ID = 'ENF'
export const LIGHTING_UNIT_ID = 'LGT'

/** The id of the sub-district office serving zone `zoneId`, e.g. '001' → 'SD001'. */
export function formatSubdistrictUnitId(zoneId: string): string {
  return `SD${zoneId}`
}

/**
 * One 街道办事处 per zone (id `SD<zoneId>`, e.g. SD001, name `<zone name>办事处`), plus the city-wide 环卫处 sanitation
 * department (id `SAN`), 城管执法大队 enforcement squad (`ENF`), and 路灯管理所 lighting maintenance unit (`LGT`).
 * Offices come first in the zones' order, then the three city-wide units. No zones → the three city-wide units only.
 * Throws for two zones with the same id (their offices would share an id). Does not mutate its input.
 */
export function buildResponsibleUnits(zones: readonly { id: string; name: string; nameEn: string }[]): ResponsibleUnit[] {
  const seen = new Set<string>()
  const offices = zones.map((z): ResponsibleUnit => {
    if (seen.has(z.id)) throw new Error(`buildResponsibleUnits: zone ids must be unique, got '${z.id}' twice`)
    seen.add(z.id)
    return { id: formatSubdistrictUnitId(z.id), name: `${z.name}办事处`, nameEn: `${z.nameEn} Office`, kind: 'subdistrict', zoneId: z.id }
  })
  return [
    ...offices,
    { id: SANITATION_UNIT_ID, name: '环卫处', nameEn: 'Sanitation Department', kind: 'sanitation', zoneId: null },
    { id: ENFORCEMENT_UNIT_ID, name: '城管执法大队', nameEn: 'Urban Management Enforcement Squad', kind: 'enforcement', zoneId: null },
    { id: LIGHTING_UNIT_ID, name: '路灯管理所', nameEn: 'Street Lighting Maintenance Office', kind: 'lighting', zoneId: null },
  ]
}

/**
 * Category code → unit kind, after docs/domain-notes.md §1–§2: a lamp case goes to the lamp's maintainer; garbage transport to
 * the sanitation department, street sweeping (dirty road) to the sub-district office ("sweeping is the sub-district
 * office's job, garbage transport the sanitation department's"); street-order offences and illegal construction
 * ("发现一起,制止一起,查处一起") to the enforcement squad. Stacking (0507) is cleared locally by the sub-district
 * office: our engineering choice. Categories not in the table go to the sub-district office.
 */
export const DEFAULT_CATEGORY_ROUTING: Readonly<Record<string, UnitKind>> = Object.freeze({
  '0101': 'enforcement', // 私搭乱建 illegal construction
  '0102': 'sanitation', // 暴露垃圾 exposed garbage
  '0103': 'sanitation', // 积存垃圾渣土 accumulated garbage and debris: transport
  '0104': 'subdistrict', // 道路不洁 dirty road: sweeping
  '0501': 'enforcement', // 无照经营游商 unlicensed street vending
  '0504': 'enforcement', // 店外经营 shop spill-over
  '0507': 'subdistrict', // 乱堆物堆料 stacking
  '0510': 'enforcement', // 露天烧烤 open-air barbecue
  '0118': 'lighting', // 路灯故障 lamp outage: the lamp's maintainer
})

/** The kind of unit for categories the routing table does not name. */
export const DEFAULT_UNIT_KIND: UnitKind = 'subdistrict'

/** The unit kind `category` routes to under `routing` (a whole table, not merged over the defaults); unknown → sub-district. */
export function findUnitKind(category: string, routing: Readonly<Record<string, UnitKind>> = DEFAULT_CATEGORY_ROUTING): UnitKind {
  // Own keys only: a code such as 'constructor' must not find Object.prototype's members.
  return Object.hasOwn(routing, category) ? (routing[category] ?? DEFAULT_UNIT_KIND) : DEFAULT_UNIT_KIND
}

/**
 * The responsible unit for a case: by category's unit kind; for 'subdistrict' the office of the zone containing the
 * case (zoneId); a subdistrict case outside every zone (or in a zone without an office) falls back to the enforcement
 * squad. Returns the unit id; throws only for a caller bug (no unit of the needed kind in `units`). `routing` replaces
 * the default table as a whole: to change one entry pass `{ ...DEFAULT_CATEGORY_ROUTING, '0507': 'enforcement' }`.
 * Where several units share a non-sub-district kind, the first in `units` is chosen.
 */
export function routeCase(
  input: { category: string; zoneId: string | null },
  units: readonly ResponsibleUnit[],
  routing: Readonly<Record<string, UnitKind>> = DEFAULT_CATEGORY_ROUTING,
): string {
  const kind = findUnitKind(input.category, routing)
  if (kind === 'subdistrict' && input.zoneId !== null) {
    const office = units.find((u) => u.kind === 'subdistrict' && u.zoneId === input.zoneId)
    if (office) return office.id
  }
  const wanted: UnitKind = kind === 'subdistrict' ? 'enforcement' : kind
  const unit = units.find((u) => u.kind === wanted)
  if (!unit) {
    const why = kind === 'subdistrict' ? `a subdistrict case in zone ${String(input.zoneId)} has no office, and the fallback` : `category ${input.category}`
    throw new Error(`routeCase: ${why} needs a unit of kind '${wanted}', but none is among the ${units.length} units given`)
  }
  return unit.id
}
