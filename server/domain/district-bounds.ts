// Whether a point lies in the district, with a margin: reports are for this bureau's streets, and a point far
// outside (a default 0,0, a swapped lon/lat, another city) would be routed to nobody and skew every map.
import type { BBox, LngLat } from '../kernel/geo.ts'

const METERS_PER_DEGREE_LAT = 111_320
// Points up to a kilometre beyond the district's outer box are taken (a citizen on the boundary road, GPS drift);
// farther out they belong to another bureau.
export const DISTRICT_MARGIN_M = 1000

/** True when `p` is inside `bounds` grown by `marginMeters` on every side (a citizen at the edge still reports). */
export function insideDistrict(bounds: BBox, p: LngLat, marginMeters = DISTRICT_MARGIN_M): boolean {
  const [west, south, east, north] = bounds
  const dLat = marginMeters / METERS_PER_DEGREE_LAT
  const midLat = ((south + north) / 2) * (Math.PI / 180)
  const dLon = marginMeters / (METERS_PER_DEGREE_LAT * Math.max(Math.cos(midLat), 1e-6))
  return p[0] >= west - dLon && p[0] <= east + dLon && p[1] >= south - dLat && p[1] <= north + dLat
}
