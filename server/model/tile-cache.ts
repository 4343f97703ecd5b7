// Vector tiles already made, kept until what they show changes. A write names where it changed the layer (a lamp
// repaired: the lamp's point in the lamp layer, the stretches around it in the dark zones; a report or a case step:
// the incident's point), and only the kept tiles whose area — the box the tile was made from, buffer included —
// holds such a place are dropped: at megacity size crews repair lamps every few seconds, and dropping the whole
// layer each time meant every map on every screen waited for tiles to be made again (a low-zoom tile over a million
// lamps takes 10–100 ms). A change without a place (a bulk change) bumps the layer's version instead, and a tile
// made at an older version is never served. Bounded by bytes, least recently used first out. A tile asked
// for again while it is being made waits for that one making (a map opening sends the same low-zoom tiles at once).
// A tile is kept as it is sent, compressed once when made: every browser asks for gzip, so one copy (about a third of the
// raw size for dense point tiles) lets the budget hold a whole city centre's tiles at every zoom.

import type { BBox } from '../kernel/geo.ts'

export interface CachedTile {
  body: Uint8Array
  /** How `body` is encoded: gzip, or the raw tile where compressing did not pay. */
  encoding: 'gzip' | 'identity'
  etag: string
}

interface Entry extends CachedTile {
  version: number
  layer: string
  area: BBox | undefined
}

const sizeOf = (t: CachedTile) => t.body.length

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024
// Places touched while a tile is being made are remembered this many at a time per layer; a making that started
// before the oldest one remembered is not kept (it may have missed a touch), only served to the requests it was for.
const TOUCH_LOG = 256

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]

export class TileCache {
  private readonly versions = new Map<string, number>()
  private readonly entries = new Map<string, Entry>()
  /** `entries` by layer: a touch looks at its layer's tiles only (a repair touches two layers of four). */
  private readonly byLayer = new Map<string, Map<string, Entry>>()
  private readonly making = new Map<string, { promise: Promise<CachedTile>; layer: string; area: BBox | undefined }>()
  private readonly touches = new Map<string, { seq: number; log: { seq: number; box: BBox }[] }>()
  private bytes = 0

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  /** Every tile of these layers made so far is stale. */
  bump(...layers: string[]): void {
    for (const layer of layers) this.versions.set(layer, (this.versions.get(layer) ?? 0) + 1)
  }

  /**
   * What `layer` shows changed within these boxes (a point is a box of no size): the kept tiles whose area holds
   * one are dropped, and a tile being made meanwhile is not kept. Tiles kept without an area are dropped too.
   */
  touch(layer: string, boxes: readonly BBox[]): void {
    if (boxes.length === 0) return
    const t = this.touches.get(layer) ?? { seq: 0, log: [] }
    this.touches.set(layer, t)
    for (const box of boxes) {
      t.log.push({ seq: ++t.seq, box })
      if (t.log.length > TOUCH_LOG) t.log.shift()
    }
    // a plain loop: this runs over a layer's ~1,000 kept tiles on every lamp repair
    const stale = (area: BBox | undefined) => {
      if (!area) return true
      for (const box of boxes) if (overlaps(box, area)) return true
      return false
    }
    for (const [key, entry] of this.byLayer.get(layer) ?? []) if (stale(entry.area)) this.drop(key, entry)
    // a request from now on must not be handed a tile made from what was there before
    for (const [key, m] of this.making) if (m.layer === layer && stale(m.area)) this.making.delete(key)
  }

  /** Was `area` of `layer` touched after touch number `since`? (Unknown, because forgotten, counts as touched.) */
  private touchedSince(layer: string, since: number, area: BBox | undefined): boolean {
    const t = this.touches.get(layer)
    if (!t || t.seq === since) return false
    if (!area || t.log.length === 0 || t.log[0]!.seq > since + 1) return true
    return t.log.some((x) => x.seq > since && overlaps(x.box, area))
  }

  /** Every tile of every layer is stale. */
  clear(): void {
    const layers = new Set([...this.versions.keys(), ...[...this.entries.values()].map((e) => e.layer), ...[...this.making.values()].map((m) => m.layer)])
    for (const layer of layers) this.bump(layer)
    this.entries.clear()
    this.byLayer.clear()
    this.making.clear()
    this.bytes = 0
  }

  /**
   * The tile under `key` of `layer`, made by `make` unless a current one is kept. `area` is the box the tile is made
   * from (what a touch must overlap to make it stale); without one, any touch of the layer does.
   */
  async get(layer: string, key: string, make: () => Promise<CachedTile>, area?: BBox): Promise<CachedTile> {
    const version = this.versions.get(layer) ?? 0
    const cacheKey = `${layer}|${key}`
    const kept = this.entries.get(cacheKey)
    if (kept && kept.version === version) {
      // most recently used goes last
      this.entries.delete(cacheKey)
      this.entries.set(cacheKey, kept)
      return kept
    }
    const pendingKey = `${version}|${cacheKey}`
    const pending = this.making.get(pendingKey)?.promise
    if (!pending) {
      const since = this.touches.get(layer)?.seq ?? 0
      const promise = make().finally(() => {
        if (this.making.get(pendingKey)?.promise === promise) this.making.delete(pendingKey)
      })
      this.making.set(pendingKey, { promise, layer, area })
      const tile = await promise
      // only a tile still current when made is kept (a write meanwhile makes it stale at once)
      if ((this.versions.get(layer) ?? 0) === version && !this.touchedSince(layer, since, area)) this.keep(cacheKey, { ...tile, version, layer, area })
      return tile
    }
    return pending
  }

  private keep(cacheKey: string, entry: Entry): void {
    const old = this.entries.get(cacheKey)
    if (old) this.drop(cacheKey, old)
    this.entries.set(cacheKey, entry)
    this.bytes += sizeOf(entry)
    const kept = this.byLayer.get(entry.layer) ?? new Map<string, Entry>()
    this.byLayer.set(entry.layer, kept.set(cacheKey, entry))
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.drop(k, v)
    }
  }

  private drop(cacheKey: string, entry: Entry): void {
    this.entries.delete(cacheKey)
    this.byLayer.get(entry.layer)?.delete(cacheKey)
    this.bytes -= sizeOf(entry)
  }
}
