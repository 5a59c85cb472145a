import { fitLogNormal, fitPowerLaw, gini, topShare, type LogNormalFit, type PowerLawFit } from '@p2pvalue/sim';

export interface Inequality {
  /** People with at least one contribution. */
  contributors: number;
  gini: number;
  top1Share: number;
  top10Share: number;
}

/**
 * Inequality of contributions per person, over contributors only (zeros left out, as the
 * model's lifetime-contribution vector holds contributors only): Gini, and the share of all
 * contributions made by the top 1 % and top 10 % (at least one person; libs/sim's `topShare`).
 */
export function contributionInequality(totals: readonly number[]): Inequality {
  const positive = totals.filter((v) => v > 0);
  if (positive.length === 0) return { contributors: 0, gini: 0, top1Share: 0, top10Share: 0 };
  return { contributors: positive.length, gini: gini(positive), top1Share: topShare(positive, 0.01), top10Share: topShare(positive, 0.1) };
}

export interface DistributionBin {
  /** Contributions per person in [from, to). */
  from: number;
  to: number;
  people: number;
}

export interface ContributionDistribution {
  /** Logarithmic bins 1, 2–3, 4–7, 8–15, … */
  bins: DistributionBin[];
  /** Discrete power law truncated at the largest value, xmin by KS (null with too few values). */
  powerLaw: { alpha: number; xmin: number; xmax: number; ks: number; n: number } | null;
  /** Log-normal maximum-likelihood fit (null with fewer than two distinct values). */
  logNormal: { mu: number; sigma: number; ks: number; n: number } | null;
}

/** Power-law fits need a tail to scan; below this the fit is not reported. */
const MIN_VALUES_FOR_FITS = 10;

/** Binned distribution of contributions per person with the two heavy-tail fits of libs/sim. */
export function contributionDistribution(totals: readonly number[]): ContributionDistribution {
  const positive = totals.filter((v) => v > 0).map((v) => Math.round(v));
  const bins: DistributionBin[] = [];
  const max = positive.reduce((m, v) => Math.max(m, v), 0);
  for (let from = 1; from <= max; from *= 2) bins.push({ from, to: from * 2, people: 0 });
  for (const v of positive) {
    const bin = bins[Math.floor(Math.log2(v))];
    if (bin) bin.people++;
  }
  let powerLaw: ContributionDistribution['powerLaw'] = null;
  let logNormal: ContributionDistribution['logNormal'] = null;
  if (positive.length >= MIN_VALUES_FOR_FITS && max > 1) {
    const fit: PowerLawFit | null = fitPowerLaw(positive, { discrete: true, xmax: max, minTail: MIN_VALUES_FOR_FITS });
    if (fit) powerLaw = { alpha: fit.alpha, xmin: fit.xmin, xmax: fit.xmax ?? max, ks: fit.ks, n: fit.n };
  }
  const ln: LogNormalFit | null = positive.length >= 2 ? fitLogNormal(positive) : null;
  if (ln) logNormal = { mu: ln.mu, sigma: ln.sigma, ks: ln.ks, n: ln.n };
  return { bins, powerLaw, logNormal };
}
