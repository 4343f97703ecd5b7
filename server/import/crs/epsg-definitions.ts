// proj4 definitions for the EPSG codes a Chinese city's data actually comes in, generated from each zone's
// central meridian rather than typed out one by one (≈ 220 codes from a dozen lines) and without shipping the
// whole EPSG registry at run time (the `epsg-index` package is 40 MB unpacked; the tests check every generated
// definition against it instead).
//
// Families (EPSG numbering, checked against the registry in epsg-definitions.test.ts):
//   Gauss–Krüger 6° zones 13–23 (CM = 6·zone − 3) and 3° zones 25–45 (CM = 3·zone), each in two variants:
//     "zone N": the false easting carries the zone number (N·1 000 000 + 500 000), so eastings look like 35 410 452;
//     "CM nnnE": plain 500 000, so eastings look like 410 452 and the zone must come from elsewhere.
//   on three datums: CGCS2000 (GRS80 ellipsoid, the national datum since 2008), Xian 1980 (IAU76 ellipsoid) and
//   Beijing 1954 (Krassowsky ellipsoid, with EPSG's 3-parameter shift to WGS84).
//   WGS 84 / UTM zones 1–60 north (326zz) and south (327zz). Web Mercator (3857 and its old aliases).
//   Geographic CGCS2000 (4490), Beijing 1954 (4214), Xian 1980 (4610), WGS 84 (4326).
//
// Accuracy: CGCS2000 ↔ WGS84 differ by centimetres, so no datum shift is applied. EPSG publishes no Xian 1980 →
// WGS84 shift and only a coarse one for Beijing 1954, so those results can be off by tens of metres (up to ~100 m);
// fine for placing features on a city map, not for surveying.

export interface EpsgDefinition {
  code: number
  /** The registry's name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 35". */
  name: string
  /** proj4 definition string, or 'identity' for systems treated as WGS84 lon/lat as they are. */
  proj4: string
}

interface Datum {
  name: string
  ellipsoid: string // proj4 ellipsoid (and datum shift) parameters
}

const CGCS2000: Datum = { name: 'CGCS2000', ellipsoid: '+ellps=GRS80' }
const XIAN_1980: Datum = { name: 'Xian 1980', ellipsoid: '+ellps=IAU76' }
const BEIJING_1954: Datum = { name: 'Beijing 1954', ellipsoid: '+ellps=krass +towgs84=15.8,-154.4,-82.3,0,0,0,0' }

type Variant = '6-zone' | '6-cm' | '3-zone' | '3-cm'

/** First EPSG code of each (datum, variant) block; every block runs over consecutive codes. */
const GK_BLOCKS: readonly { datum: Datum; variant: Variant; first: number }[] = [
  { datum: CGCS2000, variant: '6-zone', first: 4491 },
  { datum: CGCS2000, variant: '6-cm', first: 4502 },
  { datum: CGCS2000, variant: '3-zone', first: 4513 },
  { datum: CGCS2000, variant: '3-cm', first: 4534 },
  { datum: XIAN_1980, variant: '6-zone', first: 2327 },
  { datum: XIAN_1980, variant: '6-cm', first: 2338 },
  { datum: XIAN_1980, variant: '3-zone', first: 2349 },
  { datum: XIAN_1980, variant: '3-cm', first: 2370 },
  { datum: BEIJING_1954, variant: '6-zone', first: 21413 },
  { datum: BEIJING_1954, variant: '6-cm', first: 21453 },
  { datum: BEIJING_1954, variant: '3-zone', first: 2401 },
  { datum: BEIJING_1954, variant: '3-cm', first: 2422 },
]

/** 6° zones 13–23 cover 72°E–138°E (11 codes); 3° zones 25–45 cover 73.5°E–136.5°E (21 codes). */
const BLOCK_LENGTH: Record<Variant, number> = { '6-zone': 11, '6-cm': 11, '3-zone': 21, '3-cm': 21 }

function gaussKruger(code: number, datum: Datum, variant: Variant, index: number): EpsgDefinition {
  const threeDegree = variant.startsWith('3')
  const zone = threeDegree ? 25 + index : 13 + index
  const centralMeridian = threeDegree ? 3 * zone : 6 * zone - 3
  const withZone = variant.endsWith('zone')
  const falseEasting = withZone ? zone * 1_000_000 + 500_000 : 500_000
  const kind = threeDegree ? '3-degree Gauss-Kruger' : 'Gauss-Kruger'
  return {
    code,
    name: `${datum.name} / ${kind} ${withZone ? `zone ${zone}` : `CM ${centralMeridian}E`}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 ${datum.ellipsoid} +units=m +no_defs`,
  }
}

