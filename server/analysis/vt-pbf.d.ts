// vt-pbf ships no types: the one function Gridwatch uses, over geojson-vt's tile shape.
declare module 'vt-pbf' {
  export interface GeoJsonVtFeature {
    type: 1 | 2 | 3 // point, line, polygon
    geometry: unknown // [[x, y], …] for points, [[[x, y], …], …] for lines and rings, in tile units
    tags: Record<string, string | number | boolean | null | undefined>
    id?: number | string
  }
  export function fromGeojsonVt(layers: Record<string, { features: readonly GeoJsonVtFeature[] }>, options?: { version?: number; extent?: number }): Uint8Array
}
