// Coordinates and boxes as every part of Gridwatch exchanges them: WGS84 degrees, [lng, lat] (RFC 7946 order).

export type LngLat = [number, number]
/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number]

/** Whether a point lies inside (or on the edge of) a box. */
export function bboxContains([west, south, east, north]: BBox, [lng, lat]: LngLat): boolean {
  return lng >= west && lng <= east && lat >= south && lat <= north
}

/** Whether two boxes share any point. */
export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}
