// The one owner of the MapLibre instance: creates it on the offline style, routes clicks to the layer that was hit,
// shows that layer's popup, and tells end-to-end tests when every data source has been drawn.
import * as maplibregl from 'maplibre-gl'
import type { LngLatLike, MapGeoJSONFeature, PointLike } from 'maplibre-gl'
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import type { Locale } from '../lib/i18n.ts'
import { MapContext } from './map-context.ts'
import type { FeatureClickHandler, MapHandle, SourceStatus } from './map-context.ts'
import {
  BASEMAP_LABEL_LAYERS,
  BASE_COLORS,
  IDEOGRAPH_FONT_FAMILY,
  NIGHT_COLORS,
  applyBasemapPalette,
  createOfflineStyle,
  localizedName,
} from './offline-style.ts'

// maplibre-gl 6 ships its worker as a separate module and has no default to fall back on: without this the map never loads
maplibregl.setWorkerUrl(workerUrl)

declare global {
  interface Window {
    /** For end-to-end tests: the live map, set once it exists. */
    __gridwatch?: { map: maplibregl.Map }
  }
}

type BBox = [number, number, number, number]

/**
 * Where a panel asks the map to go: a place and a zoom, or a box to fit. Each request is a new object, so asking
 * for the same place twice (after the user panned away) flies there again.
 */
export type MapFocus = { center: [number, number]; zoom: number } | { bounds: BBox; maxZoom: number }

// Room kept around a fitted box, in CSS pixels, so the target is not drawn under the map's edge controls
const FOCUS_PADDING_PX = 60

/** Central Chengdu, used when the server cannot tell the district's bounds (empty store, /api/meta failed). */
export const FALLBACK_BOUNDS: BBox = [104.03, 30.63, 104.11, 30.69]

// How far past the district the map may pan, as a fraction of its size: nothing is drawn outside it
const PAN_MARGIN = 0.5
// How long data must be on its way before the map says so
const BUSY_DELAY_MS = 400
// Half-size of the square searched around a click, in CSS pixels, so thin lines and small dots are easy to hit
const CLICK_TOLERANCE_PX = 5

interface PopupState {
  key: string
  lngLat: LngLatLike
  content: ReactNode
}

export interface MapViewProps {
  bounds: BBox
  locale: Locale
  labels: { region: string; loading: string; updating: string; failed: (detail: string) => string }
  /** The night basemap, for the lighting views: dark land and streets under bright dark-zone lines. */
  night?: boolean
  /** The latest place a panel asked to show; the map flies there whenever this changes. */
  focus?: MapFocus | undefined
  /** Layer components; rendered once the map has loaded its style. */
  children: ReactNode
}

function expandBounds([west, south, east, north]: BBox, margin: number): BBox {
  const dx = (east - west) * margin
  const dy = (north - south) * margin
  return [west - dx, south - dy, east + dx, north + dy]
}

/** Where a popup points: at a point feature itself, else where the user clicked on the line or area. */
function anchorOf(feature: MapGeoJSONFeature, clicked: maplibregl.LngLat): LngLatLike {
  const { geometry } = feature
  if (geometry.type === 'Point' && geometry.coordinates.length >= 2) {
    const [lng = clicked.lng, lat = clicked.lat] = geometry.coordinates
    return [lng, lat]
  }
  return clicked
}

function setBodyFlag(name: 'mapReady' | 'mapErrors', value: string | undefined): void {
  if (value === undefined) delete document.body.dataset[name]
  else document.body.dataset[name] = value
}

