// Shared memory lent to analysis tasks for their big inputs (a period's incident positions: 32 MB for 2M
// incidents). A fresh buffer per request, moved to the worker, cost the event loop more than the copying: V8 counts
// such buffers as external memory, and every 64 MB of it starts a full garbage collection of the server's heap
// (the district model: ~300 MB of objects, ~0.5 s of marking) — one per hotspot request at megacity size, freeing
// nothing. A shared buffer is filled here, read there, and kept for the next request.

/** Shared buffers kept between lends; beyond this the smallest go. */
const KEPT = 4
const MB = 1 << 20

export class SharedScratch {
  private readonly free: SharedArrayBuffer[] = []

  /**
   * Runs `use` with `take`, which hands out Float64Arrays of the length asked over shared buffers; they are this
   * lend's until `use` settles, then kept for the next. What `use` hands a worker must be done with by then.
   */
  async lend<T>(use: (take: (length: number) => Float64Array<SharedArrayBuffer>) => Promise<T>): Promise<T> {
    const taken: SharedArrayBuffer[] = []
    const take = (length: number) => {
      const bytes = length * Float64Array.BYTES_PER_ELEMENT
      // the smallest kept buffer that fits; else a new one, rounded up to a megabyte so a slightly longer period fits
      let best = -1
      this.free.forEach((b, i) => {
        if (b.byteLength >= bytes && (best < 0 || b.byteLength < this.free[best]!.byteLength)) best = i
      })
      const buffer = best >= 0 ? this.free.splice(best, 1)[0]! : new SharedArrayBuffer(Math.max(MB, Math.ceil(bytes / MB) * MB))
      taken.push(buffer)
      return new Float64Array(buffer, 0, length)
    }
    try {
      return await use(take)
    } finally {
      this.free.push(...taken)
      this.free.sort((a, b) => b.byteLength - a.byteLength)
      this.free.length = Math.min(this.free.length, KEPT)
    }
  }

  /** Bytes kept between lends (for tests). */
  get keptBytes(): number {
    return this.free.reduce((sum, b) => sum + b.byteLength, 0)
  }
}
