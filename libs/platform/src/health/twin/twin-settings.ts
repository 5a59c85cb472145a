import { z } from 'zod';
import { getParameterSpec, parameterLimits, type AbcSmcSettings, type UniformPrior } from '@p2pvalue/sim';
import { AppError } from '@p2pvalue/shared';

/**
 * What a community admin chooses when starting a calibration, with defaults that finish in a few
 * minutes on one worker. The default priors are the model's entry and exit rates and the
 * conversion of consumers (docs/health.md, "Calibration").
 */
export const DEFAULT_TWIN_PRIORS: readonly UniformPrior[] = [
  // Joins: consumption-triggered batches of #90s (and chance arrivals below 2).
  { name: 'new-90s-barrier', min: 0.5, max: 3 },
  // Exits.
  { name: 'chance-90s-exit', min: 0, max: 0.1 },
  { name: 'chance-9s-exit', min: 0, max: 0.05 },
  // #90 → #9.
  { name: 'chance-90-find-a-task', min: 0, max: 0.03 },
];

/** The setup parameters come from the community itself and cannot be calibrated. */
const NOT_CALIBRATED = new Set(['initial-number-1s', 'initial-number-9s', 'initial-number-90s', 'initial-projects', 'initial-tasks']);

export const ZTwinSettingsInput = z
  .object({
    priors: z
      .array(z.object({ name: z.string().min(1).max(80), min: z.number(), max: z.number() }).strict())
      .min(1)
      .max(6)
      .default(() => DEFAULT_TWIN_PRIORS.map((p) => ({ ...p }))),
    populationSize: z.number().int().min(4).max(200).default(30),
    generations: z.number().int().min(1).max(10).default(3),
    alpha: z.number().min(0.2).max(0.8).default(0.5),
    fitWeeks: z.number().int().min(4).max(260).default(52),
    horizonWeeks: z.number().int().min(4).max(260).default(260),
    forecastDraws: z.number().int().min(2).max(50).default(10),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  })
  .strict();
export type TTwinSettingsInput = z.input<typeof ZTwinSettingsInput>;

export interface TwinSettings {
  priors: UniformPrior[];
  populationSize: number;
  generations: number;
  alpha: number;
  fitWeeks: number;
  horizonWeeks: number;
  forecastDraws: number;
  seed: number;
}

function refuse(field: string, reason: string): never {
  throw new AppError('BAD_REQUEST', `${field}: ${reason}`, { details: { reason: 'INVALID_TWIN_SETTINGS', field } });
}

/** Validates the settings (each prior a numeric model parameter, within its limits). */
export function resolveTwinSettings(input: unknown, fallbackSeed: number): TwinSettings {
  const parsed = ZTwinSettingsInput.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(['settings', ...(issue?.path ?? []).map(String)].join('.'), issue?.message ?? 'invalid settings');
  }
  const s = parsed.data;
  const seen = new Set<string>();
  s.priors.forEach((p, i) => {
    const field = `settings.priors[${i}]`;
    const spec = getParameterSpec(p.name);
    if (!spec || spec.type !== 'number' || NOT_CALIBRATED.has(p.name)) refuse(field, `"${p.name}" is not a calibratable parameter (a real-valued model parameter)`);
    if (seen.has(p.name)) refuse(field, `"${p.name}" is listed twice`);
    seen.add(p.name);
    const { min, max } = parameterLimits(spec);
    if (!(p.min < p.max)) refuse(field, 'min must be below max');
    if (p.min < min || p.max > max) refuse(field, `"${p.name}" must stay in [${min}, ${max}]`);
  });
  return { ...s, seed: s.seed ?? fallbackSeed };
}

/** The sampler's settings: the budget of a generation is three times its first batch. */
export function abcSettingsOf(s: TwinSettings): AbcSmcSettings {
  return {
    priors: s.priors,
    populationSize: s.populationSize,
    maxGenerations: s.generations,
    alpha: s.alpha,
    finalTolerance: 0,
    maxSimulationsPerGeneration: 3 * Math.ceil(s.populationSize / s.alpha),
    minAcceptanceRate: 0.02,
    seed: s.seed,
  };
}
