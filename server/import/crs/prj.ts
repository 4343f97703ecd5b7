// A Shapefile's .prj (Esri WKT1, as ArcGIS and QGIS write it) → what to hand proj4. proj4 reads WKT itself; this
// module adds two things on top:
//  - Gauss–Krüger zones named the Esri way ("CGCS2000_3_Degree_GK_Zone_35", "Beijing_1954_GK_CM_117E") are
//    replaced by the matching EPSG definition when the .prj's own parameters agree with it. Esri WKT carries no
//    datum shift, so without this a Beijing 1954 file would land ~100 m off; for CGCS2000 the result is the same
//    either way, and the converter gets a name a person recognises. A .prj whose parameters disagree with its name
//    (hand-edited false easting, say) keeps its parameters: they are what the coordinates were computed with.
//  - Geographic WGS84 and CGCS2000 .prj files become the identity (no round trip through proj4).
// Reading the file is the caller's job: this takes its text.
import proj4 from 'proj4'
import { CrsError } from './crs-error.ts'
import { epsgCodeOfEsriGaussKrugerName, findEpsgDefinition } from './epsg-definitions.ts'

export interface PrjReading {
  /** For messages: the .prj's own name, plus the EPSG code when recognised, e.g. "CGCS2000_3_Degree_GK_Zone_35 (EPSG:4523)". */
  name: string
  /** 'identity', or a proj4 definition (proj4 string or the WKT itself). */
  definition: string
}

/** The parameters two definitions must share to be the same Transverse Mercator zone. */
interface ZoneParameters {
  long0: number // central meridian, radians
  x0: number // false easting, metres
  y0: number
  k0: number
}

function zoneParameters(definition: string): ZoneParameters {
  const p = proj4.Proj(definition) as unknown as Partial<ZoneParameters>
  return { long0: p.long0 ?? Number.NaN, x0: p.x0 ?? 0, y0: p.y0 ?? 0, k0: p.k0 ?? 1 }
}

function sameZone(a: ZoneParameters, b: ZoneParameters): boolean {
  return Math.abs(a.long0 - b.long0) < 1e-9 && Math.abs(a.x0 - b.x0) < 1e-6 && Math.abs(a.y0 - b.y0) < 1e-6 && Math.abs(a.k0 - b.k0) < 1e-12
}

/** GEOGCS names (Esri and EPSG spellings) whose coordinates Gridwatch takes as WGS84 lon/lat unchanged. */
const IDENTITY_GEOGCS = /^(GCS_WGS_1984|WGS 84|WGS_1984|GCS_China_Geodetic_Coordinate_System_2000|China Geodetic Coordinate System 2000|GCS_CGCS2000|CGCS2000)$/i

/** Reads .prj text; throws CrsError when proj4 cannot make a coordinate system of it. */
export function readPrj(prj: string): PrjReading {
  const text = prj.trim()
  const head = /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(text)
  if (!head) throw new CrsError(`the .prj is not WKT (it starts "${text.slice(0, 40)}")`)
  const kind = head[1]!.toUpperCase()
  const name = head[2]!
  try {
    proj4.Proj(text)
  } catch (e) {
    throw new CrsError(`the .prj names "${name}" but could not be read as a coordinate system (${String(e ?? 'unknown error')})`)
  }
  if (kind.startsWith('GEOG') && IDENTITY_GEOGCS.test(name)) return { name, definition: 'identity' }
  const code = epsgCodeOfEsriGaussKrugerName(name)
  const known = code === undefined ? undefined : findEpsgDefinition(code)
  if (known && sameZone(zoneParameters(text), zoneParameters(known.proj4))) return { name: `${name} (EPSG:${known.code})`, definition: known.proj4 }
  return { name, definition: text }
}
