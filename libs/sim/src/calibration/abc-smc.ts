import { Rng, type RngState } from '../rng';
import { effectiveSampleSize, weightedQuantile, weightedVariance } from './weighted-stats';

/**
 * ABC-SMC, the population Monte Carlo sampler of Beaumont et al. (2009) with the adaptive
 * tolerance of Del Moral et al. (2012) (docs/health.md, "Calibration"), as a serialisable state
 * machine so that simulating a batch can happen anywhere (in-process, or on the workers as an
 * experiment whose runs are the particles):
 *
 *   state = startAbcSmc(settings)
 *   while (!state.done) { const { state: s, proposals } = proposeBatch(state);
 *                         state = absorbBatch(s, await simulateAndMeasure(proposals)); }
 *
 * Generation 0 draws ⌈N/α⌉ particles from the uniform priors and keeps the N closest (its
 * tolerance is their largest distance). Generation t ≥ 1 targets ε_t = the weighted α-quantile
 * of generation t−1's distances; it proposes by picking a particle of t−1 by weight and
 * perturbing it with a Gaussian kernel of variance twice the weighted variance of t−1 (per
 * parameter), redrawn until it lies inside the prior; accepted particles (distance ≤ ε_t) weigh
 * π(θ) / Σ_j w_j K(θ | θ_j). Batches are simulated until N are accepted; if the generation's
 * simulation budget runs out first, it keeps the N closest it has (and records `relaxed`).
 * Every draw comes from the state's own PRNG, so the same settings and distances give the same
 * particles.
 */

/** A uniform prior on [min, max]. */
export interface UniformPrior {
  name: string;
  min: number;
  max: number;
}

export interface AbcSmcSettings {
  priors: UniformPrior[];
  /** N: particles per generation. */
  populationSize: number;
  /** Generations at most (generation 0 included). */
  maxGenerations: number;
  /** Quantile of the previous generation's distances that becomes the next tolerance (0 < α < 1). */
  alpha: number;
  /** Stop once a generation's tolerance is at or below this (0: never). */
  finalTolerance: number;
  /** Simulations one generation may use before it is relaxed (≥ N/α). */
  maxSimulationsPerGeneration: number;
  /** Stop when a generation accepted fewer than this share of its simulations. */
  minAcceptanceRate: number;
  seed: number;
}

export const DEFAULT_ABC_SMC_SETTINGS: Omit<AbcSmcSettings, 'priors' | 'seed'> = {
  populationSize: 50,
  maxGenerations: 4,
  alpha: 0.5,
  finalTolerance: 0,
  maxSimulationsPerGeneration: 400,
  minAcceptanceRate: 0.02,
};

export interface AbcParticle {
  params: Record<string, number>;
  distance: number;
  /** Normalised in a finished population; log importance weight while a generation is in progress. */
  weight: number;
}

/** A particle to simulate: its parameters and the seed of its run. */
export interface AbcProposal {
  params: Record<string, number>;
  seed: number;
  /** Log importance weight (the prior and kernel terms), used when it is accepted. */
  logWeight: number;
}

export interface AbcGenerationRecord {
  generation: number;
  tolerance: number;
  simulations: number;
  accepted: number;
  acceptanceRate: number;
  effectiveSampleSize: number;
  /** The budget ran out and the N closest were kept (the tolerance is theirs). */
  relaxed: boolean;
}

export type AbcStopReason = 'generations' | 'tolerance' | 'acceptance' | 'no-valid-runs';

export interface AbcSmcState {
  kind: 'abc-smc';
  settings: AbcSmcSettings;
  rng: RngState;
  /** The generation in progress (the last one once done). */
  generation: number;
  /** ε of the generation in progress; null in generation 0 (its tolerance is the N-th distance). */
  tolerance: number | null;
  /** The last finished generation. */
  population: AbcParticle[];
  /** Proposals handed out and not yet absorbed. */
  pending: AbcProposal[];
  /** Everything simulated in the generation in progress (weights are log weights). */
  tried: AbcParticle[];
  history: AbcGenerationRecord[];
  done: boolean;
  stopReason: AbcStopReason | null;
}

export class AbcSettingsError extends Error {}

