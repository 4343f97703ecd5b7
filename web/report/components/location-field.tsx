// 位置: where the problem is, by a tap on the offline map or from the phone's position.
import { PlaceSearchBox } from '../../lib/place-search-box.tsx'
import { Suspense, lazy, useState } from 'react'
import { useReportI18n } from '../i18n.ts'
import type { FieldError } from '../lib/field-errors.ts'
import { expandBounds, isInside, locateUser } from '../lib/locate-user.ts'
import type { BBox, LocateProblem } from '../lib/locate-user.ts'
import { FieldErrorLine, describedBy, hintId } from './field-message.tsx'
import { MapBoundary } from './map-boundary.tsx'

// MapLibre is most of the page's weight: it loads after the form is on screen, and never for a status lookup
const LocationMap = lazy(() => import('./location-map.tsx'))

/** How far past the district the map pans and a position is accepted, as a share of its size (as on the staff map). */
export const PAN_MARGIN = 0.5

export interface PickedLocation {
  coordinates: [number, number]
  via: 'map' | 'gps' | 'search'
  /** From the phone: the radius it is sure of, in metres. */
  accuracyMeters?: number
}

export interface LocationFieldProps {
  /** The district's bounds; undefined while they are still being asked for (the map waits, so it opens on them). */
  bounds: BBox | undefined
  value: PickedLocation | null
  error: FieldError | undefined
  /** Open cases offered as the same problem, drawn on the map so the citizen can compare places. */
  similar: ReadonlyArray<readonly [number, number]>
  onChange: (location: PickedLocation) => void
}

const FIELD_ID = 'report-location'

export function LocationField({ bounds, value, error, similar, onChange }: LocationFieldProps) {
  const i18n = useReportI18n()
  const { t, formatMeters } = i18n
  const [locating, setLocating] = useState(false)
  const [problem, setProblem] = useState<LocateProblem | 'location.outside' | null>(null)
  // the street the map found under the chosen point; kept with the point it belongs to
  const [near, setNear] = useState<{ at: readonly [number, number]; street: string | null } | null>(null)
  const street = near && value && near.at === value.coordinates ? near.street : null

  async function locateMe() {
    setLocating(true)
    setProblem(null)
    const result = await locateUser()
    setLocating(false)
    if (!result.ok) return setProblem(result.problem)
    if (bounds && !isInside(expandBounds(bounds, PAN_MARGIN), result.coordinates)) return setProblem('location.outside')
    onChange({ coordinates: result.coordinates, via: 'gps', accuracyMeters: result.accuracyMeters })
  }

  const mapLoading = (
    <p className="location-map__status" role="status">
      {t('map.loading')}
    </p>
  )

  return (
    <fieldset id={FIELD_ID} className="field field--location" aria-describedby={describedBy(FIELD_ID, { hint: true, error })}>
      <legend className="field__label">{t('field.location')}</legend>
      <p id={hintId(FIELD_ID)} className="field__hint">
        {t('location.hint')}
      </p>
      <div className={`location-map${error ? ' location-map--invalid' : ''}`}>
        <MapBoundary>
          <Suspense fallback={mapLoading}>
            {bounds === undefined ? (
              mapLoading
            ) : (
              <LocationMap
                bounds={bounds}
                maxBounds={expandBounds(bounds, PAN_MARGIN)}
                picked={value}
                similar={similar}
                onPick={(coordinates) => onChange({ coordinates, via: 'map' })}
                onNearStreet={(at, name) => setNear({ at, street: name })}
              />
            )}
          </Suspense>
        </MapBoundary>
      </div>
      {/* a street or a junction by name, from the district's own data (no internet needed) */}
      <PlaceSearchBox
        className="location-search"
        english={i18n.locale === 'en'}
        labels={{
          label: t('location.search'),
          placeholder: t('location.searchPlaceholder'),
          empty: t('location.searchEmpty'),
          kind: { street: t('location.kind.street'), intersection: t('location.kind.intersection'), case: '', lamp: '' },
        }}
        onPick={(hit) => {
          setProblem(null)
          onChange({ coordinates: [hit.center[0], hit.center[1]], via: 'search' })
        }}
      />
      <div className="location-actions">
        <button
          id="report-locate"
          type="button"
          className="button button--secondary"
          disabled={locating}
          aria-busy={locating}
          onClick={() => void locateMe()}
        >
          <span aria-hidden="true" className="button__icon">
            ◎
          </span>
          {locating ? t('location.locating') : t('location.useMine')}
        </button>
      </div>
      <p className={`location-readout${value ? ' location-readout--chosen' : ''}`} aria-live="polite">
        {value ? (
          <>
            {street && <strong className="location-readout__street">{t('location.near', { street })}</strong>}
            <span>
              {t('location.chosen', { lat: value.coordinates[1].toFixed(5), lon: value.coordinates[0].toFixed(5) })}
              {value.accuracyMeters !== undefined && ` · ${t('location.accuracy', { distance: formatMeters(value.accuracyMeters) })}`}
            </span>
          </>
        ) : (
          t('location.none')
        )}
      </p>
      {problem && (
        <p className="field__note" role="alert">
          {t(problem)}
        </p>
      )}
      <FieldErrorLine fieldId={FIELD_ID} error={error} i18n={i18n} />
    </fieldset>
  )
}
