// The coordinate systems the Data view offers for a file: the file's own when it carries one (a Shapefile's .prj,
// a GeoJSON `crs` member), the four lon/lat systems Chinese data comes in, and any EPSG code the file names.
// The server knows more (README "Layer keys"); these are the ones a person can pick without typing.

/** '' stands for "the file's own": the profile then has no `crs` and the .prj decides. */
export const LONLAT_SYSTEMS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const

/** The name a .prj gives itself (`PROJCS["CGCS2000_3_Degree_GK_Zone_35", …]` → that name), or the text when short. */
export function readPrjName(prj: string): string {
  const named = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(prj)?.[1]
  if (named) return named
  const text = prj.trim()
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`
}

/**
 * EPSG codes a .prj names: `EPSG:4547` (a GeoJSON `crs` member), or the last AUTHORITY["EPSG", …] of a WKT, which
 * in WKT1 is the whole system's (the inner ones name its datum and base system).
 */
export function readEpsgCodes(prj: string | null): string[] {
  if (prj === null) return []
  const direct = [...prj.matchAll(/EPSG:+(\d{4,6})/gi)].map((m) => `EPSG:${m[1] ?? ''}`)
  const authorities = [...prj.matchAll(/AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d{4,6})"?\s*\]/gi)].map((m) => `EPSG:${m[1] ?? ''}`)
  const last = authorities.at(-1)
  return [...new Set([...direct, ...(last === undefined ? [] : [last])])]
}

/** Values for the 坐标系 select, in order: the file's own (''), the lon/lat systems, the EPSG codes the file names. */
export function listCrsChoices(prj: string | null): string[] {
  const own = prj !== null && prj.trim() !== '' ? [''] : []
  return [...own, ...LONLAT_SYSTEMS, ...readEpsgCodes(prj).filter((code) => !(LONLAT_SYSTEMS as readonly string[]).includes(code))]
}
