import { z } from 'zod';
import { DEFAULT_PRESET, EXPERIMENT_PRESETS, type Design } from '@p2pvalue/sim';
import { AppError } from '@p2pvalue/shared';
import type { ExperimentListCursor } from './experiment.repository';

export const ZListExperimentsInput = z.object({
  cursor: z.string().min(1).max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  /** `all`: every researcher's experiments (staff only). */
  scope: z.enum(['mine', 'all']).default('mine'),
});
export type TListExperimentsInput = z.input<typeof ZListExperimentsInput>;

export function encodeExperimentCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeExperimentCursor(cursor: string): ExperimentListCursor {
  try {
    const [at, id] = z.tuple([z.iso.datetime(), z.uuid()]).parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(at), id };
  } catch {
    throw new AppError('BAD_REQUEST', 'Invalid cursor.', { details: { field: 'cursor' } });
  }
}

/** What makes two designs the same experiment: its conditions, horizon and model variant (not name, repetitions, seed or metrics). */
function conditionsKey(design: Partial<Design>): string {
  const sorted = <T>(record: Record<string, T> | undefined) => Object.fromEntries(Object.entries(record ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([design.steps, sorted(design.enumerated), sorted(design.stepped), design.variant ?? 'D2.2', design.fidelity ?? 'faithful']);
}

const PRESET_KEYS = new Map([DEFAULT_PRESET, ...EXPERIMENT_PRESETS].map((p) => [conditionsKey(p), p.name]));
const PRESET_NAMES = new Set([DEFAULT_PRESET.name, ...EXPERIMENT_PRESETS.map((p) => p.name)]);

/**
 * The preset an experiment runs: the one whose conditions it repeats exactly (possibly with other
 * repetitions, seed or metrics), or, when it only carries a preset's name, that preset as modified.
 */
export function presetOfDesign(design: unknown): { name: string; modified: boolean } | null {
  if (typeof design !== 'object' || design === null) return null;
  const d = design as Partial<Design>;
  const exact = PRESET_KEYS.get(conditionsKey(d));
  if (exact) return { name: exact, modified: false };
  if (typeof d.name === 'string' && PRESET_NAMES.has(d.name)) return { name: d.name, modified: true };
  return null;
}
