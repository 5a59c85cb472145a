import { describe, expect, it } from 'vitest';
import { DesignError, validateDesign } from './design';

const valid = { name: 'x', repetitions: 2, steps: 100, enumerated: { 'initial-number-1s': [1, 3] } };

function errorOf(input: unknown, options = {}): DesignError {
  try {
    validateDesign(input, options);
  } catch (e) {
    if (e instanceof DesignError) return e;
    throw e;
  }
  throw new Error('expected a DesignError');
}

describe('validateDesign', () => {
  it('accepts a minimal and a full design', () => {
    expect(validateDesign(valid)).toEqual(valid);
    const full = {
      ...valid,
      metrics: ['count_1s'],
      runMetricsEveryStep: false,
      stepped: { 'new-9s-barrier': { first: 0.5, step: 0.1, last: 1 } },
      variant: 'final',
      fidelity: 'corrected',
      seed: -5,
    };
    expect(validateDesign(full)).toEqual(full);
  });

  it('names the offending field', () => {
    expect(errorOf(null).field).toBe('design');
    expect(errorOf({ ...valid, name: '' }).field).toBe('design.name');
    expect(errorOf({ ...valid, repetitions: 0 }).field).toBe('design.repetitions');
    expect(errorOf({ ...valid, steps: 1.5 }).field).toBe('design.steps');
    expect(errorOf({ ...valid, enumerated: { a: [1, null] } }).message).toBe(
      'design.enumerated["a"][1]: expected a finite number, boolean or string, got null',
    );
    expect(errorOf({ ...valid, enumerated: { a: [] } }).field).toBe('design.enumerated["a"]');
    expect(errorOf({ ...valid, stepped: { b: { first: 0, step: 0, last: 1 } } }).field).toBe(
      'design.stepped["b"].step',
    );
    expect(errorOf({ ...valid, stepped: { b: { first: 2, step: 1, last: 1 } } }).message).toMatch(/empty range/);
    expect(errorOf({ ...valid, stepped: { 'initial-number-1s': { first: 0, step: 1, last: 1 } } }).message).toMatch(
      /both enumerated and stepped/,
    );
    expect(errorOf({ ...valid, variant: 'D3' }).field).toBe('design.variant');
    expect(errorOf({ ...valid, fidelity: 1 }).field).toBe('design.fidelity');
    expect(errorOf({ ...valid, seed: 0.5 }).field).toBe('design.seed');
    expect(errorOf({ ...valid, metrics: ['a', 'a'] }).field).toBe('design.metrics[1]');
    expect(errorOf({ ...valid, repetiton: 3 }).field).toBe('design.repetiton');
  });

  it('checks names against known parameters and metrics when given', () => {
    const knownParams = new Set(['initial-number-1s']);
    expect(() => validateDesign(valid, { knownParams })).not.toThrow();
    expect(errorOf({ ...valid, enumerated: { 'initial-number-2s': [1] } }, { knownParams }).message).toMatch(
      /unknown parameter "initial-number-2s"/,
    );
    expect(errorOf({ ...valid, metrics: ['nope'] }, { knownMetrics: new Set(['count_1s']) }).field).toBe(
      'design.metrics[0]',
    );
  });
});
