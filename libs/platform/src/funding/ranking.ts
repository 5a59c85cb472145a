import { progressBand, type TProgressBand } from './direct';

/**
 * Ranking of a project's open needs by support, with the model's "crowd-funding push" (MODEL.md
 * §7: projects with few tasks left get a boost): needs close to their goal are surfaced as
 * "almost there". Featured needs come first.
 */
export const ALMOST_THERE_RATIO = 0.75;

export interface RankableNeed {
  id: string;
  featured: boolean;
  goal: number;
  pledged: number;
  supporters: number;
  /** Last activity, for stable ordering of equal support. */
  updatedAt: Date;
}

export interface RankedNeed<T extends RankableNeed> {
  need: T;
  ratio: number;
  band: TProgressBand;
  almostThere: boolean;
}

export function rankNeeds<T extends RankableNeed>(needs: readonly T[]): RankedNeed<T>[] {
  return needs
    .map((need) => {
      const ratio = need.goal > 0 ? Math.min(1, need.pledged / need.goal) : 0;
      return { need, ratio, band: progressBand(ratio), almostThere: ratio >= ALMOST_THERE_RATIO && ratio < 1 };
    })
    .sort(
      (a, b) =>
        Number(b.need.featured) - Number(a.need.featured) ||
        Number(b.almostThere) - Number(a.almostThere) ||
        b.ratio - a.ratio ||
        b.need.supporters - a.need.supporters ||
        b.need.updatedAt.getTime() - a.need.updatedAt.getTime() ||
        (a.need.id < b.need.id ? -1 : 1),
    );
}
