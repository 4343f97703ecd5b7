// "Use my location": the browser's Geolocation API, with every way it can fail named for the citizen.

export type LocateProblem = 'location.denied' | 'location.unavailable' | 'location.timeout' | 'location.insecure' | 'location.unsupported'

export type LocateResult = { ok: true; coordinates: [number, number]; accuracyMeters: number } | { ok: false; problem: LocateProblem }

const LOCATE_OPTIONS: PositionOptions = {
  enableHighAccuracy: true, // GPS rather than the cell tower: a report needs the right street, not the right district
  timeout: 20_000, // ms; a cold GPS fix outdoors takes 5–15 s
  maximumAge: 60_000, // ms; a fix from the last minute is still where the citizen stands
}

// GeolocationPositionError codes (W3C Geolocation API §7)
const PROBLEM_OF_CODE: Record<number, LocateProblem> = { 1: 'location.denied', 2: 'location.unavailable', 3: 'location.timeout' }

/** Asks the browser where the phone is; never rejects. */
export function locateUser(): Promise<LocateResult> {
  // browsers only share the position with HTTPS pages (and localhost); an http intranet page gets a denial
  if (!window.isSecureContext) return Promise.resolve({ ok: false, problem: 'location.insecure' })
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, problem: 'location.unsupported' })
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ ok: true, coordinates: [coords.longitude, coords.latitude], accuracyMeters: coords.accuracy }),
      (error) => resolve({ ok: false, problem: PROBLEM_OF_CODE[error.code] ?? 'location.unavailable' }),
      LOCATE_OPTIONS,
    )
  })
}

export type BBox = [west: number, south: number, east: number, north: number]

/** `bounds` grown by `margin` of its width and height on every side. */
export function expandBounds([west, south, east, north]: BBox, margin: number): BBox {
  const dx = (east - west) * margin
  const dy = (north - south) * margin
  return [west - dx, south - dy, east + dx, north + dy]
}

/** Whether [lng, lat] lies inside `bounds` (edges included). */
export function isInside([west, south, east, north]: BBox, [lng, lat]: readonly [number, number]): boolean {
  return lng >= west && lng <= east && lat >= south && lat <= north
}
