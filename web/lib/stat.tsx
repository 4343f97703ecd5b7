// A headline figure with its label; the label names the group, so "lit share" finds its number by role and name.
import { useId } from 'react'
import type { ReactNode } from 'react'

export function Stat({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  const id = useId()
  return (
    <div className="stat" role="group" aria-labelledby={id}>
      <span id={id} className="stat__label">
        {label}
      </span>
      <strong className="stat__value">{value}</strong>
      {note !== undefined && <span className="stat__note">{note}</span>}
    </div>
  )
}
