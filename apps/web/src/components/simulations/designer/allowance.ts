/** The researcher's allowance as the experiment.allowance procedure answers it. */
export interface Allowance {
  activeRuns: number;
  maxActiveRuns: number;
  remainingRuns: number;
  maxTicksPerRun: number;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Why a design cannot be queued under the operator's per-researcher limits, or null when it can
 * (the server checks the same again on submission).
 */
export function allowanceProblem(allowance: Allowance, design: { runs: number; steps: number }): string | null {
  if (design.steps > allowance.maxTicksPerRun) {
    return `Runs may have at most ${plural(allowance.maxTicksPerRun, 'tick', 'ticks')} here; this design asks for ${design.steps.toLocaleString('en')}. Lower the ticks per run.`;
  }
  if (design.runs > allowance.remainingRuns) {
    const waiting = `You have ${plural(allowance.activeRuns, 'run', 'runs')} queued or running, and at most ${allowance.maxActiveRuns.toLocaleString('en')} may be waiting at a time`;
    return allowance.remainingRuns > 0
      ? `${waiting}: this design adds ${plural(design.runs, 'run', 'runs')}, queue at most ${plural(allowance.remainingRuns, 'run', 'runs')} now (fewer values or repetitions), or wait for your experiments to finish.`
      : `${waiting}: wait for your experiments to finish, or cancel one.`;
  }
  return null;
}
