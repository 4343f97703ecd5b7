// What dark-zone analysis returns, and how the segment results become it: per street its lighting figures and dark
// lines, per zone and overall the summed lengths. Shared by computeDarkZones and the incremental engine, so both
// describe the same numbers the same way.
//
// Typed-array reads below use `!`: every index is bounded by the arrays' construction, and
// noUncheckedIndexedAccess cannot see that.

import type { LngLat } from '../kernel/geo.ts'
import type { CoverageRadiusTable } from './coverage-radius.ts'
import { MICROMETERS_PER_METER, type DarkZoneStreet, type StreetModel } from './dark-zone-inputs.ts'
import { traceDarkPieces } from './dark-zone-pieces.ts'
import type { DarkIntervalStore } from './dark-zones-kernel.ts'

/** One dark stretch of a street: a connected piece of its centreline that no working lamp covers. */
export interface DarkLine {
  streetId: string
  name: string | null
  highway: string
  zoneId: string | null
  coordinates: LngLat[]
  lengthM: number
}

export interface StreetLighting {
  streetId: string
  highway: string
  radiusM: number // coverage radius used for this street
  lengthM: number
  darkLengthM: number
  litShare: number // 0..1; 1 for a zero-length street
}

export interface ZoneLighting {
  zoneId: string | null // null collects streets outside every zone
  lengthM: number
  darkLengthM: number
  litShare: number
}

export interface LightingTotals {
  totalLengthM: number
  darkLengthM: number
  litShare: number
}

export interface DarkZoneResult {
  radiusTable: CoverageRadiusTable // the table actually used
  darkLines: DarkLine[] // by street in input order, then along the street
  streets: StreetLighting[] // one per input street, in input order
  zones: ZoneLighting[] // sorted by zoneId, null last
  totals: LightingTotals
}

export const computeLitShare = (lengthUm: number, darkUm: number): number => (lengthUm === 0 ? 1 : (lengthUm - darkUm) / lengthUm)
export const toMeters = (um: number): number => um / MICROMETERS_PER_METER

/** The street fields copied out of the input, so later changes to the caller's objects cannot leak into results. */
export interface StreetLabels {
  ids: string[]
  names: (string | null)[]
  highways: string[]
  zoneIds: (string | null)[]
  zoneOf: Uint32Array // per street, index into zoneKeys
  zoneKeys: (string | null)[] // sorted, null last
}

export function readStreetLabels(streets: readonly DarkZoneStreet[]): StreetLabels {
  const n = streets.length
  const ids = new Array<string>(n)
  const names = new Array<string | null>(n)
  const highways = new Array<string>(n)
  const zoneIds = new Array<string | null>(n)
  const seen = new Set<string>()
  const zoneSet = new Set<string | null>()
  for (let s = 0; s < n; s++) {
    const street = streets[s]!
    if (seen.has(street.id)) throw new Error(`duplicate street id ${street.id}: each street must appear once`)
    seen.add(street.id)
    ids[s] = street.id
    names[s] = street.name
    highways[s] = street.highway
    zoneIds[s] = street.zoneId
    zoneSet.add(street.zoneId)
  }
  const zoneKeys = [...zoneSet].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
  const zoneIndex = new Map(zoneKeys.map((z, i) => [z, i]))
  const zoneOf = new Uint32Array(n)
  for (let s = 0; s < n; s++) zoneOf[s] = zoneIndex.get(zoneIds[s]!)!
  return { ids, names, highways, zoneIds, zoneOf, zoneKeys }
}

export function describeStreet(model: StreetModel, labels: StreetLabels, s: number, darkUm: number): StreetLighting {
  const lengthUm = model.streetLengthUm[s]!
  return {
    streetId: labels.ids[s]!,
    highway: labels.highways[s]!,
    radiusM: model.streetRadiusM[s]!,
    lengthM: toMeters(lengthUm),
    darkLengthM: toMeters(darkUm),
    litShare: computeLitShare(lengthUm, darkUm),
  }
}

export function traceDarkLines(model: StreetModel, store: DarkIntervalStore, labels: StreetLabels, s: number, out: DarkLine[]): void {
  const streetId = labels.ids[s]!
  const name = labels.names[s]!
  const highway = labels.highways[s]!
  const zoneId = labels.zoneIds[s]!
  traceDarkPieces(model, store, s, (coordinates, lengthUm) => {
    out.push({ streetId, name, highway, zoneId, coordinates, lengthM: toMeters(lengthUm) })
  })
}

export function summarizeZones(labels: StreetLabels, model: StreetModel, streetDarkUm: Float64Array): ZoneLighting[] {
  const lengthUm = new Float64Array(labels.zoneKeys.length)
  const darkUm = new Float64Array(labels.zoneKeys.length)
  for (let s = 0; s < model.streetCount; s++) {
    const z = labels.zoneOf[s]!
    lengthUm[z] = lengthUm[z]! + model.streetLengthUm[s]!
    darkUm[z] = darkUm[z]! + streetDarkUm[s]!
  }
  return labels.zoneKeys.map((zoneId, z) => ({
    zoneId,
    lengthM: toMeters(lengthUm[z]!),
    darkLengthM: toMeters(darkUm[z]!),
    litShare: computeLitShare(lengthUm[z]!, darkUm[z]!),
  }))
}

export function summarizeTotals(model: StreetModel, streetDarkUm: Float64Array): LightingTotals {
  let lengthUm = 0
  let darkUm = 0
  for (let s = 0; s < model.streetCount; s++) {
    lengthUm += model.streetLengthUm[s]!
    darkUm += streetDarkUm[s]!
  }
  return { totalLengthM: toMeters(lengthUm), darkLengthM: toMeters(darkUm), litShare: computeLitShare(lengthUm, darkUm) }
}
