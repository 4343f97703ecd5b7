// The body of a map popup: a heading and label–value rows.
import type { ReactNode } from 'react'

export interface FeatureCardProps {
  title: ReactNode
  subtitle?: ReactNode
  rows: ReadonlyArray<readonly [label: string, value: ReactNode]>
}

export function FeatureCard({ title, subtitle, rows }: FeatureCardProps) {
  return (
    <article className="feature-card">
      <h3 className="feature-card__title">{title}</h3>
      {subtitle !== undefined && <p className="feature-card__subtitle">{subtitle}</p>}
      <dl className="feature-card__rows">
        {rows.map(([label, value]) => (
          <div key={label} className="feature-card__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  )
}
