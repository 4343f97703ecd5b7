// Progress of a long OSM read, for the import's console line: a whole city takes tens of seconds, and a silent
// import looks hung. Reports at phase changes and every `every` elements, never per element.

export type OsmReadPhase = 'nodes' | 'ways' | 'relations' | 'assembling'

export interface OsmProgress {
  phase: OsmReadPhase
  count: number // elements of this phase read so far (for 'assembling': the streets being joined into intersections)
}

export type OsmProgressHandler = (progress: OsmProgress) => void

const EVERY: Record<OsmReadPhase, number> = { nodes: 250_000, ways: 25_000, relations: 10_000, assembling: 1 }

/** Counts elements per phase and calls the handler sparingly. */
export class OsmProgressCounter {
  private phase: OsmReadPhase | null = null
  private count = 0
  readonly counts: Record<OsmReadPhase, number> = { nodes: 0, ways: 0, relations: 0, assembling: 0 }

  constructor(private readonly handler: OsmProgressHandler | undefined) {}

  /** One more element of `phase`. */
  tick(phase: OsmReadPhase): void {
    if (phase !== this.phase) {
      this.flush()
      this.phase = phase
      this.count = 0
    }
    this.count++
    this.counts[phase]++
    if (this.count % EVERY[phase] === 0) this.handler?.({ phase, count: this.count })
  }

  /** Reports the current phase's final count (at the end of a phase or of the file). */
  flush(): void {
    if (this.phase !== null && this.count % EVERY[this.phase] !== 0) this.handler?.({ phase: this.phase, count: this.count })
  }

  /** A one-off report, e.g. the assembling step. */
  report(progress: OsmProgress): void {
    this.handler?.(progress)
  }
}
