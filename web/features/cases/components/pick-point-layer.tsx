// Picking the spot of a new case on the map (new-case-form.tsx): while `picking`, the cursor is a crosshair, the
// next click on the map hands its position up, and Esc gives up; the picked point is drawn as a ringed dot.
import type { FeatureCollection, Point } from 'geojson'
import type { MapMouseEvent } from 'maplibre-gl'
import { useEffect, useMemo, useRef } from 'react'
import { useMapHandle } from '../../../map/map-context.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import type { MapLayerSpec } from '../../../map/use-map-layer.ts'
import { CASE_COLORS } from './case-style.ts'

export const PICKED_POINT_SOURCE = 'cases-picked-point'

const pickedPointLayer: MapLayerSpec = {
  id: 'cases-picked-point',
  type: 'circle',
  source: PICKED_POINT_SOURCE,
  paint: {
    'circle-color': '#ffffff',
    'circle-radius': 7,
    'circle-stroke-color': CASE_COLORS.selected,
    'circle-stroke-width': 3,
  },
}

/** The picked point as a one-feature collection; none gives an empty one (the source stays 'success' either way). */
export function toPickedFeatures(point: readonly [number, number] | undefined): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: point ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [point[0], point[1]] }, properties: {} }] : [],
  }
}

export interface PickPointLayerProps {
  picking: boolean
  point: readonly [number, number] | undefined
  onPick: (point: [number, number]) => void
  onCancel: () => void
}

export function PickPointLayer({ picking, point, onPick, onCancel }: PickPointLayerProps) {
  const data = useMemo(() => toPickedFeatures(point), [point])
  useGeoJsonSource(PICKED_POINT_SOURCE, { data, status: 'success' })
  useMapLayer(pickedPointLayer)
  usePicking(picking, onPick, onCancel)
  return null
}

function usePicking(picking: boolean, onPick: PickPointLayerProps['onPick'], onCancel: () => void) {
  const latest = useRef({ onPick, onCancel })
  useEffect(() => {
    latest.current = { onPick, onCancel }
  })
  const handle = useMapHandle()

  useEffect(() => {
    if (!picking) return
    const { map } = handle
    const canvas = map.getCanvas()
    const crosshair = () => {
      canvas.style.cursor = 'crosshair'
    }
    // one shot: the first click sets the point (the parent then ends picking, which removes the listeners)
    const onClick = (event: MapMouseEvent) => {
      map.off('click', onClick)
      latest.current.onPick([event.lngLat.lng, event.lngLat.lat])
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') latest.current.onCancel()
    }
    crosshair()
    // the map's own hover sets a pointer over clickable features on every move; this runs after it
    map.on('mousemove', crosshair)
    map.on('click', onClick)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      if (!handle.isAlive()) return
      map.off('mousemove', crosshair)
      map.off('click', onClick)
      canvas.style.cursor = ''
    }
  }, [handle, picking])
}
