// Dark intervals turned back into geometry: per street, the dark pieces as [lng, lat] lines with their lengths,
// joined across vertices so one dark stretch is one line.
//
// Typed-array reads below use `!`: every index is bounded by the arrays' construction, and
// noUncheckedIndexedAccess cannot see that.

import type { LngLat } from '../kernel/geo.ts'
import { MICROMETERS_PER_METER, measureSegmentM, type StreetModel } from './dark-zone-inputs.ts'
import type { DarkIntervalStore } from './dark-zones-kernel.ts'

// The open dark piece's vertices, [lng, lat] pairs, until it closes: then it becomes an array of exactly its size
// (growing a JS array by push leaves most of its backing store empty, which at a megacity's 90k dark lines doubled
// the garbage of a run). Written inline, not through a helper taking the numbers, so that they stay unboxed.
let pieceXY = new Float64Array(64)

function reservePiece(vertices: number): void {
  if (2 * vertices <= pieceXY.length) return
  const grown = new Float64Array(Math.max(2 * vertices, 2 * pieceXY.length))
  grown.set(pieceXY)
  pieceXY = grown
}

function toLine(n: number): LngLat[] {
  const line = new Array<LngLat>(n)
  for (let i = 0; i < n; i++) line[i] = [pieceXY[2 * i]!, pieceXY[2 * i + 1]!]
  return line
}

/**
 * The dark pieces of street s as [lng, lat] lines with their lengths (µm), in order along the street: pieces on
 * consecutive segments that meet at a vertex join into one line, and zero-length segments between them do not break
 * it. On a closed street (a roundabout) a piece through the closing vertex is one line, emitted last.
 */
export function traceDarkPieces(
  model: StreetModel,
  store: DarkIntervalStore,
  s: number,
  emit: (coordinates: LngLat[], lengthUm: number) => void,
): void {
  const { lng, lat, segmentLengthUm } = model
  const { offset, count, pool } = store
  const first = model.firstVertex[s]!
  const end = model.firstVertex[s + 1]! - 1
  const closed = end > first && lng[first] === lng[end] && lat[first] === lat[end]
  let open = 0 // vertices of the open piece in pieceXY; 0: none
  let openUm = 0
  let openAtStart = false // the open piece starts at the street's first vertex
  let atStart = true // no segment with length seen yet
  let held: LngLat[] | undefined // on a closed street, the piece from the first vertex: the last piece may continue into it
  let heldUm = 0
  for (let v = first; v < end; v++) {
    if (segmentLengthUm[v] === 0) continue
    const k = count[v]!
    const isFirstSegment = atStart
    atStart = false
    const lngA = lng[v]!
    const latA = lat[v]!
    const lngB = lng[v + 1]!
    const latB = lat[v + 1]!
    const lengthM = k === 0 ? 0 : measureSegmentM(lngA, latA, lngB, latB)
    const o = offset[v]!
    // i = k: the lit rest of a segment whose last dark piece stops short of its end closes the open piece.
    for (let i = 0; i <= k; i++) {
      const t0 = i < k ? pool[o + 2 * i]! : 1
      const t1 = i < k ? pool[o + 2 * i + 1]! : 1
      if (open > 0 && (t0 !== 0 || i === k)) {
        // Close the open piece: keep it aside if it may continue the last piece of a closed street.
        if (i === k && k > 0 && pool[o + 2 * k - 1] === 1) break // the last dark piece runs on into the next segment
        if (closed && openAtStart) {
          held = toLine(open)
          heldUm = openUm
        } else {
          emit(toLine(open), openUm)
        }
        open = 0
      }
      if (i === k) break
      reservePiece(open + 2)
      if (open === 0) {
        pieceXY[0] = t0 === 0 ? lngA : lngA + t0 * (lngB - lngA)
        pieceXY[1] = t0 === 0 ? latA : latA + t0 * (latB - latA)
        open = 1
        openUm = 0
        openAtStart = isFirstSegment && t0 === 0
      }
      pieceXY[2 * open] = t1 === 1 ? lngB : lngA + t1 * (lngB - lngA)
      pieceXY[2 * open + 1] = t1 === 1 ? latB : latA + t1 * (latB - latA)
      open++
      openUm += Math.round((t1 - t0) * lengthM * MICROMETERS_PER_METER)
    }
  }
  if (open > 0 && held !== undefined) {
    // Dark through the closing vertex: the last piece runs on into the first.
    const last = toLine(open)
    emit([...last, ...held.slice(1)], openUm + heldUm)
    return
  }
  if (open > 0) emit(toLine(open), openUm)
  if (held !== undefined) emit(held, heldUm)
}
