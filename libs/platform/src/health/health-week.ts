/**
 * The dashboard's time unit is the model's tick: one week, starting Monday 00:00 UTC
 * (PostgreSQL's `date_trunc('week', at)` on the UTC timestamps the ledger stores).
 * Weeks are named by their Monday as `YYYY-MM-DD`.
 */
export const MS_PER_DAY = 86_400_000;
export const MS_PER_WEEK = 7 * MS_PER_DAY;

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStartOf(at: Date): Date {
  const day = Math.floor(at.getTime() / MS_PER_DAY);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return new Date((day - sinceMonday) * MS_PER_DAY);
}

/** `YYYY-MM-DD` of the week's Monday. */
export function weekKey(at: Date): string {
  return weekStartOf(at).toISOString().slice(0, 10);
}

/** Parses a week key back to its Monday; throws on anything that is not a Monday. */
export function weekFromKey(key: string): Date {
  const d = new Date(`${key}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || weekKey(d) !== key) throw new RangeError(`Not a week key (a Monday as YYYY-MM-DD): ${key}`);
  return d;
}

/** Whole weeks from the week of `from` to the week of `to` (negative when `to` is earlier). */
export function weeksBetween(from: Date, to: Date): number {
  return Math.round((weekStartOf(to).getTime() - weekStartOf(from).getTime()) / MS_PER_WEEK);
}

/** The consecutive week keys from the week of `from` to the week of `to`, both included. */
export function weekRange(from: Date, to: Date): string[] {
  const keys: string[] = [];
  const start = weekStartOf(from).getTime();
  const end = weekStartOf(to).getTime();
  for (let t = start; t <= end; t += MS_PER_WEEK) keys.push(new Date(t).toISOString().slice(0, 10));
  return keys;
}
