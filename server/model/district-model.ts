// The live district model: every structure the server derives from stored records — place indexes, the lighting
// analysis, the guidance rule index — built once, shared, and invalidated through one hook (`changed`) by the use
// cases whose writes change them. Routes read it; they never keep caches of their own.
import type { DarkZoneEngineOptions } from '../analysis/dark-zone-engine.ts'
import type { Store } from '../store/store.ts'
import { Derived } from './derived.ts'
import { buildGuidanceRules, type GuidanceRules } from './guidance-rules.ts'
import { buildLighting, refreshLamps, type Lighting, type LightingDiff } from './lighting.ts'
import { buildPlaces, type Places } from './places.ts'

/** What a write changed, as far as derived structures care. */
export type DistrictChange =
  | { kind: 'lamps'; lampIds: string[] } // a lamp's status, or whether an open outage report names it
  | { kind: 'street-categories'; streetIds: string[] }
  | { kind: 'guidance-points' }
  | { kind: 'district' } // the district itself was replaced (seeding, import): everything

export class DistrictModel {
  private readonly placeIndex: Derived<Places>
  private readonly lightingState: Derived<Lighting>
  private readonly guidanceIndex: Derived<GuidanceRules>

  constructor(
    private readonly store: Store,
    options: { lighting?: DarkZoneEngineOptions } = {},
  ) {
    this.placeIndex = new Derived(() => buildPlaces(store))
    this.lightingState = new Derived(() => buildLighting(store, options.lighting ?? {}))
    this.guidanceIndex = new Derived(() => buildGuidanceRules(store))
  }

  places(): Promise<Places> {
    return this.placeIndex.get()
  }

  lighting(): Promise<Lighting> {
    return this.lightingState.get()
  }

  guidanceRules(): Promise<GuidanceRules> {
    return this.guidanceIndex.get()
  }

  /**
   * The one invalidation hook: call it after a write commits. A lamp change updates the lighting analysis in place
   * and returns what it did to the dark zones (building the analysis first if no request has needed it yet).
   */
  async changed(change: DistrictChange): Promise<LightingDiff | undefined> {
    switch (change.kind) {
      case 'lamps': {
        if (change.lampIds.length === 0) return undefined
        const justBuilt = !this.lightingState.started
        return refreshLamps(await this.lightingState.get(), this.store, change.lampIds, justBuilt)
      }
      case 'street-categories':
      case 'guidance-points':
        this.guidanceIndex.invalidate()
        return undefined
      case 'district':
        this.placeIndex.invalidate()
        this.lightingState.invalidate()
        this.guidanceIndex.invalidate()
        return undefined
    }
  }
}
