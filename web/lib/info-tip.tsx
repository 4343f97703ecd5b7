// A "?" that explains a figure: a button (so it works by keyboard and by touch, not only on hover) that shows and
// hides the explanation below it; Escape closes it again and leaves the focus on the button.
import { useId, useState } from 'react'

export interface InfoTipProps {
  /** The button's accessible name, e.g. "How the score is computed". */
  label: string
  text: string
}

export function InfoTip({ label, text }: InfoTipProps) {
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <span className="info-tip">
      <button
        type="button"
        className="info-mark"
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation()
            setOpen(false)
          }
        }}
      >
        ?
      </button>
      <span id={id} role="note" className="info-tip__text" hidden={!open}>
        {text}
      </span>
    </span>
  )
}
