import { describe, it, expect } from 'vitest';
import { PARAMETERS } from './parameters';
import { defaultParams, resolveParams } from './resolve-params';
import { FIX_FLAGS } from './port-config';
import { resolveConfig } from './sim-config';
import { SimConfigError } from './sim-config-error';

function errorOf(f: () => unknown): SimConfigError {
  try {
    f();
  } catch (e) {
    if (e instanceof SimConfigError) return e;
    throw e;
  }
  throw new Error('expected a SimConfigError');
}

describe('parameters', () => {
  it('holds the 54 interface parameters', () => {
    expect(PARAMETERS).toHaveLength(54);
    expect(new Set(PARAMETERS.map((p) => p.name)).size).toBe(54);
  });

  it('takes D2.2 defaults vs final defaults by variant', () => {
    const d = defaultParams('D2.2');
    const f = defaultParams('final');
    expect(d['initial-number-1s']).toBe(1);
    expect(f['initial-number-1s']).toBe(5);
    expect(d['max-modularity']).toBe(20);
    expect(f['max-modularity']).toBe(1);
    expect(d['chance-consumer-link-breaks']).toBe(0.05);
    expect(f['chance-consumer-link-breaks']).toBe(0.345);
    // final-only parameters take their final defaults in D2.2 runs too
    expect(d['reward-mechanism-2']).toBe('reputation');
    expect(Object.keys(d)).toHaveLength(54);
  });

  it('rejects unknown parameters, naming them', () => {
    const e = errorOf(() => resolveParams('D2.2', { 'initial-number-2s': 3 }));
    expect(e.key).toBe('initial-number-2s');
    expect(e.message).toContain('initial-number-2s');
  });

  it('rejects out-of-range values with the allowed range', () => {
    const e = errorOf(() => resolveParams('D2.2', { 'chance-9s-exit': 1.5 }));
    expect(e.message).toContain('chance-9s-exit');
    expect(e.message).toContain('[0, 1]');
    expect(() => resolveParams('D2.2', { 'initial-number-1s': -1 })).toThrow(SimConfigError);
  });

  it('rejects wrong types and non-integers for integer parameters', () => {
    expect(errorOf(() => resolveParams('D2.2', { 'initial-number-9s': 2.5 })).message).toContain('integer');
    expect(errorOf(() => resolveParams('D2.2', { 'platform-features': 'yes' })).message).toContain('boolean');
    expect(() => resolveParams('D2.2', { 'chance-9s-exit': '0.1' })).toThrow(SimConfigError);
    expect(() => resolveParams('D2.2', { 'chance-9s-exit': Number.NaN })).toThrow(SimConfigError);
  });

  it('rejects unknown choice options and lists the allowed ones', () => {
    const e = errorOf(() => resolveParams('D2.2', { 'reward-mechanism': 'thanks only' }));
    expect(e.message).toContain("\"'thanks' only\"");
    expect(resolveParams('D2.2', { 'reward-mechanism': "'thanks' only" })['reward-mechanism']).toBe("'thanks' only");
  });

  it('accepts the BehaviorSpace value new-9s-barrier = 0.4 but rejects initial-projects = 0 (§9 E7)', () => {
    expect(resolveParams('D2.2', { 'new-9s-barrier': 0.4 })['new-9s-barrier']).toBe(0.4);
    expect(errorOf(() => resolveParams('D2.2', { 'initial-projects': 0 })).message).toContain('[1, 50]');
  });
});

describe('resolveConfig', () => {
  it('defaults: D2.2, faithful, guard, d22 completion and volume, xm 0', () => {
    const c = resolveConfig({ seed: 1 });
    expect(c.variant).toBe('D2.2');
    expect(c.fidelity).toBe('faithful');
    expect(c.onNetLogoRuntimeError).toBe('guard');
    expect(c.taskCompletion).toBe('d22');
    expect(c.volumeRule).toBe('d22');
    expect(c.paretoXm).toBe(0);
    expect(Object.values(c.fixes).every((v) => v === false)).toBe(true);
    expect(resolveConfig({ seed: 1, variant: 'final' }).volumeRule).toBe('pareto');
  });

  it('corrected switches every fix on; single fixes can be toggled (with or without "fix.")', () => {
    const c = resolveConfig({ seed: 1, fidelity: 'corrected' });
    expect(FIX_FLAGS.every((f) => c.fixes[f])).toBe(true);
    expect(c.paretoXm).toBe(1);
    const d = resolveConfig({ seed: 1, fidelity: 'corrected', fixes: { oneDropTypo: false, 'fix.taskVolume': false } });
    expect(d.fixes.oneDropTypo).toBe(false);
    expect(d.fixes.taskVolume).toBe(false);
    expect(d.fixes.friendDrop).toBe(true);
    const e = resolveConfig({ seed: 1, fixes: { noOrphans: true } });
    expect(e.fixes.noOrphans).toBe(true);
    expect(e.fixes.taskSkills).toBe(false);
  });

  it('validates options', () => {
    expect(errorOf(() => resolveConfig({ seed: 1.5 })).key).toBe('seed');
    expect(errorOf(() => resolveConfig({ seed: 1, variant: 'D3' as never })).message).toContain('"D2.2", "final"');
    expect(errorOf(() => resolveConfig({ seed: 1, fixes: { nope: true } as never })).message).toContain('Unknown fix flag');
    expect(errorOf(() => resolveConfig({ seed: 1, taskCompletion: 'final-bug' })).key).toBe('taskCompletion');
    expect(resolveConfig({ seed: 1, variant: 'final', taskCompletion: 'final-bug' }).taskCompletion).toBe('final-bug');
    expect(errorOf(() => resolveConfig({ seed: 1, bogus: 1 } as never)).key).toBe('bogus');
    expect(errorOf(() => resolveConfig({ seed: 1, paretoXm: -1 })).key).toBe('paretoXm');
  });
});
