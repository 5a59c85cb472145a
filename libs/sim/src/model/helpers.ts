/**
 * Small numeric and NetLogo-semantics helpers shared by the submodels.
 */
import type { Rng } from '../rng/xoshiro128';
import type { Person, ProjEntry, Project, SimState } from './types';

/** NetLogo `round`: ⌊x + 0.5⌋. */
export function nlRound(x: number): number {
  return Math.floor(x + 0.5);
}

/** Arithmetic mean; NaN for an empty array (callers guard, §8.3). */
export function mean(xs: readonly number[], from = 0, to = xs.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i] as number;
  return s / (to - from);
}

/** Sum of an array. */
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s;
}

/** NetLogo `median`: middle value or mean of the two middle values; NaN if empty. */
export function median(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const h = n >> 1;
  return n % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

/** Appends to a bounded history list (keeps the last `max` entries). */
export function pushHistory(h: number[], v: number, max = 10): void {
  h.push(v);
  // shift() in the usual one-over case: splice would allocate the removed part.
  if (h.length === max + 1) h.shift();
  else if (h.length > max) h.splice(0, h.length - max);
}

/** Δ = mean(last 3) − mean(all) of a history list (≥ 3 entries). */
export function recentTrend(h: readonly number[]): number {
  return mean(h, h.length - 3) - mean(h);
}

/** Replaces the contents of `dst` by those of `src` (reuses the array to avoid per-tick garbage). */
export function refill<T>(dst: T[], src: readonly T[]): T[] {
  // Assigning `length` is slow (a runtime call); it is done only when the length changes,
  // and growing goes through push so the array never becomes holey.
  const n = src.length;
  if (dst.length > n) dst.length = n;
  const m = dst.length;
  for (let i = 0; i < m; i++) dst[i] = src[i] as T;
  for (let i = m; i < n; i++) dst.push(src[i] as T);
  return dst;
}

/** Shuffled copy of an agent list: NetLogo `ask` visiting order (§8.1). */
export function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  return rng.shuffle(list.slice());
}

/** NetLogo `n-of k`: a uniform random subset of size ⌊k⌋ (k ≤ length). */
export function nOf<T>(rng: Rng, list: readonly T[], k: number): T[] {
  const n = Math.min(Math.floor(k), list.length);
  const a = list.slice();
  for (let i = 0; i < n; i++) {
    const j = i + rng.below(a.length - i);
    const tmp = a[i] as T;
    a[i] = a[j] as T;
    a[j] = tmp;
  }
  a.length = n;
  return a;
}

/** `nOf` on a scratch list that the caller no longer needs: the same draws and result, without the copy. */
export function nOfInPlace<T>(rng: Rng, list: T[], k: number): T[] {
  const n = Math.min(Math.floor(k), list.length);
  for (let i = 0; i < n; i++) {
    const j = i + rng.below(list.length - i);
    const tmp = list[i] as T;
    list[i] = list[j] as T;
    list[j] = tmp;
  }
  list.length = n;
  return list;
}

// Tie buffer shared by argminBy / argmaxBy (never re-entered: keys do not call them).
// It is overwritten by index and never shrunk, so a search allocates nothing.
const tieBuf: unknown[] = [];

/** Uniform random element among those with the minimum key (NetLogo `min-one-of`). */
export function argminBy<T>(rng: Rng, list: readonly T[], key: (x: T) => number): T | null {
  let best = Infinity;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as T;
    const v = key(x);
    if (v < best) {
      best = v;
      tieBuf[0] = x;
      n = 1;
    } else if (v === best) tieBuf[n++] = x;
  }
  return pickTie<T>(rng, n);
}

/** Uniform random element among those with the maximum key (NetLogo `max-one-of`). */
export function argmaxBy<T>(rng: Rng, list: readonly T[], key: (x: T) => number): T | null {
  // Same visiting order, comparisons and draws as argminBy on −key.
  let best = -Infinity;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as T;
    const v = key(x);
    if (v > best) {
      best = v;
      tieBuf[0] = x;
      n = 1;
    } else if (v === best) tieBuf[n++] = x;
  }
  return pickTie<T>(rng, n);
}

function pickTie<T>(rng: Rng, n: number): T | null {
  if (n === 0) return null;
  const pick = (n === 1 ? tieBuf[0] : tieBuf[rng.below(n)]) as T;
  tieBuf.fill(undefined, 0, n); // do not retain dead agents
  return pick;
}

/** Three distinct skills from 0..9 as a bitmask (NetLogo `n-of 3 range 10`). */
export function drawSkills(rng: Rng): number {
  let mask = 0;
  let n = 0;
  while (n < 3) {
    const b = 1 << rng.below(10);
    if ((mask & b) === 0) {
      mask |= b;
      n++;
    }
  }
  return mask;
}

/** typ3 ∈ skill. */
export function hasSkill(skillMask: number, typ3: number): boolean {
  return typ3 >= 0 && typ3 < 31 && (skillMask & (1 << typ3)) !== 0;
}

/** platform user draw: only when the platform is on (no draw otherwise, §5). */
export function drawUsingPlatform(st: SimState): boolean {
  return st.p.platformFeatures && st.rng.float() < st.p.proportionUsingPlatform;
}

// ------------------------------------------------ NetLogo lists of projects (§8.4)

/** A list element that behaves as `nobody` (nobody itself or a dead project). */
export function isNobodyEntry(e: ProjEntry): boolean {
  return e === null || (!Array.isArray(e) && !e.alive);
}

/** `member? p list` with §8.4 equality: a dead project or nobody matches any dead/nobody entry. */
export function listHas(list: readonly ProjEntry[], p: Project | null): boolean {
  if (p !== null && p.alive) {
    for (let i = 0; i < list.length; i++) if (list[i] === p) return true;
    return false;
  }
  for (let i = 0; i < list.length; i++) if (isNobodyEntry(list[i] as ProjEntry)) return true;
  return false;
}

/** `remove p list`: removes every equal top-level element. Returns the number removed. */
export function listRemove(list: ProjEntry[], p: Project | null): number {
  const nobody = p === null || !p.alive;
  let w = 0;
  let removed = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ProjEntry;
    const eq = nobody ? isNobodyEntry(e) : e === p;
    if (eq) removed++;
    else list[w++] = e;
  }
  list.length = w;
  return removed;
}

/**
 * Appends an element to a contributor's project list. Because every
 * nobody/dead element is equal to every other (§8.4), keeping more than one
 * of them is unobservable; the list is compacted to at most one such element
 * so that the B16 "append nobody every tick" quirk does not grow memory.
 */
export function listAppend(person: Person, e: ProjEntry): void {
  const list = person.projects;
  if (isNobodyEntry(e)) {
    if (list.some(isNobodyEntry)) return;
    list.push(e);
    return;
  }
  list.push(e);
  if (list.length > 32) compactList(list);
}

/** Collapses all nobody/dead elements into one `null` (semantics-preserving, see listAppend). */
export function compactList(list: ProjEntry[]): void {
  let sawNobody = false;
  let w = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ProjEntry;
    if (isNobodyEntry(e)) {
      if (sawNobody) continue;
      sawNobody = true;
      list[w++] = null;
    } else list[w++] = e;
  }
  list.length = w;
}

/** Marks (with `stamp`) the live projects that are direct elements of the list; returns how many distinct. */
export function markListed(list: readonly ProjEntry[], stamp: number): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (e && !Array.isArray(e) && e.alive && e.stamp !== stamp) {
      e.stamp = stamp;
      n++;
    }
  }
  return n;
}
