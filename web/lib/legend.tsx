// Legend rows: a swatch drawn like the map symbol, a label and, when known, how many features it stands for.
// The swatch takes its colour as `color`, so the stylesheet draws every shape with currentColor.
import type { ReactNode } from 'react'

export type SwatchShape = 'line' | 'dash' | 'dot' | 'ring' | 'hollow' | 'bubble'

export interface LegendItemProps {
  color: string
  shape: SwatchShape
  label: ReactNode
  count?: string
}

export function LegendItem({ color, shape, label, count }: LegendItemProps) {
  return (
    <li className="legend-item">
      <span className={`swatch swatch--${shape}`} style={{ color }} aria-hidden="true" />
      <span className="legend-label">{label}</span>
      {count !== undefined && <span className="legend-count">{count}</span>}
    </li>
  )
}

export function LegendList({ children }: { children: ReactNode }) {
  return <ul className="legend-list">{children}</ul>
}
