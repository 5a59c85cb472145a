/**
 * S16 update-90s-and-9s-and-1s-positions (MODEL.md §7 S16): every 20 ticks,
 * sequential drift of y towards friends (#9s, #1s) or co-consumers (#90s).
 */
import { friendCount, friendLinks, friendOf } from '../entities';
import { shuffled } from '../helpers';
import type { Person, SimState } from '../types';

/** Two sequential tests (not if/else), each drawing only when its comparison holds. */
function drift(st: SimState, p: Person, ybar: number, threshold: number): number {
  const y0 = p.y;
  if (ybar > p.y && st.rng.float() > threshold) p.y += 1;
  if (ybar < p.y && st.rng.float() > threshold) p.y -= 1;
  return p.y - y0;
}

function friendMeanY(p: Person): number {
  let s = 0;
  const fs = friendLinks(p);
  for (const l of fs) s += friendOf(l, p).y;
  return s / fs.length;
}

/**
 * Sums of y and counts of consumers per non-empty subset of ≤ 3 products:
 * the union of a #90's products' consumers is then obtained by
 * inclusion–exclusion in O(1), and kept exact as #90s move (y values are
 * integers, so the sums are exact).
 */
class CoConsumerIndex {
  private readonly sumY = new Map<string, number>();
  private readonly count = new Map<string, number>();

  private static keys(p: Person): { key: string; size: number }[] {
    const ids = p.products.map((q) => q.id).sort((a, b) => a - b);
    const out: { key: string; size: number }[] = [];
    const n = ids.length;
    for (let mask = 1; mask < 1 << n; mask++) {
      const parts: number[] = [];
      for (let i = 0; i < n; i++) if (mask & (1 << i)) parts.push(ids[i] as number);
      out.push({ key: parts.join(','), size: parts.length });
    }
    return out;
  }

  add(p: Person, dy: number, dc: number): void {
    for (const { key } of CoConsumerIndex.keys(p)) {
      this.sumY.set(key, (this.sumY.get(key) ?? 0) + dy);
      this.count.set(key, (this.count.get(key) ?? 0) + dc);
    }
  }

  meanY(p: Person): number {
    let s = 0;
    let c = 0;
    for (const { key, size } of CoConsumerIndex.keys(p)) {
      const sign = size % 2 === 1 ? 1 : -1;
      s += sign * (this.sumY.get(key) ?? 0);
      c += sign * (this.count.get(key) ?? 0);
    }
    return s / c;
  }
}

/** Runs S16 (the caller checks ticks mod 20 = 0). */
export function updatePositions(st: SimState): void {
  const rng = st.rng;
  for (const p of shuffled(rng, st.nines)) {
    if (p.alive && friendCount(p) > 0) drift(st, p, friendMeanY(p), 0.5);
  }
  const idx = new CoConsumerIndex();
  for (const p of st.nineties) if (p.products.length > 0) idx.add(p, p.y, 1);
  for (const p of shuffled(rng, st.nineties)) {
    if (!p.alive || p.products.length === 0) continue;
    const dy = drift(st, p, idx.meanY(p), 0.5);
    if (dy !== 0) idx.add(p, dy, 0);
  }
  for (const p of shuffled(rng, st.ones)) {
    if (p.alive && friendCount(p) > 0) drift(st, p, friendMeanY(p), 0.8);
  }
}
