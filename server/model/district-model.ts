// The live district model: every structure the server derives from stored records — place indexes, the lighting
// analysis, the guidance rule index — built once, shared, and invalidated through one hook (`changed`) by the use
// cases whose writes change them. Routes read it; they never keep caches of their own.
import type { DarkZoneEngineOptions } from '../analysis/dark-zone-engine.ts'
import type { BBox } from '../kernel/geo.ts'
import type { StoredLamp } from '../kernel/records.ts'
import type { Store, StoreCounts } from '../store/store.ts'
import type { LampPoints } from '../store/lamp-points.ts'
import { SOLO_FEED, type ChangeFeed } from './change-feed.ts'
import { Derived } from './derived.ts'
import { buildGuidanceRules, type GuidanceRules } from './guidance-rules.ts'
import { buildLighting, refreshLamps, type Lighting, type LightingDiff } from './lighting.ts'
import { IncidentIndex } from './incident-index.ts'
import { LampIndex } from './lamp-index.ts'
import { buildPlaces, type Places } from './places.ts'
import { TileCache } from './tile-cache.ts'

/**
 * Lamps as a write left them, and which of them an open outage report named when it wrote (read in the same
 * statement): all the lighting needs, so applying the change reads nothing.
 */
export interface WrittenLamps {
  lamps: readonly StoredLamp[]
  reportedOut: ReadonlySet<string>
}

/** What a write changed, as far as derived structures care. */
export type DistrictChange =
  | { kind: 'lamps'; lampIds: string[] } // a lamp's status, or whether an open outage report names it
  | { kind: 'street-categories'; streetIds: string[] }
  | { kind: 'guidance-points' }
  | { kind: 'incidents'; ids: string[] } // incidents reported or changed (a case step, a merge, a rating, a repair)
  | { kind: 'district' } // the district itself was replaced (seeding, import): everything

export class DistrictModel {
  private readonly placeIndex: Derived<Places>
  private readonly lightingState: Derived<Lighting>
  private readonly guidanceIndex: Derived<GuidanceRules>
  private readonly incidentIndex: Derived<IncidentIndex>
  private readonly lampIndex: Derived<LampIndex>

  private readonly feed: ChangeFeed
  /**
   * The newest version applied of each lamp changed since the district was loaded. Applying a change awaits reads,
   * so two changes to one lamp can finish out of order: the older must not overwrite the newer.
   */
  private readonly lampVersions = new Map<string, number>()
  /**
   * The lamp ids of the last lamp ledger read. Three structures read the ledger (the intake's nearest lamp, the
   * lamp tiles, the lighting), each when first needed, for statuses as they are then; a read whose ids are these,
   * in this order, takes these strings rather than keeping its own copy: at megacity size two million strings fewer
   * for every full garbage collection to visit.
   */
  private lampIds: string[] | undefined

  private async readLamps(): Promise<LampPoints> {
    const read = await this.store.lampPoints()
    const known = this.lampIds
    if (known && known.length === read.ids.length && read.ids.every((id, i) => id === known[i])) return { ...read, ids: known }
    this.lampIds = read.ids
    return read
  }

  /** Vector tiles already made; the changes below make the touched layers' tiles stale. */
  readonly tiles = new TileCache()