function checkSettings(s: AbcSmcSettings): void {
  const fail = (m: string): never => {
    throw new AbcSettingsError(m);
  };
  if (s.priors.length === 0) fail('at least one parameter must be calibrated');
  const names = new Set<string>();
  for (const p of s.priors) {
    if (names.has(p.name)) fail(`parameter ${p.name} is listed twice`);
    names.add(p.name);
    if (!(Number.isFinite(p.min) && Number.isFinite(p.max) && p.min < p.max)) fail(`prior of ${p.name}: min must be below max`);
  }
  if (!(Number.isInteger(s.populationSize) && s.populationSize >= 4)) fail('populationSize must be an integer ≥ 4');
  if (!(Number.isInteger(s.maxGenerations) && s.maxGenerations >= 1)) fail('maxGenerations must be an integer ≥ 1');
  if (!(s.alpha > 0 && s.alpha < 1)) fail('alpha must be in (0, 1)');
  if (!(s.finalTolerance >= 0)) fail('finalTolerance must be ≥ 0');
  if (!(s.maxSimulationsPerGeneration >= Math.ceil(s.populationSize / s.alpha))) fail('maxSimulationsPerGeneration must be at least populationSize / alpha');
  if (!(s.minAcceptanceRate >= 0 && s.minAcceptanceRate < 1)) fail('minAcceptanceRate must be in [0, 1)');
  if (!Number.isSafeInteger(s.seed)) fail('seed must be an integer');
}

export function startAbcSmc(settings: AbcSmcSettings): AbcSmcState {
  checkSettings(settings);
  return {
    kind: 'abc-smc',
    settings,
    rng: new Rng(settings.seed).getState(),
    generation: 0,
    tolerance: null,
    population: [],
    pending: [],
    tried: [],
    history: [],
    done: false,
    stopReason: null,
  };
}

/** Standard deviations of the perturbation kernel: sqrt(2 × weighted variance) per parameter. */
export function kernelScales(population: readonly AbcParticle[], priors: readonly UniformPrior[]): number[] {
  const weights = population.map((p) => p.weight);
  return priors.map((prior) => {
    const sd = Math.sqrt(2 * weightedVariance(population.map((p) => p.params[prior.name] as number), weights));
    // A population collapsed on one value would stop moving; keep a sliver of the prior's width.
    return Math.max(sd, 1e-6 * (prior.max - prior.min));
  });
}

function logSumExp(xs: readonly number[]): number {
  const m = Math.max(...xs);
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
}

function drawFromPrior(rng: Rng, priors: readonly UniformPrior[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const p of priors) params[p.name] = p.min + (p.max - p.min) * rng.float();
  return params;
}

function pickByWeight(rng: Rng, population: readonly AbcParticle[]): AbcParticle {
  let u = rng.float();
  for (const p of population) {
    u -= p.weight;
    if (u < 0) return p;
  }
  return population[population.length - 1] as AbcParticle;
}

const MAX_REDRAWS = 10_000;

function perturb(rng: Rng, population: readonly AbcParticle[], priors: readonly UniformPrior[], scales: readonly number[]): Record<string, number> {
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    const parent = pickByWeight(rng, population);
    const params: Record<string, number> = {};
    let inside = true;
    priors.forEach((prior, k) => {
      const v = rng.normal(parent.params[prior.name] as number, scales[k] as number);
      if (v < prior.min || v > prior.max) inside = false;
      params[prior.name] = v;
    });
    if (inside) return params;
  }
  throw new AbcSettingsError('the perturbation kernel keeps leaving the prior; widen the prior ranges');
}

/** log of 1 / Σ_j w_j K(θ | θ_j) (the uniform prior is constant inside its support). */
function logImportanceWeight(params: Record<string, number>, population: readonly AbcParticle[], priors: readonly UniformPrior[], scales: readonly number[]): number {
  const terms = population.map((p) => {
    let q = 0;
    priors.forEach((prior, k) => {
      q += (((params[prior.name] as number) - (p.params[prior.name] as number)) / (scales[k] as number)) ** 2;
    });
    return Math.log(p.weight) - 0.5 * q;
  });
  return -logSumExp(terms);
}

/** The next batch of particles to simulate (and the state that remembers them). */
export function proposeBatch(state: AbcSmcState): { state: AbcSmcState; proposals: AbcProposal[] } {
  if (state.done) throw new AbcSettingsError('the calibration is finished');
  if (state.pending.length > 0) return { state, proposals: state.pending };
  const s = state.settings;
  const rng = Rng.fromState(state.rng);
  const budgetLeft = s.maxSimulationsPerGeneration - state.tried.length;
  let size: number;
  const proposals: AbcProposal[] = [];
  if (state.generation === 0) {
    size = Math.min(budgetLeft, Math.ceil(s.populationSize / s.alpha));
    for (let i = 0; i < size; i++) proposals.push({ params: drawFromPrior(rng, s.priors), seed: rng.nextUint32(), logWeight: 0 });
  } else {
    const accepted = state.tried.filter((p) => meets(p, state.tolerance as number)).length;
    const missing = s.populationSize - accepted;
    // Expected acceptance from this generation so far (a prior guess of α/2 before the first batch).
    const rate = state.tried.length === 0 ? s.alpha / 2 : Math.max(0.02, (accepted + 1) / (state.tried.length + 2));
    size = Math.min(budgetLeft, Math.max(missing, Math.ceil(missing / rate)));
    const scales = kernelScales(state.population, s.priors);
    for (let i = 0; i < size; i++) {
      const params = perturb(rng, state.population, s.priors, scales);
      proposals.push({ params, seed: rng.nextUint32(), logWeight: logImportanceWeight(params, state.population, s.priors, scales) });
    }
  }
  return { state: { ...state, rng: rng.getState(), pending: proposals }, proposals };
}

