// Benjamini–Hochberg false discovery rate cut-offs (Benjamini & Hochberg 1995, J. R. Stat. Soc. B 57:289–300),
// as ArcGIS's Hot Spot Analysis "Apply False Discovery Rate (FDR) Correction" and PySAL's esda.fdr use them:
// the p-values themselves stay unadjusted; only the critical p at which a test counts as significant moves.

/**
 * BH critical p-values for several levels at once: for each α, the largest sorted p-value p₍ₖ₎ with
 * p₍ₖ₎ ≤ k·α/m (m = number of p-values); a test is significant at α iff p ≤ that cut-off. Returns −1
 * for a level at which nothing is significant, so `p <= cutoff` is then false for every p. NaN p-values
 * count towards m but are never significant. Empty input → −1 for every level. Sorts a copy once:
 * O(m log m); does not mutate `pValues`.
 */
export function computeBhCutoffs(pValues: ArrayLike<number>, alphas: readonly number[]): number[] {
  for (const alpha of alphas) {
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`computeBhCutoffs: alpha must be in (0, 1), got ${alpha}`)
  }
  const m = pValues.length
  const sorted = Float64Array.from(pValues)
  sorted.sort() // typed-array sort is numeric; NaN sorts last
  const cutoffs = alphas.map(() => -1)
  // One pass from the largest p down: the first k (from the top) that satisfies p₍ₖ₎ ≤ kα/m is the BH k for that α.
  let remaining = alphas.length
  for (let k = m; k >= 1 && remaining > 0; k--) {
    const p = sorted[k - 1]!
    if (Number.isNaN(p)) continue
    for (let a = 0; a < alphas.length; a++) {
      if (cutoffs[a] === -1 && p <= (k * alphas[a]!) / m) {
        cutoffs[a] = p
        remaining--
      }
    }
  }
  return cutoffs
}
