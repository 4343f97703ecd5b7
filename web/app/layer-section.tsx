import { useId } from 'react'
import type { ReactNode } from 'react'

export interface LayerSectionProps {
  title: string
  visible: boolean
  onVisibleChange: (visible: boolean) => void
  children: ReactNode
}

/** One layer in the side panel: its switch (a labelled checkbox) and its legend. */
export function LayerSection({ title, visible, onVisibleChange, children }: LayerSectionProps) {
  const headingId = useId()
  return (
    <section className={`layer-section${visible ? '' : ' layer-section--hidden'}`} aria-labelledby={headingId}>
      <label className="layer-section__toggle">
        <input type="checkbox" checked={visible} onChange={(event) => onVisibleChange(event.target.checked)} />
        <span id={headingId} className="layer-section__title">
          {title}
        </span>
      </label>
      <div className="layer-section__legend">{children}</div>
    </section>
  )
}
