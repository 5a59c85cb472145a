/**
 * Vuong's likelihood-ratio test for two non-nested models fitted to the same observations
 * (Vuong 1989, "Likelihood ratio tests for model selection and non-nested hypotheses"; used for
 * heavy-tailed data by Clauset, Shalizi & Newman 2009, §5.1 and appendix C).
 *
 * With ℓᵢ = ln p_A(xᵢ) − ln p_B(xᵢ): R = Σ ℓᵢ, ω̂² = (1/n) Σ (ℓᵢ − ℓ̄)², and the normalised ratio
 * R / (ω̂ √n) is asymptotically standard normal when neither model is closer to the truth. The
 * two-sided p = 2 Φ(−|R/(ω̂ √n)|) is the probability of a ratio at least this far from 0 by chance:
 * a small p says the sign of R (positive: A fits better) can be trusted.
 *
 * Caveat: the normal limit needs ω² > 0, i.e. the models must disagree on the data. For nested
 * models (one a special case or a limit of the other), when the data come from the shared
 * sub-family both fits converge to the same law, ω̂ → 0 and the normalised ratio is not normal;
 * p is then not a valid test, and a large p means only "indistinguishable". Nested models are
 * compared with the ordinary likelihood-ratio test instead (2R ~ χ² by Wilks' theorem).
 */
import { normalCdf } from './special-functions';

export interface VuongResult {
  /** Number of observations. */
  n: number;
  /** R = Σ (ln p_A − ln p_B): positive favours A. */
  logLikelihoodRatio: number;
  /** R / (ω̂ √n); 0 when the pointwise differences are all equal. */
  normalizedRatio: number;
  /** Two-sided p-value of the normalised ratio (1 when ω̂ = 0). */
  p: number;
}

/**
 * Vuong's test from the pointwise log-likelihoods of models A and B on the same n observations.
 * Throws a RangeError when the lengths differ, n < 2 or a value is not finite.
 */
export function vuongTest(logLikA: readonly number[], logLikB: readonly number[]): VuongResult {
  const n = logLikA.length;
  if (logLikB.length !== n) throw new RangeError(`vuongTest: ${n} and ${logLikB.length} log-likelihoods; they must pair up`);
  if (n < 2) throw new RangeError(`vuongTest: needs at least 2 observations, got ${n}`);
  const d = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = (logLikA[i] as number) - (logLikB[i] as number);
    if (!Number.isFinite(v)) throw new RangeError(`vuongTest: log-likelihoods at ${i} must be finite`);
    d[i] = v;
    sum += v;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((d[i] as number) - mean) ** 2;
  const omega = Math.sqrt(ss / n);
  // Relative to the size of the differences, so that rounding noise in identical models is 0.
  if (!(omega > 1e-12 * (Math.abs(mean) + 1))) return { n, logLikelihoodRatio: sum, normalizedRatio: 0, p: 1 };
  const normalizedRatio = sum / (omega * Math.sqrt(n));
  return { n, logLikelihoodRatio: sum, normalizedRatio, p: 2 * normalCdf(-Math.abs(normalizedRatio)) };
}
