/** Number formats of the health dashboard (plain functions, usable on the server and the client). */
export const percent = (x: number | null, digits = 1): string => (x === null ? '–' : `${(x * 100).toFixed(digits)} %`);

export const decimal = (x: number | null, digits = 2): string => (x === null ? '–' : x.toFixed(digits));

/** `2026-03-02` → `2 Mar 2026` (UTC, as weeks are). */
export function weekLabel(week: string): string {
  const d = new Date(`${week}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
