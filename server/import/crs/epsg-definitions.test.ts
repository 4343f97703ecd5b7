// The generated EPSG definitions against the EPSG registry as the `epsg-index` package ships it (one JSON file per
// code): same proj4 parameters and same name for every code in every generated family.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { epsgCodeOfEsriGaussKrugerName, findEpsgDefinition, listKnownEpsgCodes } from './epsg-definitions.ts'

const require = createRequire(import.meta.url)

interface RegistryEntry {
  name: string
  proj4: string
}

function registry(code: number): RegistryEntry {
  return require(`epsg-index/s/${code}.json`) as RegistryEntry
}

/** proj4 parameters as a sorted set, without the markers that do not change the transformation. */
function parameters(definition: string): string[] {
  return definition
    .split(/\s+/)
    .filter((p) => p !== '' && p !== '+type=crs' && p !== '+wktext')
    .sort()
}

describe('generated EPSG definitions', () => {
  const codes = listKnownEpsgCodes()

  it('cover the families the brief names', () => {
    for (const code of [4490, 4491, 4501, 4502, 4512, 4513, 4523, 4533, 4534, 4544, 4545, 4554, 2327, 2390, 2401, 2442, 21413, 21463, 32601, 32660, 32701, 32760, 3857, 900913]) {
      expect(codes, `EPSG:${code}`).toContain(code)
    }
    expect(findEpsgDefinition(4490 + 65)).toBeUndefined() // 4555 is not a CGCS2000 GK zone
    expect(findEpsgDefinition(2154)).toBeUndefined()
  })

  it('match the registry, code by code', () => {
    let compared = 0
    for (const code of codes) {
      if (code === 4326 || code === 4490) continue // identity by design (see epsg-definitions.ts)
      if (code === 102100 || code === 102113 || code === 3785) continue // Esri codes and a retired alias, not in the registry
      const ours = findEpsgDefinition(code)!
      const theirs = registry(code)
      expect(parameters(ours.proj4), `EPSG:${code}`).toEqual(parameters(theirs.proj4))
      expect(ours.name, `EPSG:${code}`).toBe(theirs.name)
      compared++
    }
    expect(compared).toBeGreaterThan(300)
  })

  it('name 4490 as CGCS2000 and the registry agrees it is geographic GRS80', () => {
    expect(findEpsgDefinition(4490)!.name).toBe(registry(4490).name)
    expect(registry(4490).proj4).toContain('+proj=longlat +ellps=GRS80')
  })
})

describe('epsgCodeOfEsriGaussKrugerName', () => {
  it('reads the names ArcGIS writes into .prj files', () => {
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_3_Degree_GK_Zone_35')).toBe(4523)
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_3_Degree_GK_CM_105E')).toBe(4544)
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_3_Degree_GK_CM_108E')).toBe(4545)
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_GK_Zone_18')).toBe(4496)
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_GK_CM_105E')).toBe(4507)
    expect(epsgCodeOfEsriGaussKrugerName('Xian_1980_3_Degree_GK_CM_114E')).toBe(2383)
    expect(epsgCodeOfEsriGaussKrugerName('Beijing_1954_3_Degree_GK_Zone_39')).toBe(2415)
    expect(epsgCodeOfEsriGaussKrugerName('Beijing_1954_GK_Zone_18')).toBe(21418)
  })

  it('agrees with the registry names of the codes it returns', () => {
    expect(registry(4523).name).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 35')
    expect(registry(4496).name).toBe('CGCS2000 / Gauss-Kruger zone 18')
    expect(registry(2383).name).toBe('Xian 1980 / 3-degree Gauss-Kruger CM 114E')
    expect(registry(2415).name).toBe('Beijing 1954 / 3-degree Gauss-Kruger zone 39')
    expect(registry(21418).name).toBe('Beijing 1954 / Gauss-Kruger zone 18')
  })

  it('rejects zones and meridians outside the family, and other names', () => {
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_3_Degree_GK_Zone_24')).toBeUndefined()
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_3_Degree_GK_Zone_46')).toBeUndefined()
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_3_Degree_GK_CM_106E')).toBeUndefined()
    expect(epsgCodeOfEsriGaussKrugerName('CGCS2000_GK_CM_108E')).toBeUndefined() // 6° meridians are 75, 81, … 105, 111
    expect(epsgCodeOfEsriGaussKrugerName('WGS_1984_UTM_Zone_48N')).toBeUndefined()
  })
})
