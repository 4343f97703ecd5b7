// Street names by street id, for other layers' popups (a lamp's or an incident's street). Both languages are kept,
// so a popup that is open while the user switches language follows the switch.
import { useMemo } from 'react'
import type { LocalizedName } from '../../../lib/i18n.ts'
import { useStreets } from './get-streets.ts'

/** The names of a street, or undefined when the id is null or not a street we have. */
export type StreetNameLookup = (streetId: string | null) => LocalizedName | undefined

export function useStreetNames(): StreetNameLookup {
  const { data } = useStreets()
  return useMemo(() => {
    const names = new Map<string, LocalizedName>()
    for (const { id, properties } of data?.features ?? []) names.set(id, { name: properties.name, name_en: properties.name_en })
    return (streetId) => (streetId === null ? undefined : names.get(streetId))
  }, [data])
}
