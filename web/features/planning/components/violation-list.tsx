// The rules a guidance point breaks, in the interface language, each with the distance measured against its limit.
import { useI18n } from '../../../lib/i18n.ts'
import type { RuleViolation } from '../api/read-violations.ts'

// The one rule whose limit is a most (stand within 15 m of an allowed street); the others are at-least clearances
const PROXIMITY_CODES: ReadonlySet<string> = new Set(['not-beside-allowed-street'])

export function ViolationList({ violations }: { violations: readonly RuleViolation[] }) {
  const { t, locale, formatNumber } = useI18n()
  return (
    <ul className="violation-list">
      {violations.map((violation, index) => (
        <li key={`${violation.code}-${index}`} className="violation-list__item">
          <span>{locale === 'en' ? violation.message_en : violation.message}</span>
          {violation.distance_m !== undefined && violation.limit_m !== undefined && (
            <span className="violation-list__measure">
              {t(PROXIMITY_CODES.has(violation.code) ? 'planning.measureWithin' : 'planning.measureAtLeast', {
                distance: formatNumber(violation.distance_m),
                limit: formatNumber(violation.limit_m),
              })}
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