/**
 * Whether a simulated particle is within the tolerance. A failed run's distance is not finite, and
 * becomes null once the state has been through JSON; neither is ever accepted.
 */
function meets(p: AbcParticle, tolerance: number): boolean {
  return typeof p.distance === 'number' && Number.isFinite(p.distance) && p.distance <= tolerance;
}

function byDistance(a: AbcParticle, b: AbcParticle): number {
  return a.distance - b.distance;
}

function normalise(particles: readonly AbcParticle[]): AbcParticle[] {
  const logs = particles.map((p) => p.weight);
  const total = logSumExp(logs);
  return particles.map((p) => ({ ...p, weight: Math.exp(p.weight - total) }));
}

/**
 * Takes the distances of the pending proposals (same order; NaN or Infinity for a run that
 * failed, which is never accepted) and moves the sampler on: possibly finishing the generation,
 * possibly the whole calibration.
 */
export function absorbBatch(state: AbcSmcState, distances: readonly number[]): AbcSmcState {
  if (distances.length !== state.pending.length) throw new AbcSettingsError(`expected ${state.pending.length} distances, got ${distances.length}`);
  const s = state.settings;
  const tried = [
    ...state.tried,
    ...state.pending.map((p, i) => {
      const d = distances[i] as number;
      return { params: p.params, distance: Number.isFinite(d) ? d : Infinity, weight: p.logWeight };
    }),
  ];
  const next: AbcSmcState = { ...state, pending: [], tried };
  const valid = tried.filter((p) => meets(p, Infinity));
  let accepted: AbcParticle[];
  let tolerance: number;
  let relaxed = false;
  if (state.generation === 0) {
    if (valid.length < 2) return { ...next, done: true, stopReason: 'no-valid-runs' };
    accepted = [...valid].sort(byDistance).slice(0, s.populationSize);
    tolerance = (accepted[accepted.length - 1] as AbcParticle).distance;
    accepted = accepted.map((p) => ({ ...p, weight: 0 }));
  } else {
    tolerance = state.tolerance as number;
    accepted = tried.filter((p) => meets(p, tolerance));
    if (accepted.length >= s.populationSize) {
      accepted = accepted.slice(0, s.populationSize);
    } else if (tried.length < s.maxSimulationsPerGeneration) {
      return next;
    } else {
      if (valid.length < 2) return { ...next, done: true, stopReason: 'no-valid-runs' };
      accepted = [...valid].sort(byDistance).slice(0, s.populationSize);
      tolerance = (accepted[accepted.length - 1] as AbcParticle).distance;
      relaxed = true;
    }
  }
  const population = normalise(accepted);
  const acceptanceRate = relaxed ? valid.filter((p) => meets(p, state.tolerance as number)).length / tried.length : population.length / tried.length;
  const record: AbcGenerationRecord = {
    generation: state.generation,
    tolerance,
    simulations: tried.length,
    accepted: population.length,
    acceptanceRate,
    effectiveSampleSize: effectiveSampleSize(population.map((p) => p.weight)),
    relaxed,
  };
  const finished: AbcSmcState = { ...next, population, tried: [], history: [...state.history, record] };
  let stopReason: AbcStopReason | null = null;
  if (state.generation + 1 >= s.maxGenerations) stopReason = 'generations';
  else if (tolerance <= s.finalTolerance) stopReason = 'tolerance';
  else if (state.generation > 0 && acceptanceRate < s.minAcceptanceRate) stopReason = 'acceptance';
  if (stopReason) return { ...finished, done: true, stopReason };
  const target = weightedQuantile(
    population.map((p) => p.distance),
    population.map((p) => p.weight),
    s.alpha,
  );
  return { ...finished, generation: state.generation + 1, tolerance: Math.max(s.finalTolerance, target) };
}

/** Runs a calibration to the end with `simulate` returning one distance per proposal. */
export async function runAbcSmc(settings: AbcSmcSettings, simulate: (proposals: AbcProposal[]) => readonly number[] | Promise<readonly number[]>): Promise<AbcSmcState> {
  let state = startAbcSmc(settings);
  while (!state.done) {
    const batch = proposeBatch(state);
    state = absorbBatch(batch.state, await simulate(batch.proposals));
  }
  return state;
}
