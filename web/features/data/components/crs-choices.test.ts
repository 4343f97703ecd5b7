import { describe, expect, test } from 'vitest'
import { listCrsChoices, readEpsgCodes, readPrjName } from './crs-choices.ts'

const GK_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_CM_105E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],AUTHORITY["EPSG","4490"]],PROJECTION["Gauss_Kruger"],AUTHORITY["EPSG","4543"]]'

describe('listCrsChoices', () => {
  test('offers the four lon/lat systems, WGS84 first, for a file without its own', () => {
    expect(listCrsChoices(null)).toEqual(['wgs84', 'cgcs2000', 'gcj02', 'bd09'])
  })

  test('puts the file’s own system first, then the EPSG code its .prj names', () => {
    expect(listCrsChoices(GK_PRJ)).toEqual(['', 'wgs84', 'cgcs2000', 'gcj02', 'bd09', 'EPSG:4543'])
    expect(listCrsChoices('EPSG:4547')).toEqual(['', 'wgs84', 'cgcs2000', 'gcj02', 'bd09', 'EPSG:4547'])
  })
})

describe('readEpsgCodes', () => {
  test('takes the whole system’s code from a WKT, not its base system’s', () => {
    expect(readEpsgCodes(GK_PRJ)).toEqual(['EPSG:4543'])
  })

  test('finds none in an Esri .prj without authorities, or in no .prj', () => {
    expect(readEpsgCodes('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]')).toEqual([])
    expect(readEpsgCodes(null)).toEqual([])
  })
})

describe('readPrjName', () => {
  test('reads the name a WKT gives itself, and keeps a short declaration whole', () => {
    expect(readPrjName(GK_PRJ)).toBe('CGCS2000_3_Degree_GK_CM_105E')
    expect(readPrjName('EPSG:4547')).toBe('EPSG:4547')
  })
})
