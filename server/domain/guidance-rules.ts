// Where a vendor guidance point (流动摊贩有序疏导点, docs/domain-notes.md §1) may go: the bureau places them "where they do not
// harm the street's appearance, traffic order or residents". Gridwatch turns that into five checkable rules, one per
// violation code below. The distances are our engineering choice, not the bureau's (docs/domain-notes.md §1 gives none), so a
// deployment overrides them through `resolveGuidanceRules`. The geometry lives in server/analysis/guidance-check.ts;
// this file holds the table: default limits and the zh-CN/en texts (the codes and how a distance is compared are
// the checker's own).
import type { GuidanceRules, GuidanceTextValues, GuidanceViolationCode } from '../analysis/guidance-check.ts'
import { roundGuidanceDistanceM } from '../analysis/guidance-geometry.ts'
import type { StreetCategory } from '../kernel/statuses.ts'

export const DEFAULT_GUIDANCE_RULES: GuidanceRules = {
  demonstrationClearanceM: 50, // m: about one block face, so stalls are out of sight from the 示范街 itself
  arterialIntersectionClearanceM: 30, // m: clear of the junction's turning lanes and crossings
  arterialHighways: ['trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link'],
  minSpacingM: 20, // m: two points closer than this are one crowd
  besideStreetM: 15, // m: half a typical carriageway plus the footway
  allowedStreetCategories: ['regulated', 'commercial'], // 规范街 (堵疏结合) and 商业街 (以疏为主)
}

/**
 * The rules with `overrides` applied; an override that is `undefined` keeps the default (so an optional query
 * field can be passed straight through). Throws a RangeError for a negative or non-finite distance, since that is a
 * caller bug. Does not mutate its input.
 */
export function resolveGuidanceRules(overrides: Partial<GuidanceRules> = {}): GuidanceRules {
  const rules: GuidanceRules = {
    demonstrationClearanceM: overrides.demonstrationClearanceM ?? DEFAULT_GUIDANCE_RULES.demonstrationClearanceM,
    arterialIntersectionClearanceM: overrides.arterialIntersectionClearanceM ?? DEFAULT_GUIDANCE_RULES.arterialIntersectionClearanceM,
    arterialHighways: [...(overrides.arterialHighways ?? DEFAULT_GUIDANCE_RULES.arterialHighways)],
    minSpacingM: overrides.minSpacingM ?? DEFAULT_GUIDANCE_RULES.minSpacingM,
    besideStreetM: overrides.besideStreetM ?? DEFAULT_GUIDANCE_RULES.besideStreetM,
    allowedStreetCategories: [...(overrides.allowedStreetCategories ?? DEFAULT_GUIDANCE_RULES.allowedStreetCategories)],
  }
  for (const key of ['demonstrationClearanceM', 'arterialIntersectionClearanceM', 'minSpacingM', 'besideStreetM'] as const) {
    const value = rules[key]
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`guidance rules: ${key} must be a finite number of metres ≥ 0, got ${value}`)
  }
  return rules
}

/**
 * zh-CN and en messages per code, with {distance}/{limit}/{name} placeholders filled by the checker. Also
 * {categories} (the allowed street categories, so the text follows a rules override), {capacity}, and {nearest}
 * (GUIDANCE_NEAREST_TEXT when a nearest allowed street exists, else empty).
 */
export const GUIDANCE_VIOLATION_TEXT: Record<GuidanceViolationCode, { zh: string; en: string }> = {
  'on-demonstration-street': {
    zh: '距示范街「{name}」仅 {distance} 米，示范街禁止摆卖，疏导点应距其至少 {limit} 米',
    en: 'Is {distance} m from the demonstration street {name}, where vending is banned; a guidance point must be at least {limit} m away',
  },
  'near-arterial-intersection': {
    zh: '距主干道交叉口「{name}」仅 {distance} 米，应距其至少 {limit} 米',
    en: 'Is {distance} m from the arterial intersection {name}; a guidance point must be at least {limit} m away',
  },
  'too-close-to-guidance-point': {
    zh: '距疏导点「{name}」仅 {distance} 米，疏导点间距应至少 {limit} 米',
    en: 'Is {distance} m from guidance point {name}; guidance points must be at least {limit} m apart',
  },
  'not-beside-allowed-street': {
    zh: '{limit} 米内没有{categories}{nearest}，也未标为场外区域（广场、停车场）',
    en: 'No {categories} within {limit} m{nearest}, and not marked as an off-street area (plaza, parking lot)',
  },
  'no-capacity': {
    zh: '容量为 {capacity} 个摊位，应大于 0',
    en: 'Capacity is {capacity} stalls; it must be greater than 0',
  },
}

/** The {nearest} fragment of `not-beside-allowed-street`, when some allowed street exists. */
export const GUIDANCE_NEAREST_TEXT = {
  zh: '（最近的「{name}」在 {distance} 米外）',
  en: ' (the nearest, {name}, is {distance} m away)',
} as const

/** Street category names as the messages use them. */
export const STREET_CATEGORY_TEXT: Record<StreetCategory, { zh: string; en: string }> = {
  demonstration: { zh: '示范街', en: 'demonstration street' },
  regulated: { zh: '规范街', en: 'regulated street' },
  commercial: { zh: '商业街', en: 'commercial street' },
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/**
 * The zh-CN and en messages for `code` with its placeholders filled: distances with one decimal, limits as given.
 * A missing value leaves no placeholder behind (it becomes empty, or '?' for a number). Pure.
 */
export function formatGuidanceViolationText(code: GuidanceViolationCode, values: GuidanceTextValues): { zh: string; en: string } {
  const distance = values.distanceM === undefined ? '?' : roundGuidanceDistanceM(values.distanceM).toFixed(1)
  const categories = values.categories ?? []
  const shared = {
    distance,
    limit: values.limitM === undefined ? '?' : String(values.limitM),
    name: values.name ?? '',
    capacity: values.capacity === undefined ? '?' : String(values.capacity),
  }
  const text = GUIDANCE_VIOLATION_TEXT[code]
  const nearest = code === 'not-beside-allowed-street' && values.distanceM !== undefined
  return {
    zh: fill(text.zh, {
      ...shared,
      categories: categories.length === 0 ? '可设点的道路' : categories.map((c) => STREET_CATEGORY_TEXT[c].zh).join('或'),
      nearest: nearest ? fill(GUIDANCE_NEAREST_TEXT.zh, shared) : '',
    }),
    en: fill(text.en, {
      ...shared,
      categories: categories.length === 0 ? 'allowed street' : categories.map((c) => STREET_CATEGORY_TEXT[c].en).join(' or '),
      nearest: nearest ? fill(GUIDANCE_NEAREST_TEXT.en, shared) : '',
    }),
  }
}
