// Each map layer in its own error boundary, so a layer whose data fails never blanks the map.
import type { ReactNode } from 'react'
import { PanelBoundary } from '../panel-boundary.tsx'

export function MapLayerBoundary({ name, children }: { name: string; children: ReactNode }) {
  return (
    <PanelBoundary name={`${name} layer`} variant="map-layer">
      {children}
    </PanelBoundary>
  )
}