  constructor(
    private readonly store: Store,
    options: { lighting?: DarkZoneEngineOptions; feed?: ChangeFeed } = {},
  ) {
    const lamps = () => this.readLamps()
    this.placeIndex = new Derived(() => buildPlaces(store, lamps))
    this.lightingState = new Derived(() => buildLighting(store, options.lighting ?? {}, lamps))
    this.guidanceIndex = new Derived(() => buildGuidanceRules(store))
    this.incidentIndex = new Derived(async () => new IncidentIndex(await store.incidentColumns()))
    this.lampIndex = new Derived(async () => new LampIndex(await lamps()))
    this.feed = options.feed ?? SOLO_FEED
    // Another instance's write: the same update as our own, told to nobody (it has told everyone already).
    this.feed.subscribe((change) => {
      this.apply(change, true).catch((err: unknown) => {
        // the state may now be behind: rebuild it from the store on next use rather than serve it
        console.error('[gridwatch] applying another instance’s change failed; rebuilding the district model', err)
        this.invalidateAll()
      })
    })
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

  /** Every incident's place, time, category, source and case facts, in memory: what the analyses and tiles scan. */
  incidents(): Promise<IncidentIndex> {
    return this.incidentIndex.get()
  }

  /**
   * What the district holds, from the structures already built — live, as every write tells the model (a report
   * counts at once) — or undefined until they are (ask the store then). Counting from the store costs a `count(*)`
   * over the incidents and lamps on PostgreSQL: ~0.5 s at megacity size, on every page load and health probe.
   */
  counts(): StoreCounts | undefined {
    const [places, incidents, lamps] = [this.placeIndex.peek(), this.incidentIndex.peek(), this.lampIndex.peek()]
    return places && incidents && lamps ? { ...places.counts, incidents: incidents.size, lamps: lamps.size } : undefined
  }

  /** Every lamp's place and status, in memory: what the lamp tiles count. */
  lamps(): Promise<LampIndex> {
    return this.lampIndex.get()
  }

  /**
   * Builds every structure now, one after another, rather than on the first request that needs it: at megacity
   * size each takes seconds (the reads yield between pages, so requests are served meanwhile). Never throws: a
   * failed build is left to the first request, which tries again and reports the error.
   */
  async warm(): Promise<void> {
    const started = performance.now()
    for (const [name, build] of [['places', () => this.places()], ['incidents', async () => (await this.incidents()).prepareTiles()], ['lamps', () => this.lamps()], ['lighting', () => this.lighting()]] as const) {
      try {
        await build()
      } catch (err) {
        console.error(`[gridwatch] building the ${name} index failed; the first request that needs it tries again`, err)
      }
    }
    console.log(`[gridwatch] district model ready in ${Math.round(performance.now() - started)} ms`)
  }

  /**
   * The one invalidation hook: call it after a write commits. A lamp change updates the lighting analysis in place
   * and returns what it did to the dark zones (building the analysis first if no request has needed it yet). The
   * other instances on the same database are told through the change feed.
   */
  async changed(change: DistrictChange, written?: WrittenLamps): Promise<LightingDiff | undefined> {
    const diff = await this.apply(change, false, written)
    // Sent, not waited for: the writer's answer does not depend on it (a crew's repair waited a round trip for it),
    // and the others hear of it in milliseconds either way. The write stands if it fails; the others catch up when
    // their feed reconnects (which rebuilds their models).
    void this.feed.publish(change).catch((err: unknown) => console.error('[gridwatch] could not tell the other instances about a change', err))
    return diff
  }

  /** `written`: the changed lamps as the write left them, when it has them (else they are read from the store). */
  private async apply(change: DistrictChange, remote = false, written?: WrittenLamps): Promise<LightingDiff | undefined> {
    switch (change.kind) {
      case 'incidents': {
        // The incidents written are read again into the index if it is built (a build under way may already hold
        // them: `merge` keeps the newer version), and the tiles holding their places are made again. Without an
        // index no incident tile has been made, but one may be under way: it is dropped with the layer.
        if (!change.ids?.length || !this.incidentIndex.started) {
          this.tiles.bump('incidents')
          return undefined
        }
        const index = await this.incidentIndex.get()
        const written = await this.store.incidentColumns({ ids: change.ids })
        index.merge(written)
        this.tiles.touch('incidents', Array.from({ length: written.count }, (_, i): BBox => [written.lon[i]!, written.lat[i]!, written.lon[i]!, written.lat[i]!]))
        return undefined
      }
      case 'lamps': {
        if (change.lampIds.length === 0) return undefined
        const read = written?.lamps ?? (await Promise.all(change.lampIds.map((id) => this.store.lamp(id)))).filter((l) => l !== undefined)
        const current = read.filter((l) => l.version >= (this.lampVersions.get(l.id) ?? 0))
        for (const l of current) this.lampVersions.set(l.id, l.version)
        if (this.lampIndex.started) {
          const index = await this.lampIndex.get()
          for (const lamp of current) index.setStatus(lamp.id, lamp.status)
        }
        // Another instance's change to a state not built here yet: nothing to update; the first request builds it
        // from the store, change included (and no dark-zone tile was made from a state that does not exist).
        const diff = !this.lightingState.started
          ? remote
            ? undefined
            : await refreshLamps(await this.lightingState.get(), this.store, current, true, written?.reportedOut)
          : await refreshLamps(await this.lightingState.get(), this.store, current, false, written?.reportedOut)
        // Tiles are dropped once the status and the lighting both show the change (a lamp tile draws `working`
        // from the lighting). The lamp tiles hold the lamps' points; a lamp that is gone leaves no point to name.
        if (read.length === change.lampIds.length) this.tiles.touch('lamps', read.map(({ coordinates: [lng, lat] }): BBox => [lng, lat, lng, lat]))
        else this.tiles.bump('lamps')
        if (!diff) this.tiles.bump('dark-zones')
        else if (diff.area) this.tiles.touch('dark-zones', [diff.area])
        return diff
      }
      case 'street-categories':
        this.tiles.bump('streets')
        this.guidanceIndex.invalidate()
        return undefined
      case 'guidance-points':
        this.guidanceIndex.invalidate()
        return undefined
      case 'district':
        this.invalidateAll()
        return undefined
    }
  }

  private invalidateAll(): void {
    this.tiles.clear()
    this.lampVersions.clear() // a district loaded again numbers its lamps' versions afresh
    this.lampIds = undefined
    this.placeIndex.invalidate()
    this.lightingState.invalidate()
    this.guidanceIndex.invalidate()
    this.incidentIndex.invalidate()
    this.lampIndex.invalidate()
  }
}
