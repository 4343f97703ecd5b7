// Which data layers are shown; all start on, so the first view shows everything the district has.
import { useState } from 'react'

export const LAYER_KEYS = ['streets', 'lamps', 'incidents', 'density', 'zones', 'intersections'] as const
export type LayerKey = (typeof LAYER_KEYS)[number]
export type LayerVisibility = Record<LayerKey, boolean>

const DEFAULT_VISIBILITY: LayerVisibility = {
  streets: true,
  lamps: true,
  incidents: true,
  density: true,
  zones: true,
  intersections: true,
}

export function useLayerVisibility(): [LayerVisibility, (key: LayerKey, visible: boolean) => void] {
  const [visibility, setVisibility] = useState(DEFAULT_VISIBILITY)
  const setLayerVisible = (key: LayerKey, visible: boolean) => setVisibility((v) => ({ ...v, [key]: visible }))
  return [visibility, setLayerVisible]
}
