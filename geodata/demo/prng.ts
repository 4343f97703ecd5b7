// Seeded pseudo-random numbers for the demo generators, so every run from the same seed gives the same district.
// Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter, passes PractRand), seeded through splitmix32 so
// neighbouring seeds (1, 2, 3 …) give unrelated streams. Not for cryptography.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number
  /** True with the given probability (0…1). */
  chance(probability: number): boolean
  /** One item, uniformly; throws on an empty list (a caller bug). */
  pick<T>(items: readonly T[]): T
  /** One item with probability proportional to its weight; throws when no weight is positive. */
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T
  /** Gaussian via Box–Muller. */
  normal(mean?: number, sd?: number): number
  /** Exponential with the given mean (inverse-CDF). */
  exponential(mean: number): number
  /** Poisson count: Knuth's product method below mean 30, a rounded normal approximation above. */
  poisson(mean: number): number
  /** A shuffled copy (Fisher–Yates); the input is not touched. */
  shuffle<T>(items: readonly T[]): T[]
  /**
   * An independent stream derived from this stream's seed and a label, not from its current state, so adding
   * draws to one generator never shifts another generator's output.
   */
  fork(label: string): Random
}

const UINT32 = 4294967296 // 2^32

/** splitmix32 step (Vigna's splitmix64 constants cut to 32 bits): [next state, output]. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0
  let z = next
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  z ^= z >>> 16
  return [next, z >>> 0]
}

/** FNV-1a over the label's UTF-16 code units, mixed into the seed; used to derive fork seeds. */
function hashLabel(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** A seeded random stream; the seed is any finite number (truncated to 32 bits). */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`createRandom: seed must be a finite number, got ${seed}`)
  const seed32 = Math.trunc(seed) >>> 0
  let state = seed32
  const words: number[] = []
  for (let i = 0; i < 4; i++) {
    const [nextState, out] = splitmix32(state)
    state = nextState
    words.push(out)
  }
  let a = words[0] ?? 0
  let b = words[1] ?? 0
  let c = words[2] ?? 0
  let d = words[3] ?? 1

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // 12 warm-up rounds, as the sfc32 reference does, to spread the seed through the state
  for (let i = 0; i < 12; i++) nextUint32()

  const next = (): number => nextUint32() / UINT32

  const random: Random = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('Random.pick: expected a non-empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    pickWeighted: (items, weights) => {
      if (items.length !== weights.length) throw new Error('Random.pickWeighted: items and weights differ in length')
      let total = 0
      for (const w of weights) total += w > 0 ? w : 0
      if (!(total > 0)) throw new Error('Random.pickWeighted: expected at least one positive weight')
      let r = next() * total
      let last = -1
      for (let i = 0; i < items.length; i++) {
        const w = weights[i] ?? 0
        if (!(w > 0)) continue
        last = i
        r -= w
        if (r < 0) return items[i] as (typeof items)[number]
      }
      // floating-point leftovers land on the last positive weight
      return items[last] as (typeof items)[number]
    },
    normal: (mean = 0, sd = 1) => {
      // 1 - next() is in (0, 1], so the logarithm is finite
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    poisson: (mean) => {
      if (!(mean > 0)) return 0
      if (mean >= 30) return Math.max(0, Math.round(random.normal(mean, Math.sqrt(mean))))
      const limit = Math.exp(-mean)
      let k = 0
      let p = next()
      while (p > limit) {
        k++
        p *= next()
      }
      return k
    },
    shuffle: (items) => {
      const out = items.slice()
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const tmp = out[i] as (typeof out)[number]
        out[i] = out[j] as (typeof out)[number]
        out[j] = tmp
      }
      return out
    },
    fork: (label) => createRandom(hashLabel(seed32, label)),
  }
  return random
}
