// The bureau's three street classes (docs/domain-notes.md §1) assigned by a transparent rule table, so the README and
// the UI can show exactly why a street is 示范街, 规范街 or 商业街. DEMONSTRATION DATA: the real
// classification is the bureau's decision; these rules only make the demo plausible.

import type { Street } from '../../server/kernel/records.ts'
import type { StreetCategory } from '../../server/kernel/statuses.ts'

export interface StreetCategoryRule {
  category: StreetCategory
  highways?: readonly string[] // matches when the OSM highway value is one of these
  nameIncludes?: readonly string[] // matches when the street name contains one of these substrings
  reason: string // shown to users: why the rule exists
}

/**
 * First matching rule wins; a street matching none gets DEFAULT_STREET_CATEGORY.
 * Shopping-street names checked against the 2018 Chengdu extract: 春熙路 (incl. 东/西/南段), 宽巷子, 窄巷子
 * and 井巷子 are street ways; 文殊坊 and 太古里 appear only as non-street features there, kept for other
 * extracts. 锦里 is left out on purpose: in this extract it only matches the ordinary roads 锦里中路,
 * 锦里西路 and 锦里滨河路 (the 锦里 old street by 武侯祠 lies south of the extract).
 */
export const STREET_CATEGORY_RULES: readonly StreetCategoryRule[] = [
  {
    category: 'commercial',
    highways: ['pedestrian', 'living_street'],
    reason: 'Pedestrian and living streets: foot traffic, shops, room to guide vendors (以疏为主).',
  },
  {
    category: 'commercial',
    nameIncludes: ['春熙路', '宽巷子', '窄巷子', '井巷子', '文殊坊', '太古里'],
    reason: 'Well-known shopping and tourist streets, matched by name.',
  },
  {
    category: 'demonstration',
    highways: ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link'],
    reason: 'Arterials: traffic and the city’s image come first, vending banned (以堵为主).',
  },
]

/** Everything else: branch roads, alleys and service ways, mixed management (堵疏结合). */
export const DEFAULT_STREET_CATEGORY: StreetCategory = 'regulated'

/** Whether one rule matches a street (by highway value or name substring). */
export function matchesStreetCategoryRule(street: Pick<Street, 'highway' | 'name'>, rule: StreetCategoryRule): boolean {
  if (rule.highways?.includes(street.highway)) return true
  const name = street.name
  return name !== null && (rule.nameIncludes ?? []).some((part) => name.includes(part))
}

/** The category of one street under the rule table (first match wins, else `fallback`). */
export function categorizeStreet(
  street: Pick<Street, 'highway' | 'name'>,
  rules: readonly StreetCategoryRule[] = STREET_CATEGORY_RULES,
  fallback: StreetCategory = DEFAULT_STREET_CATEGORY,
): StreetCategory {
  return rules.find((rule) => matchesStreetCategoryRule(street, rule))?.category ?? fallback
}

/** New street objects with `category` set by the rule table; the input is not modified. Empty in → empty out. */
export function categorizeStreets(
  streets: readonly Street[],
  rules: readonly StreetCategoryRule[] = STREET_CATEGORY_RULES,
  fallback: StreetCategory = DEFAULT_STREET_CATEGORY,
): Street[] {
  return streets.map((s) => ({ ...s, category: categorizeStreet(s, rules, fallback) }))
}
