// Web Mercator tile arithmetic for the vector tiles: a tile's lon/lat box, and lon/lat to the tile's own units
// (0…EXTENT across, y down), as the Mapbox vector tile spec draws them.
import type { BBox, LngLat } from '../kernel/geo.ts'

/** Units across a tile; 4096 is the spec's usual extent and what MapLibre expects. */
export const EXTENT = 4096

const lonOf = (x: number, n: number) => (x / n) * 360 - 180
const latOf = (y: number, n: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI

/** Whether z/x/y names a tile of the world at all. */
export const isTile = (z: number, x: number, y: number): boolean => Number.isInteger(z) && z >= 0 && z <= 24 && Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z

/** The tile's lon/lat box, grown by `buffer` tile units on every side (so symbols at an edge are not cut off). */
export function tileBBox(z: number, x: number, y: number, buffer = 0): BBox {
  const n = 2 ** z
  const pad = buffer / EXTENT
  return [lonOf(x - pad, n), latOf(y + 1 + pad, n), lonOf(x + 1 + pad, n), latOf(y - pad, n)]
}

/** A lon/lat point in the tile's units (may fall outside 0…EXTENT for a point in the buffer). */
export function toTileUnits([lon, lat]: LngLat, z: number, x: number, y: number): [number, number] {
  const n = 2 ** z
  const sin = Math.sin((lat * Math.PI) / 180)
  const wx = ((lon + 180) / 360) * n
  const wy = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n
  return [Math.round((wx - x) * EXTENT), Math.round((wy - y) * EXTENT)]
}

/** The tiles of zoom `z` that cover `bbox`, as [x, y] pairs, row by row. */
export function tilesCovering([w, s, e, n]: BBox, z: number): [number, number][] {
  const size = 2 ** z
  const clamp = (v: number) => Math.min(size - 1, Math.max(0, Math.floor(v)))
  const column = (lon: number) => clamp(((lon + 180) / 360) * size)
  const row = (lat: number) => {
    const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180)
    return clamp((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size)
  }
  const out: [number, number][] = []
  for (let y = row(n); y <= row(s); y++) for (let x = column(w); x <= column(e); x++) out.push([x, y])
  return out
}
