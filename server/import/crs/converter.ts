// Source coordinates → WGS84 [lng, lat], from what the user said (--crs) or, failing that, the file's .prj.
//
// Accepted `spec` values (case-insensitive, surrounding spaces ignored):
//   wgs84     lon/lat as they are (the default when neither spec nor .prj is given).
//   cgcs2000  geographic CGCS2000 (EPSG:4490), taken as WGS84 unchanged: the two datums differ by centimetres,
//             far below what a city map or a GPS report resolves.
//   gcj02     GCJ-02, the obfuscated lon/lat of Amap, Tencent and most Chinese web maps (100–700 m off WGS84);
//             inverted with `gcoord` (iterative, sub-metre). Outside China gcoord leaves points unchanged, as GCJ-02 does.
//   bd09      Baidu's BD-09 (GCJ-02 plus a further offset), via gcoord.
//   EPSG:n    a code from epsg-definitions.ts (CGCS2000/Xian 1980/Beijing 1954 Gauss–Krüger zones, UTM, Web
//             Mercator, …), run through proj4. Projected coordinates are x = easting, y = northing in metres.
//   +proj=…   a proj4 string, for a system not in that list (a city's local grid, say).
// When spec is absent and a .prj is given, the .prj decides (prj.ts). When both are given, spec wins: the user
// typed it, often precisely because the .prj is wrong or generic; `note` then says the .prj was ignored, so the
// import report can show it.
import gcoord, { type CRSTypes } from 'gcoord'
import proj4, { type Converter } from 'proj4'
import type { LngLat } from '../../kernel/geo.ts'
import { CrsError } from './crs-error.ts'
import { findEpsgDefinition, KNOWN_EPSG_SUMMARY } from './epsg-definitions.ts'
import { readPrj } from './prj.ts'

export interface CoordinateConverter {
  /** For the import report, e.g. "EPSG:4523 (CGCS2000 / 3-degree Gauss-Kruger zone 35)" or "gcj02". */
  name: string
  /** WGS84 [lng, lat] of a source (x, y); null when the result is not a finite number pair. */
  toWgs84(x: number, y: number): LngLat | null
  /** Set when a .prj was present but the spec overrode it. */
  note?: string
}

export const ACCEPTED_SPECS = 'wgs84, cgcs2000, gcj02, bd09, EPSG:<code> (e.g. EPSG:4523, EPSG:4545, EPSG:3857, EPSG:32648), or a proj4 string starting with +proj='

function finite(x: number, y: number): LngLat | null {
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null
}

function identity(name: string): CoordinateConverter {
  return { name, toWgs84: finite }
}

function viaGcoord(name: string, from: CRSTypes): CoordinateConverter {
  return {
    name,
    toWgs84(x, y) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return null
      const [lng, lat] = gcoord.transform([x, y], from, gcoord.WGS84)
      return finite(lng, lat)
    },
  }
}

function viaProj4(name: string, definition: string): CoordinateConverter {
  if (definition === 'identity') return identity(name)
  let transform: Converter
  try {
    transform = proj4(definition, 'WGS84')
  } catch (e) {
    throw new CrsError(`${name}: proj4 cannot use this definition (${String(e ?? 'unknown error')})`)
  }
  return {
    name,
    toWgs84(x, y) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return null
      try {
        const [lng, lat] = transform.forward([x, y])
        return lng === undefined || lat === undefined ? null : finite(lng, lat)
      } catch {
        return null // proj4 throws for some points outside a projection's domain
      }
    },
  }
}

function fromSpec(spec: string): CoordinateConverter {
  const value = spec.trim()
  const lower = value.toLowerCase()
  if (lower === 'wgs84') return identity('wgs84')
  if (lower === 'cgcs2000') return identity('cgcs2000')
  if (lower === 'gcj02') return viaGcoord('gcj02', gcoord.GCJ02)
  if (lower === 'bd09') return viaGcoord('bd09', gcoord.BD09)
  if (lower.startsWith('+proj=')) return viaProj4(value, value)
  const epsg = /^epsg:(\d+)$/.exec(lower)
  if (epsg) {
    const code = Number(epsg[1])
    const known = findEpsgDefinition(code)
    if (!known) {
      throw new CrsError(`EPSG:${code} is not a coordinate system Gridwatch knows. Known EPSG codes: ${KNOWN_EPSG_SUMMARY}. ` +
        'For another system, leave --crs out and keep the .prj beside the file, or give a proj4 string (+proj=…).')
    }
    return viaProj4(`EPSG:${code} (${known.name})`, known.proj4)
  }
  throw new CrsError(`unknown coordinate system "${spec}". Accepted: ${ACCEPTED_SPECS}.`)
}

/** Builds the converter for one source file. Throws CrsError for an unknown spec or an unreadable .prj. */
export function createCoordinateConverter(spec: string | undefined, prj: string | null): CoordinateConverter {
  if (spec !== undefined) {
    const converter = fromSpec(spec)
    if (prj !== null && prj.trim() !== '') {
      const prjName = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(prj)?.[1] ?? 'unnamed'
      return { ...converter, note: `the .prj (${prjName}) was ignored: --crs ${spec.trim()} was given` }
    }
    return converter
  }
  if (prj !== null && prj.trim() !== '') {
    const reading = readPrj(prj)
    return viaProj4(`.prj: ${reading.name}`, reading.definition)
  }
  return identity('wgs84')
}
