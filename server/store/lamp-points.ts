// Lamps lean — an id, a position and a status code each — for the structures built from every lamp (the place
// index, the lighting analysis): a million lamps read as StoredLamp records were ten seconds and a gigabyte.
import { LAMP_STATUSES, type LampStatus } from '../kernel/statuses.ts'

/** Lamps in rid order: lamp i is `ids[i]` at (positions[2i], positions[2i + 1]) with status LAMP_STATUSES[status[i]]. */
export interface LampPoints {
  ids: string[]
  positions: Float64Array<ArrayBuffer>
  status: Uint8Array<ArrayBuffer>
}

/** Gathers lamp rows [id, lon, lat, status] into LampPoints. */
export class LampPointsBuilder {
  private readonly ids: string[] = []
  private positions: number[] = []
  private status: number[] = []

  push(r: readonly unknown[]): void {
    this.ids.push(String(r[0]))
    this.positions.push(Number(r[1]), Number(r[2]))
    this.status.push(LAMP_STATUSES.indexOf(r[3] as LampStatus))
  }

  finish(): LampPoints {
    return { ids: this.ids, positions: Float64Array.from(this.positions), status: Uint8Array.from(this.status) }
  }
}

