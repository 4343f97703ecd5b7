// Node coordinates for a whole city in flat typed arrays instead of a Map of [lng, lat] arrays: a Map entry plus
// its array costs roughly 100 bytes a node, so 5 million nodes would need ~0.5 GB; this store needs 24.
//
// Memory per node: 8 bytes id (Float64: OSM ids pass 2^32 but stay far below 2^53) + 16 bytes lng/lat (Float64,
// so the numbers are exactly those the file's text or the PBF integers denote — no rounding compared with
// parse-osm's Map). Capacity grows ×1.5, and `seal` trims it, so the peak while growing is ≤ 2.5 × 24 bytes a node.
// Lookup is a binary search on ids: OSM files list nodes sorted by id, so appending keeps the arrays sorted; a
// file that is not sorted (or repeats an id) is sorted once when sealed, the last copy of a repeated id winning.

const INITIAL_CAPACITY = 1 << 14
const GROWTH = 1.5

export class NodeStore {
  private ids = new Float64Array(INITIAL_CAPACITY)
  private coords = new Float64Array(INITIAL_CAPACITY * 2) // lng, lat interleaved
  private count = 0
  private inOrder = true // every id so far greater than the one before
  private sealed = false

  /** Nodes held (after `seal`, repeated ids count once). */
  get size(): number {
    return this.count
  }

  get isSealed(): boolean {
    return this.sealed
  }

  /** Appends a node. Throws once sealed: lookups have begun, and a late node would be missed by earlier ways. */
  add(id: number, lng: number, lat: number): void {
    if (this.sealed) throw new Error(`node ${id} comes after the first way; OSM files list all nodes before ways (sort the file, e.g. osmium sort)`)
    if (this.count === this.ids.length) this.grow()
    if (this.count > 0 && id <= (this.ids[this.count - 1] as number)) this.inOrder = false
    this.ids[this.count] = id
    this.coords[this.count * 2] = lng
    this.coords[this.count * 2 + 1] = lat
    this.count++
  }

  /** Ends adding: sorts if the input was not in id order, drops repeated ids (last wins), trims spare capacity. */
  seal(): void {
    if (this.sealed) return
    this.sealed = true
    if (!this.inOrder) this.sortAndDeduplicate()
    this.ids = this.ids.slice(0, this.count)
    this.coords = this.coords.slice(0, this.count * 2)
  }

  /** The index of node `id`, or -1 when the file does not have it. Only after `seal`. */
  indexOf(id: number): number {
    if (!this.sealed) throw new Error('NodeStore.indexOf before seal')
    const ids = this.ids
    let lo = 0
    let hi = this.count - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const value = ids[mid] as number
      if (value < id) lo = mid + 1
      else if (value > id) hi = mid - 1
      else return mid
    }
    return -1
  }

  id(index: number): number {
    return this.ids[index] as number
  }

  lng(index: number): number {
    return this.coords[index * 2] as number
  }

  lat(index: number): number {
    return this.coords[index * 2 + 1] as number
  }

  private grow(): void {
    const capacity = Math.ceil(this.ids.length * GROWTH)
    const ids = new Float64Array(capacity)
    ids.set(this.ids)
    const coords = new Float64Array(capacity * 2)
    coords.set(this.coords)
    this.ids = ids
    this.coords = coords
  }

  /** Stable sort by id through a permutation (ties keep file order), then keep the last node of each id. */
  private sortAndDeduplicate(): void {
    const n = this.count
    const oldIds = this.ids
    const oldCoords = this.coords
    const order = new Uint32Array(n)
    for (let i = 0; i < n; i++) order[i] = i
    order.sort((a, b) => (oldIds[a] as number) - (oldIds[b] as number) || a - b)
    const ids = new Float64Array(n)
    const coords = new Float64Array(n * 2)
    let kept = 0
    for (let k = 0; k < n; k++) {
      const from = order[k] as number
      const id = oldIds[from] as number
      // a later copy of the same id overwrites the slot just written
      const to = kept > 0 && ids[kept - 1] === id ? kept - 1 : kept++
      ids[to] = id
      coords[to * 2] = oldCoords[from * 2] as number
      coords[to * 2 + 1] = oldCoords[from * 2 + 1] as number
    }
    this.ids = ids
    this.coords = coords
    this.count = kept
  }
}
