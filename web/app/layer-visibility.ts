// Which shared data layers are shown. Each role starts with the layers its work needs (a crew sees lamps, a
// dispatcher incidents, a planner streets and junctions), so a first look is readable rather than every dot in the
// district at once; the switches on the layers tab change that for this visit, and a sign-out starts over.
import { useState } from 'react'
import type { Role } from '../../server/kernel/permissions.ts'

export const LAYER_KEYS = ['streets', 'lamps', 'incidents', 'density', 'zones', 'intersections'] as const
export type LayerKey = (typeof LAYER_KEYS)[number]
export type LayerVisibility = Record<LayerKey, boolean>

// Decision: the layers each role starts with. Streets and zone outlines are the orientation everyone shares; the
// heatmap is nobody's default (it is easily mistaken for the statistical hotspots on the overview).
const ROLE_LAYERS: Record<Role, readonly LayerKey[]> = {
  leader: ['streets', 'zones', 'incidents'],
  planner: ['streets', 'zones', 'intersections'],
  crew: ['streets', 'zones', 'lamps'],
  dispatcher: ['streets', 'zones', 'incidents'],
  inspector: ['streets', 'zones', 'incidents'],
  unit: ['streets', 'zones', 'incidents'],
  admin: LAYER_KEYS,
}
// a visitor may see only the public layers (lamps, incidents and density need a sign-in)
const VISITOR_LAYERS: readonly LayerKey[] = ['streets', 'zones', 'intersections']

/** The layers shown at first for someone with these roles (all of them together for several roles). */
export function defaultVisibility(roles: readonly string[]): LayerVisibility {
  const known = roles.filter((role): role is Role => role in ROLE_LAYERS)
  const on = new Set(known.length === 0 ? VISITOR_LAYERS : known.flatMap((role) => ROLE_LAYERS[role]))
  return Object.fromEntries(LAYER_KEYS.map((key) => [key, on.has(key)])) as LayerVisibility
}

/** The visibility for these roles with the switches this user has flipped; flips are forgotten when the user changes. */
export function useLayerVisibility(roles: readonly string[], userId: string | undefined): [LayerVisibility, (key: LayerKey, visible: boolean) => void] {
  const [flipped, setFlipped] = useState<{ userId: string | undefined; layers: Partial<LayerVisibility> }>({ userId, layers: {} })
  const layers = flipped.userId === userId ? flipped.layers : {}
  const visibility = { ...defaultVisibility(roles), ...layers }
  const setLayerVisible = (key: LayerKey, visible: boolean) => setFlipped({ userId, layers: { ...layers, [key]: visible } })
  return [visibility, setLayerVisible]
}
