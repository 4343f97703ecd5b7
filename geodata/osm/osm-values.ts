// Reading OSM XML attribute text as numbers, strictly: a bad id or coordinate stops the import with the element
// named, rather than turning into NaN or a silently rounded id. Shared by every XML reader.

/** A finite number, or throws `<who>: <what> is not a number`. */
export function readOsmNumber(text: string, what: string, who: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`${who}: ${what} is not a number: "${text}"`)
  return n
}

/** An id within 2^53 (beyond it a JS number would round it to another id), or throws. */
export function readOsmId(text: string, what: string, who: string): number {
  const n = readOsmNumber(text, what, who)
  if (!Number.isSafeInteger(n)) throw new Error(`${who}: ${what} is not a safe integer: "${text}"`)
  return n
}