const WEB_MERCATOR = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs'

/** Codes outside the generated families. 900913, 3785, 102100 and 102113 are older names for Web Mercator that files still carry. */
const SINGLE: Readonly<Record<number, Omit<EpsgDefinition, 'code'>>> = {
  4326: { name: 'WGS 84', proj4: 'identity' },
  4490: { name: 'China Geodetic Coordinate System 2000', proj4: 'identity' }, // centimetres from WGS84: see header
  4214: { name: 'Beijing 1954', proj4: `+proj=longlat ${BEIJING_1954.ellipsoid} +no_defs` },
  4610: { name: 'Xian 1980', proj4: `+proj=longlat ${XIAN_1980.ellipsoid} +no_defs` },
  3857: { name: 'WGS 84 / Pseudo-Mercator', proj4: WEB_MERCATOR },
  900913: { name: 'Google Maps Global Mercator', proj4: WEB_MERCATOR },
  3785: { name: 'Popular Visualisation CRS / Mercator', proj4: WEB_MERCATOR },
  102100: { name: 'WGS 1984 Web Mercator Auxiliary Sphere (Esri)', proj4: WEB_MERCATOR },
  102113: { name: 'WGS 1984 Web Mercator (Esri)', proj4: WEB_MERCATOR },
}

/** The definition of an EPSG code Gridwatch knows, or undefined. */
export function findEpsgDefinition(code: number): EpsgDefinition | undefined {
  if (!Number.isInteger(code)) return undefined
  const single = SINGLE[code]
  if (single) return { code, ...single }
  for (const { datum, variant, first } of GK_BLOCKS) {
    const index = code - first
    if (index >= 0 && index < BLOCK_LENGTH[variant]) return gaussKruger(code, datum, variant, index)
  }
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const south = code >= 32701
    const zone = code % 100
    return {
      code,
      name: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`,
      proj4: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`,
    }
  }
  return undefined
}

/** Every code findEpsgDefinition knows, ascending (for tests and the --crs help text). */
export function listKnownEpsgCodes(): number[] {
  const codes = Object.keys(SINGLE).map(Number)
  for (const { variant, first } of GK_BLOCKS) for (let i = 0; i < BLOCK_LENGTH[variant]; i++) codes.push(first + i)
  for (let zone = 1; zone <= 60; zone++) codes.push(32600 + zone, 32700 + zone)
  return codes.sort((a, b) => a - b)
}

/** One line for error messages: what EPSG codes are accepted. */
export const KNOWN_EPSG_SUMMARY =
  '4326, 4490 (CGCS2000), 3857/900913 (Web Mercator), CGCS2000 Gauss-Kruger 4491–4554, ' +
  'Xian 1980 Gauss-Kruger 2327–2390, Beijing 1954 Gauss-Kruger 2401–2442 and 21413–21423/21453–21463, ' +
  '4214, 4610, UTM 32601–32660/32701–32760'

/**
 * The EPSG code of an Esri Gauss–Krüger name as ArcGIS writes it into .prj files, e.g.
 * "CGCS2000_3_Degree_GK_Zone_35" → 4523, "CGCS2000_3_Degree_GK_CM_105E" → 4544, "Beijing_1954_GK_Zone_18" → 21418,
 * "Xian_1980_3_Degree_GK_CM_114E" → 2383. Undefined for any other name or a zone/meridian outside the family.
 */
export function epsgCodeOfEsriGaussKrugerName(name: string): number | undefined {
  const m = /^(CGCS2000|Xian_1980|Beijing_1954)_(3_Degree_)?GK_(?:Zone_(\d+)|CM_(\d+)E)$/i.exec(name.trim())
  if (!m) return undefined
  const datumName = m[1]!.toLowerCase()
  const datum = datumName === 'cgcs2000' ? CGCS2000 : datumName === 'xian_1980' ? XIAN_1980 : BEIJING_1954
  const threeDegree = m[2] !== undefined
  const variant: Variant = threeDegree ? (m[3] ? '3-zone' : '3-cm') : m[3] ? '6-zone' : '6-cm'
  let index: number
  if (m[3]) index = Number(m[3]) - (threeDegree ? 25 : 13)
  else {
    const cm = Number(m[4])
    const step = threeDegree ? 3 : 6
    if ((cm - 75) % step !== 0) return undefined
    index = (cm - 75) / step
  }
  if (index < 0 || index >= BLOCK_LENGTH[variant]) return undefined
  const block = GK_BLOCKS.find((b) => b.datum === datum && b.variant === variant)
  return block ? block.first + index : undefined
}
