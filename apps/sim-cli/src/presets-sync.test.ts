import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_PRESETS } from './sim-lib';

// shared/ sits beside the repository checkout (locally and in CI); skip when it is not there.
const SOURCE = fileURLToPath(new URL('../../../../shared/sim/experiments.json', import.meta.url));

interface SourceExperiment {
  name: string;
  repetitions: number;
  steps: number;
  runMetricsEveryStep: boolean;
  inFiles: string[];
  seed: number | null;
  metrics: string[];
  enumerated: Record<string, unknown[]>;
}

describe('embedded presets', () => {
  it.skipIf(!existsSync(SOURCE))('match shared/sim/experiments.json exactly, including value-set order', () => {
    const source = JSON.parse(readFileSync(SOURCE, 'utf8')) as SourceExperiment[];
    expect(EXPERIMENT_PRESETS.map((d) => d.name)).toEqual(source.map((e) => e.name));
    for (const [i, e] of source.entries()) {
      const d = EXPERIMENT_PRESETS[i];
      expect(d?.repetitions).toBe(e.repetitions);
      expect(d?.steps).toBe(e.steps);
      expect(d?.runMetricsEveryStep).toBe(e.runMetricsEveryStep);
      expect(d?.metrics).toEqual(e.metrics);
      expect(d?.seed ?? null).toBe(e.seed);
      expect(d?.variant ?? 'D2.2').toBe(e.inFiles.includes('D2.2') ? 'D2.2' : 'final');
      expect(Object.keys(d?.enumerated ?? {})).toEqual(Object.keys(e.enumerated));
      expect(d?.enumerated).toEqual(e.enumerated);
    }
  });
});
