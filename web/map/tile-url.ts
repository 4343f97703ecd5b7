// Where a layer's vector tiles come from: GET /api/tiles/{layer}/{z}/{x}/{y}.mvt (server/routes/tiles.ts).

/**
 * The tile URL template of `layer` with its filters as query parameters, e.g.
 * `https://host/api/tiles/incidents/{z}/{x}/{y}.mvt?category=0118`. Absolute, because MapLibre fetches tiles from its
 * web worker, which has no page address to resolve a relative one against; same-origin, so the session cookie goes
 * along. Filters left undefined or empty are not sent: the server refuses a filter a layer does not take.
 */
export function buildTileUrl(origin: string, layer: string, filters: Readonly<Record<string, string | undefined>> = {}): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(key, value)
  const search = query.size > 0 ? `?${query.toString()}` : ''
  // the placeholders stay literal: MapLibre fills them in per tile
  return `${origin}/api/tiles/${encodeURIComponent(layer)}/{z}/{x}/{y}.mvt${search}`
}
