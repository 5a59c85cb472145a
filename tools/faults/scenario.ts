import type { FaultSystem } from './harness/fault-system';

/** One observed outcome of a scenario: a row of the report table. */
export interface StepResult {
  scenario: string;
  step: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface ScenarioContext {
  system: FaultSystem;
  /**
   * Runs one checked step. `check` returns a short detail for the table, or throws (`fail`) when
   * the outcome is wrong; a failed step ends the scenario (its cleanups still run).
   */
  step(name: string, check: () => Promise<string>): Promise<void>;
  /** Undo work for the end of the scenario, pass or fail (e.g. restart what it stopped). */
  onCleanup(fn: () => Promise<void> | void): void;
}

/**
 * A fault scenario: break one thing in the running system, assert what users see while it is
 * broken, repair it, assert recovery and that no data was lost. One file per scenario in
 * `scenarios/`, listed in `scenarios/index.ts`. It must leave the system healthy.
 */
export interface FaultScenario {
  name: string;
  summary: string;
  run(ctx: ScenarioContext): Promise<void>;
}

export class StepFailure extends Error {
  override name = 'StepFailure';
}

export function fail(message: string): never {
  throw new StepFailure(message);
}

export function expectThat(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}
