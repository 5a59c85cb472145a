import { describe, expect, it } from 'vitest';
import { METRICS, VECTORS } from '../observe/registry';
import { createRun, type RunOptions, type SimConfig } from './run';

/**
 * Golden outputs: performance work on the engine (indexes, lazy lists, data layout) must not change
 * any result. Each case pins a hash of the full output (every metric at every tick, every vector)
 * and of the end state (a snapshot: agent-set orders, link buckets, RNG state), so a change that
 * alters a trajectory, or only an order that a later tick would read, fails here. The stamp counter
 * is left out: it is scratch bookkeeping that no result depends on.
 *
 * The final variant's friendship network grows dense with community size (average degree in the
 * hundreds at 10× the default community), which is where the engine's shortcuts live; the cases
 * use a 3× community for a short horizon to stay fast while reaching that regime.
 * If a change is meant to alter results, bump MODEL_VERSION and record the new hashes.
 */

/** cyrb53: a 53-bit string hash (no Node built-ins in libs/sim). */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** A community k times the final variant's default (5 projects, 5/45/450 people, as scripts/bench-sim.ts scales it). */
function finalCommunity(k: number): Record<string, number> {
  return { 'initial-projects': 5 * k, 'initial-number-1s': 5 * k, 'initial-number-9s': 45 * k, 'initial-number-90s': 450 * k };
}

const opts: RunOptions = { ticks: 40, metrics: [...METRICS.keys()], vectors: [...VECTORS.keys()] };

const cases: [string, SimConfig, { output: string; state: string }][] = [
  ['final faithful, 3× community', { seed: 7, variant: 'final', params: finalCommunity(3) }, { output: 'a0b60e5a12454', state: '8920f592ec81d' }],
  ['final corrected, 3× community', { seed: 8, variant: 'final', fidelity: 'corrected', params: finalCommunity(3) }, { output: 'ad00fa5ac0ed0', state: '2b578f071af39' }],
];

describe('golden outputs', () => {
  for (const [name, cfg, expected] of cases) {
    it(`are unchanged (${name})`, () => {
      const run = createRun(cfg, opts);
      run.stepTo(opts.ticks);
      const snapshot = run.snapshot();
      const { stampCounter: _scratch, ...state } = snapshot.state;
      expect({ output: hash53(JSON.stringify(run.output())), state: hash53(JSON.stringify(state)) }).toEqual(expected);
    }, 120_000); // about 2 s of CPU each, but the machine may be shared
  }
});
