// The district's incident categories: the national codes every district has, plus the ones its profile adds
// (a city's own kinds of complaint, with their names, time limit, repeat radius and unit). Set once at start from
// the stored profile; read by the meta route and the analyses that label categories.
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../kernel/categories.ts'

export interface OwnCategory extends IncidentCategory {
  timeLimitHours?: number
  repeatRadiusM?: number
  unit?: string
  /** Handling and verification need a photo (default true; see case-evidence.ts). */
  photoEvidence?: boolean
}

let own: OwnCategory[] = []

/** Adds the profile's own categories (replacing any set before); a code the national table has is not redefined. */
export function useOwnCategories(categories: readonly OwnCategory[]): void {
  const national = new Set(INCIDENT_CATEGORIES.map((c) => c.code))
  own = categories.filter((c) => !national.has(c.code))
}

/** Every category of the district: national first, then its own. */
export const districtCategories = (): IncidentCategory[] => [...INCIDENT_CATEGORIES, ...own]

/** A profile category's own rules, if the code is one. */
export const ownCategory = (code: string): OwnCategory | undefined => own.find((c) => c.code === code)

/** The codes of every category of the district. */
export const districtCategoryCodes = (): string[] => districtCategories().map((c) => c.code)

/** Whether a code names one of the district's categories. */
export const isDistrictCategory = (code: string): boolean => districtCategories().some((c) => c.code === code)

/** A category by code: national or the district's own. */
export const findDistrictCategory = (code: string): IncidentCategory | undefined => districtCategories().find((c) => c.code === code)
