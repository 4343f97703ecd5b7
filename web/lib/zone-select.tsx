// A sub-district (街道) picker for panels that narrow their lists to one zone; "all zones" is the empty choice.
import { useId } from 'react'
import { pickName, useI18n } from './i18n.ts'
import type { LocalizedName } from './i18n.ts'

export interface ZoneOption extends LocalizedName {
  id: string
}

export interface ZoneSelectProps {
  label: string
  zones: readonly ZoneOption[]
  /** undefined: every zone (that the user may see) */
  value: string | undefined
  onChange: (zone: string | undefined) => void
  allLabel: string
}

export function ZoneSelect({ label, zones, value, onChange, allLabel }: ZoneSelectProps) {
  const { locale } = useI18n()
  const id = useId()
  return (
    <div className="zone-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}>
        <option value="">{allLabel}</option>
        {zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.id} {pickName(locale, zone)}
          </option>
        ))}
      </select>
    </div>
  )
}
