// A structure derived from stored records: built on first use, shared by every request, dropped when a write
// changes what it was built from. A failed build is never kept — the next use tries again.

export class Derived<T> {
  private value: Promise<T> | undefined
  private built: T | undefined
  private generation = 0

  constructor(private readonly build: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.value) {
      const generation = this.generation
      const building = this.build()
      this.value = building
      building.then((v) => {
        if (this.value === building) this.built = v
      }, () => undefined)
      building.catch(() => {
        // Only forget this build: an invalidation meanwhile may already have started a newer one.
        if (this.generation === generation && this.value === building) this.value = undefined
      })
    }
    return this.value
  }

  /** Whether a build has been started (and not dropped since). */
  get started(): boolean {
    return this.value !== undefined
  }

  /** The structure if built (and not dropped since), without starting or waiting for a build. */
  peek(): T | undefined {
    return this.built
  }

  /** Drops the structure: the next use rebuilds it from the store. */
  invalidate(): void {
    this.generation++
    this.value = undefined
    this.built = undefined
  }
}