export function MapView({ bounds, locale, labels, night = false, focus, children }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const [handle, setHandle] = useState<MapHandle | null>(null)
  const [initError, setInitError] = useState<string>()
  const [popup, setPopup] = useState<PopupState | null>(null)
  const [popupContainer] = useState(() => document.createElement('div'))
  // data on its way (a layer's query, tiles): said on the map itself, so what is drawn is not taken for current
  const [busy, setBusy] = useState(false)
  const initial = useRef({ bounds, locale })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const { bounds: startBounds, locale: startLocale } = initial.current
    let map: maplibregl.Map
    try {
      map = new maplibregl.Map({
        container,
        style: createOfflineStyle(startLocale),
        bounds: startBounds,
        fitBoundsOptions: { padding: 24 },
        maxBounds: expandBounds(startBounds, PAN_MARGIN),
        minZoom: 10,
        maxZoom: 19,
        hash: true, // the view lives in the URL (#zoom/lat/lng), so a link or reload shows the same place
        attributionControl: false,
        localIdeographFontFamily: IDEOGRAPH_FONT_FAMILY,
        // lets tests and users screenshot the canvas (toDataURL) after it was drawn
        canvasContextAttributes: { preserveDrawingBuffer: true },
      })
    } catch (error) {
      setInitError(error instanceof Error ? error.message : String(error))
      return
    }

    let alive = true
    const clickHandlers = new Map<string, FeatureClickHandler>()
    const sourceStatuses = new Map<string, SourceStatus>()
    // shown only when loading lasts (a cached tile or a quick answer would make it flicker)
    let busyTimer: ReturnType<typeof setTimeout> | undefined
    // MapLibre throws here while its style is being built or torn down: nothing is loading then, as far as we say
    const tilesLoaded = () => {
      try {
        return map.areTilesLoaded()
      } catch {
        return true
      }
    }
    const isLoading = () => alive && ([...sourceStatuses.values()].includes('pending') || !tilesLoaded())
    const refreshBusy = () => {
      const loading = isLoading()
      if (!loading) {
        clearTimeout(busyTimer)
        busyTimer = undefined
        setBusy(false)
      } else if (busyTimer === undefined) {
        busyTimer = setTimeout(() => {
          busyTimer = undefined
          if (isLoading()) setBusy(true)
        }, BUSY_DELAY_MS)
      }
    }

    const reportFailedSources = () => {
      const failed = [...sourceStatuses].filter(([, status]) => status === 'error').map(([id]) => id)
      setBodyFlag('mapErrors', failed.length > 0 ? failed.join(' ') : undefined)
    }
    const isEverySourceDrawn = () =>
      sourceStatuses.size > 0 &&
      [...sourceStatuses].every(([id, status]) => status === 'success' && map.getSource(id) && map.isSourceLoaded(id))

    const mapHandle: MapHandle = {
      map,
      isAlive: () => alive,
      setSourceStatus: (sourceId, status) => {
        if (status === undefined) sourceStatuses.delete(sourceId)
        else sourceStatuses.set(sourceId, status)
        reportFailedSources()
        refreshBusy()
      },
      setClickHandler: (layerId, handler) => {
        if (handler) clickHandlers.set(layerId, handler)
        else clickHandlers.delete(layerId)
      },
    }

    const hitTest = (point: maplibregl.Point): MapGeoJSONFeature | undefined => {
      const layers = [...clickHandlers.keys()].filter((id) => map.getLayer(id))
      if (layers.length === 0) return undefined
      // What is drawn under the pointer itself wins: in the tolerance square a crowded neighbour (a bubble beside
      // the one clicked, on a higher layer) would otherwise come first
      const exact = map.queryRenderedFeatures(point, { layers })[0]
      if (exact) return exact
      const box: [PointLike, PointLike] = [
        [point.x - CLICK_TOLERANCE_PX, point.y - CLICK_TOLERANCE_PX],
        [point.x + CLICK_TOLERANCE_PX, point.y + CLICK_TOLERANCE_PX],
      ]
      // topmost layer first, so a lamp on a street wins over the street
      return map.queryRenderedFeatures(box, { layers })[0]
    }

    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right')
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left')
    map.addControl(
      new maplibregl.AttributionControl({ compact: false, customAttribution: '© OpenStreetMap contributors' }),
      'bottom-right',
    )

    map.on('load', () => setHandle(mapHandle))
    map.on('idle', () => {
      if (isEverySourceDrawn()) setBodyFlag('mapReady', 'true')
      refreshBusy()
    })
    map.on('dataloading', refreshBusy)
    map.on('click', (event) => {
      const feature = hitTest(event.point)
      const handler = feature ? clickHandlers.get(feature.layer.id) : undefined
      if (!feature || !handler) {
        setPopup(null)
        return
      }
      const content = handler(feature, map)
      setPopup(
        content === undefined
          ? null
          : { key: `${feature.layer.id}:${String(feature.id)}`, lngLat: anchorOf(feature, event.lngLat), content },
      )
    })
    map.on('mousemove', (event) => {
      map.getCanvas().style.cursor = hitTest(event.point) ? 'pointer' : ''
    })
    map.on('error', (event) => console.warn('[gridwatch] map error:', event.error))

    window.__gridwatch = { map }
    return () => {
      alive = false
      clearTimeout(busyTimer)
      setHandle(null)
      setPopup(null)
      delete window.__gridwatch
      setBodyFlag('mapReady', undefined)
      // map.remove() also deletes the position from the URL (maplibre's Hash.remove); put it back, so a remount
      // (React StrictMode in development, an error-boundary retry) starts where the user was
      const position = window.location.hash
      map.remove()
      if (position && window.location.hash !== position) window.history.replaceState(window.history.state, '', position)
    }
  }, [])

  useEffect(() => {
    if (!handle) return
    for (const id of BASEMAP_LABEL_LAYERS) handle.map.setLayoutProperty(id, 'text-field', localizedName(locale))
  }, [handle, locale])

  useEffect(() => {
    if (handle) applyBasemapPalette(handle.map, night ? NIGHT_COLORS : BASE_COLORS)
  }, [handle, night])

  useEffect(() => {
    if (!handle || !focus) return
    if ('bounds' in focus) handle.map.fitBounds(focus.bounds, { padding: FOCUS_PADDING_PX, maxZoom: focus.maxZoom })
    else handle.map.flyTo({ center: focus.center, zoom: focus.zoom })
  }, [handle, focus])

  useEffect(() => {
    if (!popup) return
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPopup(null)
    }
    document.addEventListener('keydown', closeOnEscape)
    return () => document.removeEventListener('keydown', closeOnEscape)
  }, [popup])

  useEffect(() => {
    if (!handle || !popup) return
    const mapPopup = new maplibregl.Popup({ closeOnClick: false, maxWidth: '340px', focusAfterOpen: false })
      .setLngLat(popup.lngLat)
      .setDOMContent(popupContainer)
      .addTo(handle.map)
    // the × button: forget the popup unless a newer one has already replaced it
    mapPopup.on('close', () => setPopup((current) => (current === popup ? null : current)))
    return () => {
      mapPopup.remove()
    }
  }, [handle, popup, popupContainer])

  return (
    <section className={`map-view${night ? ' map-view--night' : ''}`} aria-label={labels.region}>
      <div ref={containerRef} className="map-canvas" />
      {initError !== undefined ? (
        <p className="map-overlay map-overlay--error" role="alert">
          {labels.failed(initError)}
        </p>
      ) : !handle ? (
        <p className="map-overlay" role="status">
          {labels.loading}
        </p>
      ) : null}
      {handle && busy && (
        <p className="map-busy" role="status">
          {labels.updating}
        </p>
      )}
      {handle && (
        <MapContext value={handle}>
          {/* layer components draw on the canvas; only a failed one's note lands here */}
          <div className="map-notes">{children}</div>
        </MapContext>
      )}
      {popup && createPortal(<div className="map-popup">{popup.content}</div>, popupContainer, popup.key)}
    </section>
  )
}
