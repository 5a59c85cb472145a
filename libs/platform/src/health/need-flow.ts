import { gini } from '@p2pvalue/sim';
import type { NeedFlowEvent } from './health.types';
import { MS_PER_WEEK, weekFromKey } from './health-week';

export interface NeedFlowWeek {
  needsOpened: number;
  needsFunded: number;
  needsDone: number;
}

/** Needs entering `open`, `funded` and `done` per week (from the recorded transitions). */
export function needFlow(weeks: readonly string[], transitions: readonly NeedFlowEvent[]): NeedFlowWeek[] {
  const out: NeedFlowWeek[] = weeks.map(() => ({ needsOpened: 0, needsFunded: 0, needsDone: 0 }));
  if (weeks.length === 0) return out;
  const origin = weekFromKey(weeks[0] as string).getTime();
  for (const t of transitions) {
    const w = out[Math.floor((t.at.getTime() - origin) / MS_PER_WEEK)];
    if (!w) continue;
    if (t.to === 'open') w.needsOpened++;
    else if (t.to === 'funded') w.needsFunded++;
    else w.needsDone++;
  }
  return out;
}

export interface FundingConcentration {
  /** Needs that took part in funding. */
  needs: number;
  /** Gini of the credits pledged per need (0 when fewer than two needs or nothing pledged). */
  gini: number;
  /** Credits pledged in total. */
  totalPledged: number;
}

/** Concentration of funding over needs: Gini of the pledges each need received. */
export function fundingConcentration(pledgesPerNeed: readonly number[]): FundingConcentration {
  const values = pledgesPerNeed.map((v) => Math.max(0, v));
  return { needs: values.length, gini: gini(values), totalPledged: values.reduce((a, b) => a + b, 0) };
}
