// createCoordinateConverter against numbers that do not come from the libraries it wraps: conversions published by
// map services, a Gauss–Krüger forward computation written out below (Krüger's series), and the Web Mercator formula.
import { describe, expect, it } from 'vitest'
import { computeMetersPerDegreeLng, METERS_PER_DEGREE } from '../../analysis/local-metric.ts'
import type { LngLat } from '../../kernel/geo.ts'
import { createCoordinateConverter } from './converter.ts'
import { CrsError } from './crs-error.ts'

/** Ground distance in metres between two nearby lon/lat points (local metric frame: exact enough below 1 km). */
function metres(a: LngLat, b: LngLat): number {
  return Math.hypot((a[0] - b[0]) * computeMetersPerDegreeLng((a[1] + b[1]) / 2), (a[1] - b[1]) * METERS_PER_DEGREE)
}

function convert(spec: string | undefined, prj: string | null, x: number, y: number): LngLat {
  const result = createCoordinateConverter(spec, prj).toWgs84(x, y)
  if (!result) throw new Error(`no result for (${x}, ${y})`)
  return result
}

/**
 * Transverse Mercator forward (lon/lat → easting/northing) by Krüger's series in n to 4th order (Karney 2011,
 * J. Geodesy 85:475, eqs. 7–11, 35); sub-millimetre within a 3° or 6° zone. Independent of proj4's code path.
 */
function kruegerForward(lonDeg: number, latDeg: number, o: { a: number; f: number; lon0: number; k0: number; x0: number }): [number, number] {
  const n = o.f / (2 - o.f)
  const e = (2 * Math.sqrt(n)) / (1 + n)
  const A = (o.a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64)
  const alpha = [
    n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180,
    (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440,
    (61 * n ** 3) / 240 - (103 * n ** 4) / 140,
    (49561 * n ** 4) / 161280,
  ]
  const phi = (latDeg * Math.PI) / 180
  const dLambda = ((lonDeg - o.lon0) * Math.PI) / 180
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)))
  const xi = Math.atan2(t, Math.cos(dLambda))
  const eta = Math.atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t))
  let x = eta
  let y = xi
  alpha.forEach((aj, i) => {
    const j = 2 * (i + 1)
    x += aj * Math.cos(j * xi) * Math.sinh(j * eta)
    y += aj * Math.sin(j * xi) * Math.cosh(j * eta)
  })
  return [o.x0 + o.k0 * A * x, o.k0 * A * y]
}

const GRS80 = { a: 6378137, f: 1 / 298.257222101 }
const WGS84 = { a: 6378137, f: 1 / 298.257223563 }
/** Tianfu Square, Chengdu (WGS84, approximate): the test point for the 105°E zones. */
const TIANFU: LngLat = [104.0657, 30.6595]

