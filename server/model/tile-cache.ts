// Vector tiles already made, kept until what they show changes: each layer has a version that the district model
// bumps when a write touches the layer (a lamp repaired: lamps and dark zones; a report or a case step: incidents),
// and a tile made at an older version is never served. Bounded by bytes, least recently used first out. A tile asked
// for again while it is being made waits for that one making (a map opening sends the same low-zoom tiles at once).
// A tile is kept as it is sent, compressed once when made: every browser asks for gzip, so one copy (about a third of the
// raw size for dense point tiles) lets the budget hold a whole city centre's tiles at every zoom.

export interface CachedTile {
  body: Uint8Array
  /** How `body` is encoded: gzip, or the raw tile where compressing did not pay. */
  encoding: 'gzip' | 'identity'
  etag: string
}

const sizeOf = (t: CachedTile) => t.body.length

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

export class TileCache {
  private readonly versions = new Map<string, number>()
  private readonly entries = new Map<string, CachedTile & { version: number; layer: string }>()
  private readonly making = new Map<string, Promise<CachedTile>>()
  private bytes = 0

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  /** Every tile of these layers made so far is stale. */
  bump(...layers: string[]): void {
    for (const layer of layers) this.versions.set(layer, (this.versions.get(layer) ?? 0) + 1)
  }

  /** Every tile of every layer is stale. */
  clear(): void {
    for (const layer of this.versions.keys()) this.bump(layer)
    this.entries.clear()
    this.bytes = 0
  }

  /** The tile under `key` of `layer`, made by `make` unless a current one is kept. */
  async get(layer: string, key: string, make: () => Promise<CachedTile>): Promise<CachedTile> {
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
    let pending = this.making.get(pendingKey)
    if (!pending) {
      pending = make().finally(() => this.making.delete(pendingKey))
      this.making.set(pendingKey, pending)
      const tile = await pending
      // only a tile still current when made is kept (a write meanwhile makes it stale at once)
      if ((this.versions.get(layer) ?? 0) === version) this.keep(cacheKey, { ...tile, version, layer })
      return tile
    }
    return pending
  }

  private keep(cacheKey: string, entry: CachedTile & { version: number; layer: string }): void {
    const old = this.entries.get(cacheKey)
    if (old) {
      this.bytes -= sizeOf(old)
      this.entries.delete(cacheKey)
    }
    this.entries.set(cacheKey, entry)
    this.bytes += sizeOf(entry)
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(k)
      this.bytes -= sizeOf(v)
    }
  }
}
