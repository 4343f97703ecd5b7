// Finding a place by name, offline, from the district's own streets and junctions: "人民南路" finds the street (all
// its OSM ways as one place), "人民南路 × 锦里" or "人民南路和锦里" the junction where both meet. Pure: built from plain
// street and intersection records, no database and no network (intranet deployments have no geocoder).
import type { BBox, LngLat } from '../kernel/geo.ts'

export interface SearchStreet {
  id: string
  name: string | null
  nameEn: string | null
  lengthM: number
  coordinates: readonly LngLat[]
}

export interface SearchIntersection {
  id: string
  coordinates: LngLat
  names: readonly string[]
  degree: number
}

export type PlaceHit =
  | { kind: 'street'; id: string; name: string; nameEn: string | null; center: LngLat; bbox: BBox; streetIds: string[]; lengthM: number }
  | { kind: 'intersection'; id: string; name: string; center: LngLat; names: string[] }

/** Separator shown between the two streets of a junction, as Chinese maps label crossings. */
export const JUNCTION_SEPARATOR = ' × '
// What people type between two street names. The symbols (× * & / + 、 ， , and a spaced x) always separate; the
// words 和 / 与 / 交 may also be part of a name (和平路, 交大路), so each place they occur is tried as the split and
// kept only where a junction of both halves exists.
const STRONG_SPLIT = /\s*[×*&/+、，,]\s*|\s+x\s+/iu
const WEAK_SEPARATORS = ['交叉口', '和', '与', '交']

const normalise = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

// exact name 0, name starting with the term 1, containing it 2; no match undefined
function matchRank(name: string | null, term: string): number | undefined {
  if (!name) return undefined
  const n = normalise(name)
  if (n === term) return 0
  if (n.startsWith(term)) return 1
  if (n.includes(term)) return 2
  return undefined
}

interface StreetPlace {
  name: string
  nameEn: string | null
  key: string
  keyEn: string
  streetIds: string[]
  lengthM: number
  bbox: BBox
  center: LngLat
}

export interface PlaceSearch {
  /** Streets (by name) or, for "A × B", the junctions of both; best first, at most `limit`. */
  search(query: string, limit: number): PlaceHit[]
}

export function createPlaceSearch(streets: readonly SearchStreet[], intersections: readonly SearchIntersection[]): PlaceSearch {
  // one place per street name: OSM cuts a street into many ways, a person means all of them
  const byName = new Map<string, StreetPlace>()
  for (const street of streets) {
    if (!street.name || street.coordinates.length === 0) continue
    const key = normalise(street.name)
    let place = byName.get(key)
    if (!place) {
      place = { name: street.name, nameEn: street.nameEn, key, keyEn: normalise(street.nameEn ?? ''), streetIds: [], lengthM: 0, bbox: [Infinity, Infinity, -Infinity, -Infinity], center: [0, 0] }
      byName.set(key, place)
    }
    place.streetIds.push(street.id)
    place.lengthM += street.lengthM
    place.nameEn ??= street.nameEn
    for (const [lon, lat] of street.coordinates) {
      place.bbox = [Math.min(place.bbox[0], lon), Math.min(place.bbox[1], lat), Math.max(place.bbox[2], lon), Math.max(place.bbox[3], lat)]
    }
  }
  for (const place of byName.values()) place.center = [(place.bbox[0] + place.bbox[2]) / 2, (place.bbox[1] + place.bbox[3]) / 2]
  const places = [...byName.values()]
  const junctions = intersections.filter((i) => i.names.length >= 2).map((i) => ({ ...i, keys: i.names.map(normalise) }))

  const streetHit = (p: StreetPlace): PlaceHit => ({ kind: 'street', id: p.streetIds[0]!, name: p.name, nameEn: p.nameEn, center: p.center, bbox: p.bbox, streetIds: p.streetIds, lengthM: Math.round(p.lengthM) })

  function searchStreets(term: string, limit: number): PlaceHit[] {
    const ranked: { place: StreetPlace; rank: number }[] = []
    for (const place of places) {
      const rank = Math.min(matchRank(place.name, term) ?? 9, matchRank(place.nameEn, term) ?? 9)
      if (rank < 9) ranked.push({ place, rank })
    }
    // the better match first, then the longer street (the main road before a lane of a similar name)
    ranked.sort((a, b) => a.rank - b.rank || b.place.lengthM - a.place.lengthM || a.place.name.localeCompare(b.place.name, 'zh-CN'))
    return ranked.slice(0, limit).map((r) => streetHit(r.place))
  }

  function searchJunctions(a: string, b: string, limit: number): PlaceHit[] {
    const ranked: { junction: (typeof junctions)[number]; rank: number }[] = []
    for (const junction of junctions) {
      // each term names a different street of the junction
      let best = 9
      junction.keys.forEach((ka, i) => {
        const ra = ka === a ? 0 : ka.startsWith(a) ? 1 : ka.includes(a) ? 2 : 9
        if (ra === 9) return
        junction.keys.forEach((kb, j) => {
          if (i === j) return
          const rb = kb === b ? 0 : kb.startsWith(b) ? 1 : kb.includes(b) ? 2 : 9
          if (rb < 9) best = Math.min(best, ra + rb)
        })
      })
      if (best < 9) ranked.push({ junction, rank: best })
    }
    ranked.sort((x, y) => x.rank - y.rank || y.junction.degree - x.junction.degree || x.junction.id.localeCompare(y.junction.id))
    // the same pair of streets may cross more than once (dual carriageways): each crossing is its own hit, but one
    // name twice in a row says nothing new, so only the best of each name set is listed
    const seen = new Set<string>()
    const hits: PlaceHit[] = []
    for (const { junction } of ranked) {
      const name = junction.names.join(JUNCTION_SEPARATOR)
      if (seen.has(name)) continue
      seen.add(name)
      hits.push({ kind: 'intersection', id: junction.id, name, center: junction.coordinates, names: [...junction.names] })
      if (hits.length >= limit) break
    }
    return hits
  }

  return {
    search(query, limit) {
      const parts = query.split(STRONG_SPLIT).map(normalise).filter(Boolean)
      if (parts.length === 0) return []
      if (parts.length >= 2) return searchJunctions(parts[0]!, parts[1]!, limit)
      const term = parts[0]!
      for (const word of WEAK_SEPARATORS) {
        for (let at = term.indexOf(word); at >= 0; at = term.indexOf(word, at + 1)) {
          const [a, b] = [term.slice(0, at), term.slice(at + word.length).replace(/(交叉口|路口)$/u, '')]
          if (!a || !b) continue
          const hits = searchJunctions(a, b, limit)
          if (hits.length > 0) return hits
        }
      }
      return searchStreets(term, limit)
    },
  }
}