/** Esri WKT exactly as ArcGIS writes a CGCS2000 3° Gauss–Krüger .prj (only the zone name and two numbers vary). */
function esriGkPrj(name: string, falseEasting: number, centralMeridian: number): string {
  return `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],` +
    `PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting.toFixed(1)}],` +
    `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
}

describe('lon/lat specs', () => {
  it('default (no spec, no .prj) is WGS84 as given', () => {
    const c = createCoordinateConverter(undefined, null)
    expect(c.name).toBe('wgs84')
    expect(c.toWgs84(104.06, 30.66)).toEqual([104.06, 30.66])
  })

  it('cgcs2000 is taken as WGS84 unchanged, and spec names are case-insensitive', () => {
    expect(convert('CGCS2000', null, 104.06, 30.66)).toEqual([104.06, 30.66])
    expect(convert(' WGS84 ', null, 1, 2)).toEqual([1, 2])
  })

  it('non-finite input or output → null', () => {
    expect(createCoordinateConverter('wgs84', null).toWgs84(Number.NaN, 30)).toBeNull()
    expect(createCoordinateConverter('gcj02', null).toWgs84(104, Number.POSITIVE_INFINITY)).toBeNull()
    expect(createCoordinateConverter('EPSG:4523', null).toWgs84(Number.NaN, 3393596)).toBeNull()
  })
})

describe('gcj02 and bd09 against published conversions', () => {
  // Alibaba Cloud address-purification API reference, TransferCoord example (help.aliyun.com, "coordinate system
  // conversion"): input GCJ02 120.026268,30.279164 (Hangzhou) → WGS84 120.021519,30.281543, BD09 120.032768,30.285238.
  // Its WGS84 is rounded to 6 decimals and (judging by its forward check) from a one-step inverse: ~1.5 m tolerance.
  it('Hangzhou, Alibaba Cloud example: GCJ-02 → WGS84 within 3 m', () => {
    expect(metres(convert('gcj02', null, 120.026268, 30.279164), [120.021519, 30.281543])).toBeLessThan(3)
  })

  it('Hangzhou, Alibaba Cloud example: BD-09 → WGS84 within 3 m, and within 0.5 m of the GCJ-02 route', () => {
    const viaBd = convert('bd09', null, 120.032768, 30.285238)
    expect(metres(viaBd, [120.021519, 30.281543])).toBeLessThan(3)
    expect(metres(viaBd, convert('gcj02', null, 120.026268, 30.279164))).toBeLessThan(0.5)
  })

  // A Chinese map vendor's offset-service manual (map.yiweihang.com, SE_SH "位置偏移服务" examples): WGS84
  // 116.36657,39.95094 → 116.372789,39.952320 and 115.21657,38.95032 → 115.222782,38.951179 (6 decimals).
  it('Beijing area, vendor offset service examples: GCJ-02 → WGS84 within 0.5 m', () => {
    expect(metres(convert('gcj02', null, 116.372789, 39.95232), [116.36657, 39.95094])).toBeLessThan(0.5)
    expect(metres(convert('gcj02', null, 115.222782, 38.951179), [115.21657, 38.95032])).toBeLessThan(0.5)
  })

  it('the GCJ-02 offset in Chengdu is hundreds of metres (why the conversion matters)', () => {
    const shift = metres(convert('gcj02', null, ...TIANFU), TIANFU)
    expect(shift).toBeGreaterThan(200)
    expect(shift).toBeLessThan(700)
  })
})

describe('EPSG Gauss–Krüger zones against Krüger series', () => {
  const cgcsZone35 = { ...GRS80, lon0: 105, k0: 1, x0: 35_500_000 }

  it('EPSG:4523 (CGCS2000 3° zone 35, CM 105°E, zone in the false easting)', () => {
    const [e, n] = kruegerForward(...TIANFU, cgcsZone35)
    expect(e).toBeGreaterThan(35_400_000) // the zone prefix is in the easting
    const back = convert('EPSG:4523', null, e, n)
    expect(metres(back, TIANFU)).toBeLessThan(0.001)
  })

  it('EPSG:4544 (CM 105°E without the zone number) is the same zone minus 35 000 000 m', () => {
    const [e, n] = kruegerForward(...TIANFU, { ...cgcsZone35, x0: 500_000 })
    expect(metres(convert('epsg:4544', null, e, n), TIANFU)).toBeLessThan(0.001)
  })

  it('EPSG:4545 (CGCS2000 3° CM 108°E), Bell Tower of Xi’an', () => {
    const bellTower: LngLat = [108.9427, 34.2610]
    const [e, n] = kruegerForward(...bellTower, { ...GRS80, lon0: 108, k0: 1, x0: 500_000 })
    expect(metres(convert('EPSG:4545', null, e, n), bellTower)).toBeLessThan(0.001)
  })

  it('EPSG:4496 (CGCS2000 6° zone 18, CM 105°E)', () => {
    const [e, n] = kruegerForward(...TIANFU, { ...GRS80, lon0: 105, k0: 1, x0: 18_500_000 })
    expect(metres(convert('EPSG:4496', null, e, n), TIANFU)).toBeLessThan(0.001)
  })

  it('EPSG:32648 (WGS 84 / UTM 48N: CM 105°E, k0 0.9996)', () => {
    const [e, n] = kruegerForward(...TIANFU, { ...WGS84, lon0: 105, k0: 0.9996, x0: 500_000 })
    expect(metres(convert('EPSG:32648', null, e, n), TIANFU)).toBeLessThan(0.001)
  })

  it('a zone-numbered easting read with the wrong (CM) code lands far outside China, not silently nearby', () => {
    const [e, n] = kruegerForward(...TIANFU, cgcsZone35)
    const wrong = createCoordinateConverter('EPSG:4544', null).toWgs84(e, n)
    expect(wrong === null || Math.abs(wrong[0] - TIANFU[0]) > 10).toBe(true)
  })

  it('a proj4 string is accepted for systems outside the list', () => {
    const [e, n] = kruegerForward(...TIANFU, cgcsZone35)
    expect(metres(convert('+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=35500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', null, e, n), TIANFU)).toBeLessThan(0.001)
  })
})

describe('EPSG:3857 (Web Mercator)', () => {
  const R = 6378137
  const forward = ([lon, lat]: LngLat): [number, number] => [
    (R * lon * Math.PI) / 180,
    R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
  ]

  it('known values: the origin, the antimeridian and the edge of the square world', () => {
    expect(convert('EPSG:3857', null, 0, 0)).toEqual([0, 0])
    const [lon, lat] = convert('EPSG:3857', null, 20037508.342789244, 20037508.342789244)
    expect(lon).toBeCloseTo(180, 9)
    expect(lat).toBeCloseTo(85.0511287798066, 9)
  })

  it('inverts the spherical Mercator formula in Chengdu, also under its old code 900913', () => {
    const [x, y] = forward(TIANFU)
    expect(metres(convert('EPSG:3857', null, x, y), TIANFU)).toBeLessThan(0.001)
    expect(metres(convert('EPSG:900913', null, x, y), TIANFU)).toBeLessThan(0.001)
  })
})

describe('.prj (Esri WKT)', () => {
  const zone35 = esriGkPrj('CGCS2000_3_Degree_GK_Zone_35', 35_500_000, 105)
  const [e35, n35] = kruegerForward(...TIANFU, { ...GRS80, lon0: 105, k0: 1, x0: 35_500_000 })

  it('a CGCS2000 3° zone 35 .prj is recognised as EPSG:4523 and converts to the Krüger point', () => {
    const c = createCoordinateConverter(undefined, zone35)
    expect(c.name).toBe('.prj: CGCS2000_3_Degree_GK_Zone_35 (EPSG:4523)')
    expect(metres(c.toWgs84(e35, n35)!, TIANFU)).toBeLessThan(0.001)
  })

  it('proj4 reads the same WKT on its own with the right central meridian and false easting', () => {
    // A .prj whose name is not one Gridwatch recognises goes to proj4 as WKT; same numbers, so same point.
    const renamed = zone35.replace('CGCS2000_3_Degree_GK_Zone_35', 'My_City_Grid')
    const c = createCoordinateConverter(undefined, renamed)
    expect(c.name).toBe('.prj: My_City_Grid')
    expect(metres(c.toWgs84(e35, n35)!, TIANFU)).toBeLessThan(0.001)
  })

  it('a CM 105E .prj (no zone number) reads eastings without the 35 prefix', () => {
    const c = createCoordinateConverter(undefined, esriGkPrj('CGCS2000_3_Degree_GK_CM_105E', 500_000, 105))
    expect(c.name).toContain('EPSG:4544')
    expect(metres(c.toWgs84(e35 - 35_000_000, n35)!, TIANFU)).toBeLessThan(0.001)
  })

  it('when the .prj parameters contradict its name, the parameters win', () => {
    const edited = esriGkPrj('CGCS2000_3_Degree_GK_Zone_35', 500_000, 105) // name says zone 35, easting says CM only
    const c = createCoordinateConverter(undefined, edited)
    expect(c.name).not.toContain('EPSG')
    expect(metres(c.toWgs84(e35 - 35_000_000, n35)!, TIANFU)).toBeLessThan(0.001)
  })

  it('a Beijing 1954 .prj gets EPSG’s datum shift, which Esri WKT lacks (tens of metres)', () => {
    const prj = esriGkPrj('Beijing_1954_3_Degree_GK_CM_105E', 500_000, 105)
      .replace('GCS_China_Geodetic_Coordinate_System_2000', 'GCS_Beijing_1954')
      .replace('DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]', 'DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]]')
    const c = createCoordinateConverter(undefined, prj)
    expect(c.name).toContain('EPSG:2432') // Beijing 1954 / 3-degree Gauss-Kruger CM 105E
    const plain = createCoordinateConverter(undefined, prj.replace('Beijing_1954_3_Degree_GK_CM_105E', 'Unrecognised'))
    const [e, n] = [410_000, 3_393_000]
    const shift = metres(c.toWgs84(e, n)!, plain.toWgs84(e, n)!)
    expect(shift).toBeGreaterThan(20)
    expect(shift).toBeLessThan(300)
  })

  it('a geographic CGCS2000 .prj is the identity', () => {
    const prj = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
    expect(convert(undefined, prj, 104.06, 30.66)).toEqual([104.06, 30.66])
  })

  it('spec wins over the .prj, and says so', () => {
    const c = createCoordinateConverter('wgs84', zone35)
    expect(c.toWgs84(104.06, 30.66)).toEqual([104.06, 30.66])
    expect(c.note).toContain('CGCS2000_3_Degree_GK_Zone_35')
    expect(c.note).toContain('--crs wgs84')
    expect(createCoordinateConverter('EPSG:4523', null).note).toBeUndefined()
  })

  it('an unreadable .prj is a CrsError', () => {
    expect(() => createCoordinateConverter(undefined, 'NOT A PRJ')).toThrow(CrsError)
    expect(() => createCoordinateConverter(undefined, 'PROJCS["Broken",GEOGCS[')).toThrow(CrsError)
  })
})

describe('unknown specs', () => {
  it('name the value and list what is accepted', () => {
    expect(() => createCoordinateConverter('gcj-2', null)).toThrow(CrsError)
    try {
      createCoordinateConverter('gcj-2', null)
    } catch (e) {
      const message = (e as Error).message
      expect(message).toContain('"gcj-2"')
      for (const accepted of ['wgs84', 'cgcs2000', 'gcj02', 'bd09', 'EPSG:']) expect(message).toContain(accepted)
    }
  })

  it('an EPSG code outside the known families says which codes are known', () => {
    expect(() => createCoordinateConverter('EPSG:2154', null)).toThrow(/EPSG:2154 is not .*4491–4554/)
  })

  it('an empty spec is an error, not a silent default', () => {
    expect(() => createCoordinateConverter('  ', null)).toThrow(CrsError)
  })
})
