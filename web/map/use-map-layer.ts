// Adds one style layer at its place in LAYER_ORDER, keeps it in step with the spec, shows or hides it, and
// registers what a click on its features does.
import type { LayerSpecification } from 'maplibre-gl'
import { useEffect, useRef } from 'react'
import { findLayerAbove } from './layer-order.ts'
import type { LayerId } from './layer-order.ts'
import { useMapHandle } from './map-context.ts'
import type { FeatureClickHandler } from './map-context.ts'

/** A style layer with one of the app's known ids (see layer-order.ts); its source must already be on the map. */
export type MapLayerSpec = Exclude<LayerSpecification, { type: 'background' }> & { id: LayerId }

export interface MapLayerOptions {
  visible?: boolean
  onClick?: FeatureClickHandler
}

export function useMapLayer(layer: MapLayerSpec, { visible = true, onClick }: MapLayerOptions = {}): void {
  const handle = useMapHandle()
  const latest = useRef({ layer, visible, onClick })
  useEffect(() => {
    latest.current = { layer, visible, onClick }
  })

  // Specs are rebuilt on every render (labels depend on the language); compare them by value and
  // re-add the layer only when something in it really changed.
  const specKey = JSON.stringify(layer)
  const layerId = layer.id
  useEffect(() => {
    const { map } = handle
    const { layer: spec, visible: isVisible } = latest.current
    if (map.getLayer(layerId)) map.removeLayer(layerId)
    map.addLayer(spec, findLayerAbove(layerId, (id) => map.getLayer(id) !== undefined))
    map.setLayoutProperty(layerId, 'visibility', isVisible ? 'visible' : 'none')
    return () => {
      if (handle.isAlive() && map.getLayer(layerId)) map.removeLayer(layerId)
    }
  }, [handle, layerId, specKey])

  useEffect(() => {
    const { map } = handle
    if (map.getLayer(layerId)) map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none')
  }, [handle, layerId, visible])

  const clickable = onClick !== undefined
  useEffect(() => {
    if (!clickable) return
    handle.setClickHandler(layerId, (feature, map) => latest.current.onClick?.(feature, map))
    return () => handle.setClickHandler(layerId, undefined)
  }, [handle, layerId, clickable])
}
