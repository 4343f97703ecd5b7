// The report page's small map: the staff app's offline basemap (no tiles, no glyphs, nothing from outside), a tap
// to choose the place, and the open cases offered as the same problem. Its own MapLibre instance: this page has
// no layers, popups or URL hash to share with web/map/map-view.tsx.
import { lineString, point, pointToLineDistance } from '@turf/turf'
import type { Feature, FeatureCollection, Point } from 'geojson'
import * as maplibregl from 'maplibre-gl'
import type { GeoJSONSourceSpecification, PointLike } from 'maplibre-gl'
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useRef, useState } from 'react'
import { useBuildings } from '../../features/basemap/api/get-buildings.ts'
import { useWater } from '../../features/basemap/api/get-water.ts'
import { useStreets } from '../../features/streets/api/get-streets.ts'
import { BASEMAP_LABEL_LAYERS, BASEMAP_SOURCES, EMPTY_COLLECTION, IDEOGRAPH_FONT_FAMILY, createOfflineStyle, localizedName } from '../../map/offline-style.ts'
import { useReportI18n } from '../i18n.ts'
import type { Locale, ReportI18n } from '../i18n.ts'
import type { BBox } from '../lib/locate-user.ts'
import type { PickedLocation } from './location-field.tsx'

// maplibre-gl 6 ships its worker as a separate module and has no default to fall back on: without this the map never loads
maplibregl.setWorkerUrl(workerUrl)

const PICKED_SOURCE = 'report-picked'
const SIMILAR_SOURCE = 'report-similar'

// A tap below this zoom also zooms in on the tapped place, so a second tap can put the point on the right building
const PICK_ZOOM = 16
// Where "use my location" shows the phone: about two blocks across on a 375 px wide screen
const LOCATED_ZOOM = 17
// A street counts as "near" the chosen point within this distance, in metres: about the width of a main road and its pavements
const NEAR_STREET_METERS = 50
// Half-size of the square searched for streets around the point, in CSS pixels (≈ 100 m at zoom 16 in Chengdu)
const NEAR_STREET_SEARCH_PX = 48

const PICK_COLOR = '#d93025'
const SIMILAR_COLOR = '#e8871e'

export interface LocationMapProps {
  bounds: BBox
  maxBounds: BBox
  picked: PickedLocation | null
  similar: ReadonlyArray<readonly [number, number]>
  onPick: (coordinates: [number, number]) => void
  /** The nearest named street to a chosen point, or null when none is near; called once the map shows the point. */
  onNearStreet: (at: readonly [number, number], street: string | null) => void
}

function pointCollection(points: ReadonlyArray<readonly [number, number]>): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: points.map(([lng, lat]): Feature<Point> => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lng, lat] } })),
  }
}

function setSourceData(map: maplibregl.Map, sourceId: string, data: GeoJSONSourceSpecification['data']): void {
  const source = map.getSource(sourceId)
  if (source instanceof maplibregl.GeoJSONSource) void source.setData(data)
}

/** The UI strings MapLibre draws itself (canvas label, zoom buttons) in the page's language. */
function mapUiStrings(t: ReportI18n['t']): Record<string, string> {
  return {
    'Map.Title': t('map.label'),
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
  }
}

/** The name of the closest drawn street within NEAR_STREET_METERS of `at`, in `locale`; null when there is none. */
function findNearStreet(map: maplibregl.Map, at: readonly [number, number], locale: Locale): string | null {
  const { x, y } = map.project([at[0], at[1]])
  const box: [PointLike, PointLike] = [
    [x - NEAR_STREET_SEARCH_PX, y - NEAR_STREET_SEARCH_PX],
    [x + NEAR_STREET_SEARCH_PX, y + NEAR_STREET_SEARCH_PX],
  ]
  const here = point([at[0], at[1]])
  let best: { name: string; meters: number } | null = null
  for (const feature of map.queryRenderedFeatures(box, { layers: ['base-streets'] })) {
    const { name, name_en: nameEn } = feature.properties
    const label = locale === 'en' ? (nameEn ?? name) : (name ?? nameEn)
    if (typeof label !== 'string' || label === '') continue
    // a street drawn across tile edges comes back in pieces
    const lines = feature.geometry.type === 'LineString' ? [feature.geometry.coordinates] : feature.geometry.type === 'MultiLineString' ? feature.geometry.coordinates : []
    for (const coordinates of lines) {
      if (coordinates.length < 2) continue
      const meters = pointToLineDistance(here, lineString(coordinates), { units: 'meters' })
      if (meters <= NEAR_STREET_METERS && (!best || meters < best.meters)) best = { name: label, meters }
    }
  }
  return best?.name ?? null
}

