// Standard normal tail probabilities to full double precision, for the p-values of z-scores.
//
// W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for the error
// function", Math. Comp. 23 (1969) 631–637; the coefficients are those of his ANORM routine in
// ACM TOMS Algorithm 715, 1993, which R's pnorm also uses). Three intervals of |x|: [0, 0.674…],
// (0.674…, √32] and (√32, 37.5193); relative error below 1e-15 in each, tails included, because the
// tail is computed directly rather than as 1 − Φ.

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113] as const
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956] as const
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
] as const
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
  0.02307344176494017303,
] as const
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const

const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934
const SQRT_32 = 5.656854249492380195206754896838
const QUARTILE = 0.67448975 // Φ⁻¹(3/4): the first interval's end
const UNDERFLOW = 37.5193 // beyond this Q(x) < 2⁻¹⁰⁷⁴ and rounds to 0

/** exp(−x²/2) · factor, with x² split so the exponent keeps full precision for large x (Cody's trick). */
function gaussianTimes(x: number, factor: number): number {
  const xsq = Math.trunc(x * 16) / 16
  const del = (x - xsq) * (x + xsq)
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * factor
}

/**
 * Upper tail Q(x) = P(Z > x) = 1 − Φ(x) of the standard normal distribution, to about 1e-15 relative
 * error over the whole range (0 beyond x ≈ 37.5, 1 below x ≈ −37.5). NaN gives NaN.
 */
export function normalUpperTail(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  const y = Math.abs(x)
  let upper: number // Q(y) for y ≥ 0
  if (y <= QUARTILE) {
    let num = 0
    let den = 0
    if (y > Number.EPSILON * 0.5) {
      const ysq = y * y
      num = A[4] * ysq
      den = ysq
      for (let i = 0; i < 3; i++) {
        num = (num + A[i]!) * ysq
        den = (den + B[i]!) * ysq
      }
    }
    upper = 0.5 - (y * (num + A[3])) / (den + B[3])
  } else if (y <= SQRT_32) {
    let num = C[8] * y
    let den = y
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y
      den = (den + D[i]!) * y
    }
    upper = gaussianTimes(y, (num + C[7]) / (den + D[7]))
  } else if (y < UNDERFLOW) {
    const ysq = 1 / (y * y)
    let num = P[5] * ysq
    let den = ysq
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * ysq
      den = (den + Q[i]!) * ysq
    }
    const r = (ysq * (num + P[4])) / (den + Q[4])
    upper = gaussianTimes(y, (ONE_OVER_SQRT_2PI - r) / y)
  } else {
    upper = 0
  }
  return x >= 0 ? upper : 1 - upper
}

/** Standard normal distribution function Φ(x) = P(Z ≤ x), as accurate as {@link normalUpperTail}. */
export function normalCdf(x: number): number {
  return normalUpperTail(-x)
}

/** Two-sided p-value 2·(1 − Φ(|z|)) of a z-score, computed from the tail so tiny p keep their precision. NaN gives NaN. */
export function twoSidedPValue(z: number): number {
  return 2 * normalUpperTail(Math.abs(z))
}
