// The rules a guidance point breaks, in the interface language. Each message names the distance measured and the
// limit it breaks, so nothing is added beside it (a second line repeating both read as a stutter).
import { useI18n } from '../../../lib/i18n.ts'
import type { RuleViolation } from '../api/read-violations.ts'

export function ViolationList({ violations }: { violations: readonly RuleViolation[] }) {
  const { locale } = useI18n()
  return (
    <ul className="violation-list">
      {violations.map((violation, index) => (
        <li key={`${violation.code}-${index}`} className="violation-list__item">
          <span>{locale === 'en' ? violation.message_en : violation.message}</span>
        </li>
      ))}
    </ul>
  )
}
