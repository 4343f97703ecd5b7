// The district profile an import run takes and a saved profile keeps: the district's name and time zone, and one
// entry per layer added, in the order added (the server reads zones, streets, lamps, incidents whatever the order).
export interface DistrictDraft {
  name: string
  nameEn: string
  /** IANA zone: dates without an offset are read in it, days and deadlines count in it. */
  timeZone: string
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export const EMPTY_DISTRICT: DistrictDraft = { name: '', nameEn: '', timeZone: DEFAULT_TIME_ZONE }

export function buildDistrictProfile(district: DistrictDraft, layers: readonly Record<string, unknown>[]): Record<string, unknown> {
  const nameEn = district.nameEn.trim()
  return {
    district: {
      name: district.name.trim(),
      ...(nameEn === '' ? {} : { name_en: nameEn }),
      time_zone: district.timeZone.trim() === '' ? DEFAULT_TIME_ZONE : district.timeZone.trim(),
    },
    layers: [...layers],
  }
}

export type ImportBlocker = 'noLayers' | 'noDistrictName'

/** Why an import cannot start yet, in the order the form shows them; empty when it can. */
export function listImportBlockers(district: DistrictDraft, layerCount: number): ImportBlocker[] {
  const blockers: ImportBlocker[] = []
  if (layerCount === 0) blockers.push('noLayers')
  if (district.name.trim() === '') blockers.push('noDistrictName')
  return blockers
}
