// The live dark-zone analysis for one store: built on first use from the stored streets and lamps, then kept
// current by lamp changes (each recomputes only the segments within that lamp's reach). Routes read it; writes go
// to the store first and then here, so the store stays the source of truth.
import { createDarkZoneEngine, type DarkZoneEngine, type DarkZoneEngineOptions } from '../analysis/dark-zones.ts'
import { isLampWorking } from '../domain/lighting-inputs.ts'
import type { Store } from '../store/store.ts'

export interface LightingSnapshot {
  engine: DarkZoneEngine
  working: Map<string, boolean> // lamp id → lit, exactly as the engine sees it
  zoneNames: Map<string, { name: string; nameEn: string }>
}

export class LightingState {
  private snapshot: Promise<LightingSnapshot> | undefined

  constructor(
    private readonly store: Store,
    private readonly options: DarkZoneEngineOptions = {},
  ) {}

  /** The current analysis, built on first call. */
  get(): Promise<LightingSnapshot> {
    this.snapshot ??= this.build().catch((err: unknown) => {
      this.snapshot = undefined // a failed build is retried on the next request rather than cached
      throw err
    })
    return this.snapshot
  }

  private async build(): Promise<LightingSnapshot> {
    const [streets, lamps, openOutages, zones] = await Promise.all([this.store.streets({}), this.store.lamps({}), this.store.lampsWithOpenOutage(), this.store.zones()])
    const working = new Map(lamps.map((l) => [l.id, isLampWorking(l, openOutages)]))
    const engine = createDarkZoneEngine(
      streets.map((s) => ({ id: s.id, name: s.name, highway: s.highway, zoneId: s.zoneId, coordinates: s.coordinates })),
      lamps.map((l) => ({ id: l.id, coordinates: l.coordinates, working: working.get(l.id) ?? false })),
      this.options,
    )
    return { engine, working, zoneNames: new Map(zones.map((z) => [z.id, { name: z.name, nameEn: z.nameEn }])) }
  }

  /**
   * Re-reads one lamp's status and open outage reports from the store and updates the analysis: a report opening or
   * closing about a lamp changes whether it counts as lit. No lamp id, or an unknown one, changes nothing.
   */
  async refreshLamp(lampId: string | null): Promise<void> {
    if (!lampId) return
    const lamp = await this.store.lamp(lampId)
    if (!lamp) return
    await this.setLampWorking(lampId, isLampWorking(lamp, await this.store.lampsWithOpenOutage()))
  }

  /** Tells the analysis a lamp's working state changed (after the store has recorded it). */
  async setLampWorking(lampId: string, working: boolean): Promise<void> {
    if (!this.snapshot) return // not built yet: the first build will read the store
    const snapshot = await this.get()
    snapshot.working.set(lampId, working)
    snapshot.engine.setLampWorking(lampId, working)
  }
}