export default function LocationMap({ bounds, maxBounds, picked, similar, onPick, onNearStreet }: LocationMapProps) {
  const i18n = useReportI18n()
  const { t, locale } = i18n
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<maplibregl.Map | null>(null)
  const [initError, setInitError] = useState<string>()
  // the map's listeners are attached once; they call whatever the latest props say
  const handlers = useRef({ onPick, onNearStreet })
  const initial = useRef({ bounds, maxBounds, locale, t })
  const water = useWater()
  const buildings = useBuildings()
  const streets = useStreets()

  useEffect(() => {
    handlers.current = { onPick, onNearStreet }
  }, [onPick, onNearStreet])

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const start = initial.current
    let created: maplibregl.Map
    try {
      created = new maplibregl.Map({
        container,
        style: createOfflineStyle(start.locale),
        bounds: start.bounds,
        fitBoundsOptions: { padding: 8 },
        maxBounds: start.maxBounds,
        minZoom: 10,
        maxZoom: 19,
        // a north-up map: rotating it by accident with two fingers only confuses where the point is
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        // credited in a line of our own (below): MapLibre's compact control opens over a third of a phone-sized map
        attributionControl: false,
        localIdeographFontFamily: IDEOGRAPH_FONT_FAMILY,
        locale: mapUiStrings(start.t),
      })
    } catch (error) {
      setInitError(error instanceof Error ? error.message : String(error))
      return
    }
    created.touchZoomRotate.disableRotation()
    created.keyboard.disableRotation()
    created.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')

    created.on('load', () => {
      created.addSource(SIMILAR_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION })
      created.addSource(PICKED_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION })
      created.addLayer({
        id: 'report-similar',
        type: 'circle',
        source: SIMILAR_SOURCE,
        paint: { 'circle-radius': 7, 'circle-color': SIMILAR_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      })
      created.addLayer({
        id: 'report-picked-halo',
        type: 'circle',
        source: PICKED_SOURCE,
        paint: { 'circle-radius': 20, 'circle-color': PICK_COLOR, 'circle-opacity': 0.18 },
      })
      created.addLayer({
        id: 'report-picked',
        type: 'circle',
        source: PICKED_SOURCE,
        paint: { 'circle-radius': 8, 'circle-color': PICK_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
      })
      setMap(created)
    })
    created.on('click', (event) => {
      handlers.current.onPick([event.lngLat.lng, event.lngLat.lat])
      if (created.getZoom() < PICK_ZOOM - 0.5) created.easeTo({ center: event.lngLat, zoom: PICK_ZOOM })
    })
    created.on('error', (event) => console.warn('[gridwatch] report map error:', event.error))

    return () => {
      setMap(null)
      delete document.body.dataset.mapReady
      created.remove()
    }
  }, [])

  useEffect(() => {
    if (!map) return
    setSourceData(map, BASEMAP_SOURCES.water, water.data ?? EMPTY_COLLECTION)
    setSourceData(map, BASEMAP_SOURCES.buildings, buildings.data ?? EMPTY_COLLECTION)
    setSourceData(map, BASEMAP_SOURCES.streets, streets.data ?? EMPTY_COLLECTION)
    if (!water.data || !buildings.data || !streets.data) return
    // for end-to-end tests, as on the staff map: the basemap is drawn and a tap lands on it
    const markReady = () => {
      document.body.dataset.mapReady = 'true'
    }
    map.once('idle', markReady)
    return () => {
      map.off('idle', markReady)
    }
  }, [map, water.data, buildings.data, streets.data])

  useEffect(() => {
    if (!map) return
    for (const id of BASEMAP_LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', localizedName(locale))
    // MapLibre reads its UI strings once, at creation; relabel what a screen reader announces
    const strings = mapUiStrings(t)
    map.getCanvas().setAttribute('aria-label', strings['Map.Title'] ?? '')
    for (const [selector, key] of [
      ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
      ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
    ] as const) {
      const button = map.getContainer().querySelector(selector)
      button?.setAttribute('aria-label', strings[key] ?? '')
      button?.setAttribute('title', strings[key] ?? '')
    }
  }, [map, locale, t])

  // The district's bounds may arrive after the map was made on the fallback view: move to them then (at once, so
  // a tap lands where the user sees it), unless the user has already picked a point and is looking at it.
  const boundsKey = JSON.stringify([bounds, maxBounds])
  const shown = useRef(boundsKey)
  useEffect(() => {
    if (!map || shown.current === boundsKey) return
    shown.current = boundsKey
    map.setMaxBounds(maxBounds)
    if (!picked) map.fitBounds(bounds, { padding: 8, animate: false })
    // (bounds and maxBounds are compared by value, through boundsKey; a new pick must not re-fit the map)
  }, [map, boundsKey])

  useEffect(() => {
    if (map) setSourceData(map, SIMILAR_SOURCE, pointCollection(similar))
  }, [map, similar])

  useEffect(() => {
    if (!map) return
    setSourceData(map, PICKED_SOURCE, pointCollection(picked ? [picked.coordinates] : []))
    // a position from the phone or the search box is shown where it is (a tap is already in view)
    if (picked?.via === 'gps' || picked?.via === 'search') map.flyTo({ center: picked.coordinates, zoom: Math.max(map.getZoom(), LOCATED_ZOOM) })
  }, [map, picked])

  useEffect(() => {
    if (!map || !picked) return
    const at = picked.coordinates
    // the street is looked up among what is drawn, so wait until the map has settled on the point
    const findStreet = () => handlers.current.onNearStreet(at, findNearStreet(map, at, locale))
    if (!map.isMoving() && map.areTilesLoaded()) {
      findStreet()
      return
    }
    map.once('idle', findStreet)
    return () => {
      map.off('idle', findStreet)
    }
  }, [map, picked, locale])

  const basemapError = water.error ?? buildings.error ?? streets.error

  return (
    <div className="location-map__frame">
      <div ref={containerRef} className="location-map__canvas" />
      <p className="location-map__attribution">© OpenStreetMap contributors</p>
      {initError !== undefined ? (
        <p className="location-map__status location-map__status--error" role="alert">
          {t('map.failed', { detail: initError })}
        </p>
      ) : !map ? (
        <p className="location-map__status" role="status">
          {t('map.loading')}
        </p>
      ) : basemapError ? (
        <p className="location-map__note" role="alert">
          {t('map.basemapFailed')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              if (water.error) void water.refetch()
              if (buildings.error) void buildings.refetch()
              if (streets.error) void streets.refetch()
            }}
          >
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </div>
  )
}
