/** The fields of a stored design that the submit procedure takes back (it refuses unknown keys). */
const DESIGN_KEYS = ['name', 'repetitions', 'steps', 'metrics', 'runMetricsEveryStep', 'enumerated', 'stepped', 'lhs', 'variant', 'fidelity', 'seed'] as const;

/** A stored design (an experiment's `design` column) as a design to submit or edit again. */
export function resubmittableDesign(design: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(DESIGN_KEYS.filter((key) => design[key] !== undefined && design[key] !== null).map((key) => [key, design[key]]));
}

/** A fresh root seed (the designer's seed field takes any 31-bit integer). */
export function newRootSeed(): number {
  const [value = 1] = crypto.getRandomValues(new Uint32Array(1));
  return (value % 2_147_483_646) + 1;
}
