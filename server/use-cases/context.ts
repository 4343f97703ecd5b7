// What every use case works with: the store (for its transaction), the live district model (to read derived
// structures and to tell it what changed) and the clock (injected so tests can move time).
import type { DistrictModel } from '../model/district-model.ts'
import type { Store } from '../store/store.ts'

export interface UseCaseContext {
  store: Store
  model: DistrictModel
  clock: () => Date
}
