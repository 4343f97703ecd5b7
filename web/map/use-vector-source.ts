// Hands vector tiles to the map: adds a tiled source (shared by every layer component that draws from it), points
// it at new tile URLs when its filters change, and has the map fetch the tiles in view again when the data behind
// them changed. The counterpart of useGeoJsonSource for the layers too large to send whole (server/routes/tiles.ts).
import { VectorTileSource } from 'maplibre-gl'
import type { Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl'
import { useEffect, useRef } from 'react'
import { useMapHandle } from './map-context.ts'
import type { MapHandle } from './map-context.ts'
import { FEATURE_ID_PROPERTY } from './offline-style.ts'

export interface VectorSourceInput {
  /** Tile URL templates (see buildTileUrl); new ones re-point the source, and the layers drawing from it stay. */
  tiles: readonly string[]
  /**
   * Changes whenever the data behind the tiles may have changed (a write, a sign-in); undefined until first known.
   * The tiles in view are then fetched again: each answers 304 to the ETag the browser holds unless it changed.
   */
  revision: number | undefined
  /** Read once, when the source is added: closer in, the map cuts its tiles from this zoom's (overzoom). */
  maxzoom: number
}

interface SharedSource {
  /** Layer components drawing from the source: the last to go removes it. */
  users: number
  /** The revision the tiles on the map were fetched at. */
  revision: number | undefined
  watch: ReturnType<typeof watchTiles>
}

// Per map, so a remounted map (StrictMode, an error-boundary retry) starts with none.
const sharedSources = new WeakMap<MapLibreMap, Map<string, SharedSource>>()

function sharedSourcesOf(map: MapLibreMap): Map<string, SharedSource> {
  let sources = sharedSources.get(map)
  if (!sources) {
    sources = new Map()
    sharedSources.set(map, sources)
  }
  return sources
}

interface TileId {
  x: number
  y: number
  z: number
}

/** The canonical x/y/z of the tile a map event is about, when it names one. */
function readTileId(event: object): TileId | undefined {
  const tile: unknown = 'tile' in event ? event.tile : undefined
  const tileID: unknown = typeof tile === 'object' && tile !== null && 'tileID' in tile ? tile.tileID : undefined
  const canonical: unknown = typeof tileID === 'object' && tileID !== null && 'canonical' in tileID ? tileID.canonical : undefined
  if (typeof canonical !== 'object' || canonical === null || !('x' in canonical && 'y' in canonical && 'z' in canonical)) return undefined
  const { x, y, z } = canonical
  return typeof x === 'number' && typeof y === 'number' && typeof z === 'number' ? { x, y, z } : undefined
}

/**
 * Watches the source's tiles: tells the map view how it is doing, for `data-map-ready` and `data-map-errors` (a tile
 * that fails, a 401 after signing out or a 5xx, marks it failed until a tile of it loads again), and returns how to
 * fetch the tiles in view again or from new URLs.
 */
function watchTiles(handle: MapHandle, sourceId: string): { refresh: () => void; repoint: (tiles: string[]) => void; detach: () => void } {
  const { map } = handle
  // Failed tiles by z/x/y. Since maplibre-gl-js#7911 a reload marks a failed tile 'loading', and a vector source then
  // waits for a load that was never started: the tile stays blank for good (seen with 6.17). Asked for by id first
  // (refreshTiles with ids marks them 'expired'), they are fetched anew.
  const failed = new Map<string, TileId>()
  handle.setSourceStatus(sourceId, 'success')
  const onError = (event: object) => {
    if (!('sourceId' in event) || event.sourceId !== sourceId) return
    const tile = readTileId(event)
    if (tile) failed.set(`${tile.z}/${tile.x}/${tile.y}`, tile)
    handle.setSourceStatus(sourceId, 'error')
  }
  const onSourceData = (event: MapSourceDataEvent) => {
    if (event.sourceId !== sourceId) return
    const tile = readTileId(event)
    if (!tile) return
    failed.delete(`${tile.z}/${tile.x}/${tile.y}`)
    handle.setSourceStatus(sourceId, 'success')
  }
  map.on('error', onError)
  map.on('sourcedata', onSourceData)
  const retryFailed = () => {
    if (failed.size > 0) map.refreshTiles(sourceId, [...failed.values()])
  }
  return {
    refresh: () => {
      if (!map.getSource(sourceId)) return
      retryFailed()
      // every tile in view, and the tiles kept for panning back are dropped
      map.refreshTiles(sourceId)
    },
    repoint: (tiles: string[]) => {
      const source = map.getSource(sourceId)
      // serialize(), not .tiles: the latter is only set once the source has loaded
      if (!(source instanceof VectorTileSource) || JSON.stringify(source.serialize().tiles) === JSON.stringify(tiles)) return
      retryFailed()
      source.setTiles(tiles)
    },
    detach: () => {
      map.off('error', onError)
      map.off('sourcedata', onSourceData)
    },
  }
}

export function useVectorSource(sourceId: string, { tiles, revision, maxzoom }: VectorSourceInput): void {
  const handle = useMapHandle()
  const initial = useRef({ tiles, revision, maxzoom })

  useEffect(() => {
    const { map } = handle
    const sources = sharedSourcesOf(map)
    let shared = sources.get(sourceId)
    if (!shared) {
      const { tiles: firstTiles, revision: firstRevision, maxzoom: sourceMaxzoom } = initial.current
      // promoteId: a clicked feature carries its string id ('L000123'); MapLibre keeps only numeric tile ids
      map.addSource(sourceId, { type: 'vector', tiles: [...firstTiles], maxzoom: sourceMaxzoom, promoteId: FEATURE_ID_PROPERTY })
      shared = { users: 0, revision: firstRevision, watch: watchTiles(handle, sourceId) }
      sources.set(sourceId, shared)
    }
    shared.users += 1
    const mine = shared
    return () => {
      mine.users -= 1
      if (mine.users > 0) return
      sources.delete(sourceId)
      mine.watch.detach()
      handle.setSourceStatus(sourceId, undefined)
      if (!handle.isAlive()) return
      // a source cannot be removed while layers draw from it; those layers' own clean-up then finds nothing to do
      for (const layer of map.getStyle().layers) {
        if ('source' in layer && layer.source === sourceId) map.removeLayer(layer.id)
      }
      map.removeSource(sourceId)
    }
  }, [handle, sourceId])

  const latestTiles = useRef(tiles)
  useEffect(() => {
    latestTiles.current = tiles
  })
  // URLs are rebuilt on every render: compare them by value, and re-point the source only when they really changed
  const tilesKey = JSON.stringify(tiles)
  useEffect(() => {
    sharedSourcesOf(handle.map).get(sourceId)?.watch.repoint([...latestTiles.current])
  }, [handle, sourceId, tilesKey])

  useEffect(() => {
    const shared = sharedSourcesOf(handle.map).get(sourceId)
    if (!shared || revision === undefined || shared.revision === revision) return
    const first = shared.revision === undefined
    shared.revision = revision
    // the first revision only says what the tiles being loaded already are
    if (!first) shared.watch.refresh()
  }, [handle, sourceId, revision])
}
