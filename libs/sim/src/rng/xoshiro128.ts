/**
 * Model-owned PRNG: xoshiro128** 1.1 (Blackman & Vigna), seeded through
 * splitmix32. Every random draw of the model goes through one instance held in
 * the model state, so a run is a pure function of (config, seed) and the
 * generator state can be snapshotted as four uint32 words.
 */

/** Serialisable generator state: the four 32-bit words of xoshiro128**. */
export type RngState = [number, number, number, number];

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** splitmix32 step used only to expand a seed into the xoshiro state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** xoshiro128** generator with NetLogo-flavoured helpers (`random`, `one-of`, …). */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /**
   * Seeds the generator from an integer seed (any safe integer, negatives
   * allowed). The upper 32 bits are folded into the splitmix32 start so that
   * seeds differing only above bit 31 still give different streams.
   */
  constructor(seed: number) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    const sm = { s: (lo ^ Math.imul(hi, 0x85ebca6b)) | 0 };
    this.s0 = splitmix32(sm);
    this.s1 = splitmix32(sm);
    this.s2 = splitmix32(sm);
    this.s3 = splitmix32(sm);
    // The all-zero state is a fixed point of xoshiro; splitmix32 cannot give
    // four zeros in a row, but guard anyway.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Creates a generator directly from a saved state. */
  static fromState(state: readonly number[]): Rng {
    const r = new Rng(0);
    r.setState(state);
    return r;
  }

  /** Next raw 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Uniform float in [0, 1) with 53 random bits (NetLogo `random-float 1`). */
  float(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / TWO_POW_53;
  }

  /** Uniform integer in {0..n-1} for an integer 1 ≤ n ≤ 2^32, without modulo bias. */
  below(n: number): number {
    if (n <= 1) return 0;
    // Reject the top partial bucket so every residue is equally likely:
    // limit = 2^32 − (2^32 mod n). x − ⌊x/n⌋·n is used for x % n: both
    // operands are integers ≤ 2^32, so the floor of the quotient is exact,
    // and it avoids the slow floating-point fmod.
    const limit = Math.floor(TWO_POW_32 / n) * n;
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return r - Math.floor(r / n) * n;
  }

  /**
   * NetLogo `random x` (MODEL.md §8.3): x > 0 → uniform on {0..⌈x⌉−1}
   * (a fractional x rounds up, e.g. random 4/3 ∈ {0,1}); x = 0 → 0; x < 0 →
   * the mirror image, uniform on {−(⌈−x⌉−1)..0}. No draw is made when the
   * range has a single value, which only changes which numbers are consumed.
   */
  int(x: number): number {
    if (x > 0) return this.below(Math.ceil(x));
    if (x < 0) {
      const v = this.below(Math.ceil(-x));
      return v === 0 ? 0 : -v;
    }
    return 0;
  }

  /** Normal(mean, sd) by Box–Muller; one value per call so the state stays four words. */
  normal(mean: number, sd: number): number {
    const u1 = 1 - this.float(); // (0, 1], avoids log(0)
    const u2 = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Exponential with the given mean: −mean·ln(1 − U), U ∈ [0,1) so the log is finite. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }

  /** In-place Fisher–Yates shuffle of the first `n` elements (default: all). */
  shuffle<T>(arr: T[], n: number = arr.length): T[] {
    for (let i = n - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const tmp = arr[i] as T;
      arr[i] = arr[j] as T;
      arr[j] = tmp;
    }
    return arr;
  }

  /** NetLogo `one-of`: a uniform element, or undefined (nobody) for an empty array. */
  oneOf<T>(arr: readonly T[]): T | undefined {
    if (arr.length === 0) return undefined;
    return arr[this.below(arr.length)];
  }

  /** Current state as four uint32 words (JSON-safe). */
  getState(): RngState {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** Restores a state produced by {@link getState}. */
  setState(state: readonly number[]): void {
    if (state.length !== 4 || state.some((w) => !Number.isInteger(w) || w < 0 || w > 0xffffffff)) {
      throw new Error('Rng.setState expects four uint32 words');
    }
    this.s0 = (state[0] as number) | 0;
    this.s1 = (state[1] as number) | 0;
    this.s2 = (state[2] as number) | 0;
    this.s3 = (state[3] as number) | 0;
  }
}
