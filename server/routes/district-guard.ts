// The intake routes' guard: a point outside the district (beyond the stated margin) is 422 outside-district, before
// anything is stored or routed.
import type { LngLat } from '../kernel/geo.ts'
import { DISTRICT_MARGIN_M } from '../domain/district-bounds.ts'
import type { DistrictModel } from '../model/district-model.ts'
import { isInDistrict } from '../use-cases/locate-report.ts'
import { ProblemError } from '../kernel/problems.ts'

export async function requireInDistrict(model: DistrictModel, coordinates: LngLat): Promise<void> {
  if (!(await isInDistrict(model, coordinates))) {
    throw new ProblemError(422, 'outside-district', `${coordinates[0]}, ${coordinates[1]} is outside the district (more than ${DISTRICT_MARGIN_M} m beyond its bounds)`, [
      { path: 'lon', message: 'outside the district' },
      { path: 'lat', message: 'outside the district' },
    ], {}, { margin_m: DISTRICT_MARGIN_M })
  }
}
