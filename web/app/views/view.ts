// What a side-panel view is to the page: the panel it shows, the map layers it adds, the shared layers it hides
// while open. Each view is a hook in its own module (views/<mode>-view.tsx) so a view owns its state (the case
// open, the stop picked, the hotspot filters); the page calls every view's hook on every render, so a view keeps
// that state while another tab is open.
import type { ReactNode } from 'react'
import type { IncidentCategoryInfo } from '../../features/meta/api/get-meta.ts'
import type { RoleInfo } from '../../features/roles/api/get-roles.ts'
import type { Session } from '../../features/session/api/session.ts'
import type { ZoneOption } from '../../lib/zone-select.tsx'
import type { MapFocus } from '../../map/map-view.tsx'
import type { LayerKey } from '../layer-visibility.ts'

export type SignedInUser = NonNullable<Session>['user']

/** What the page shares with every view. */
export interface ViewContext {
  /** This view's tab is the one open. */
  active: boolean
  user: SignedInUser | undefined
  /** The signed-in user's roles; none for a visitor. */
  roles: readonly string[]
  /** Every role with its names, for the views that show or assign roles. */
  roleNames: readonly RoleInfo[]
  categories: readonly IncidentCategoryInfo[]
  /** The zones this user may pick among (a crew's own, else all), and the one picked; shared by the lighting views. */
  zones: readonly ZoneOption[]
  zone: string | undefined
  setZone: (zone: string | undefined) => void
  onFocus: (focus: MapFocus) => void
}

/** One view as the page shows it. */
export interface ViewParts {
  panel: ReactNode
  /** Layers only this view draws, over the shared ones. */
  mapLayers?: ReactNode
  /** Shared layers that step back while this view is open; their switches keep their state for when the user returns. */
  hides: ReadonlySet<LayerKey>
  /** The lighting views: the map and the lamps at night. */
  night?: boolean
  /** What a click on a street does in this view, if anything. */
  onSelectStreet?: ((id: string) => void) | undefined
  /** Called when the user picks a tab (this one or another). */
  onTabChange?: () => void
}

export const NO_LAYERS_HIDDEN: ReadonlySet<LayerKey> = new Set()
