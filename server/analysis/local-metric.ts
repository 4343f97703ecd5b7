// A local metric frame for short distances: the equirectangular projection around a reference latitude.
//
//   x = (lng − lng₀) · cos φ₀ · R · π/180,   y = (lat − lat₀) · R · π/180      (metres)
//
// Error bound. On the sphere a short displacement has length² = R²(Δφ² + cos²φ · Δλ²), with φ the latitude where
// it happens; the frame uses cos φ₀ instead. For points within D metres (north–south) of φ₀ the east–west scale is
// off by |cos φ / cos φ₀ − 1| ≈ tan|φ₀| · D / R, and the sphere's curvature adds only O((d/R)²) for a distance d.
// So distances in the frame are within a relative tan|φ₀| · D / R of the haversine distance (what turf.distance
// computes). Dark-zone analysis centres a frame on each street segment, so D ≤ half the segment plus the coverage
// radius: for a 120 m segment and an 18 m radius D ≤ 78 m, i.e. 7·10⁻⁶ (0.0007 %) at Chengdu's 30.7° N and
// 3·10⁻⁵ (0.003 %) at 69° N. The bound stays below 0.1 % while D < 6.4 km / tan|φ₀| (a 12 km segment at 30° N,
// a 2.4 km one at 69° N). Lines are straight in [lng, lat] (as GeoJSON viewers and turf's planar functions draw
// them), and the frame maps those straight lines to straight lines, so a position t along a projected segment is
// the same t along the [lng, lat] segment.

/** 6371008.8 m: mean Earth radius, the value turf uses, so server and map distances agree. */
export const EARTH_RADIUS_M = 6371008.8

/** Metres per degree of latitude on that sphere (and per degree of longitude at the equator): R · π / 180 ≈ 111,195 m. */
export const METERS_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180

const RADIANS_PER_DEGREE = Math.PI / 180

/** Metres per degree of longitude at latitude `latDeg` (degrees); ≈ 0 at the poles. */
export function computeMetersPerDegreeLng(latDeg: number): number {
  return METERS_PER_DEGREE * Math.cos(latDeg * RADIANS_PER_DEGREE)
}
