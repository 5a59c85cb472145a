/**
 * Uniform grid over the 51×51 world for nearest-neighbour searches with
 * optional per-candidate noise (NetLogo `min-one-of … [distance myself + noise]`).
 *
 * Cells keep their members sorted by id so that the visiting order (and hence
 * which random draw goes to which candidate) depends only on the state, not on
 * the history of insertions: a state rebuilt from a snapshot searches exactly
 * like the original.
 */
import type { Rng } from '../rng/xoshiro128';
import { insertAt, removeAt } from './arrays';

/** What the grid needs from an entity. */
export interface GridItem {
  id: number;
  x: number;
  y: number;
  cell: number;
}

const ORIGIN = -26;
const EXTENT = 52;

export class SpatialGrid<T extends GridItem> {
  readonly cellSize: number;
  readonly cols: number;
  private readonly cells: T[][];
  /**
   * Items per row of cells. The searches skip empty rows and stop once every item has been
   * visited: both leave the visiting order unchanged, and sparse grids (a handful of products or
   * lone tasks) no longer cost a scan of every empty cell around the query.
   */
  private readonly rowCount: Int32Array;
  private n = 0;
  /** Tie buffer: the first `nt` entries are live; it is never shrunk, so searches do not allocate. */
  private readonly ties: T[] = [];
  private nt = 0;

  constructor(cellSize = 2) {
    this.cellSize = cellSize;
    this.cols = Math.ceil(EXTENT / cellSize);
    this.cells = [];
    for (let i = 0; i < this.cols * this.cols; i++) this.cells.push([]);
    this.rowCount = new Int32Array(this.cols);
  }

  /** Number of items in the grid. */
  get size(): number {
    return this.n;
  }

  private coord(v: number): number {
    const c = Math.floor((v - ORIGIN) / this.cellSize);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private countRow(cell: number, delta: number): void {
    const row = Math.floor(cell / this.cols);
    this.rowCount[row] = (this.rowCount[row] as number) + delta;
  }

  private cellOf(x: number, y: number): number {
    return this.coord(y) * this.cols + this.coord(x);
  }

  private static sortedInsert<T extends GridItem>(arr: T[], item: T): void {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((arr[mid] as T).id < item.id) lo = mid + 1;
      else hi = mid;
    }
    insertAt(arr, lo, item);
  }

  /** Adds an item at its current position. */
  insert(item: T): void {
    item.cell = this.cellOf(item.x, item.y);
    SpatialGrid.sortedInsert(this.cells[item.cell] as T[], item);
    this.countRow(item.cell, 1);
    this.n++;
  }

  /** Removes an item (must be present). */
  remove(item: T): void {
    const arr = this.cells[item.cell] as T[];
    const i = arr.indexOf(item);
    if (i >= 0) {
      removeAt(arr, i);
      this.countRow(item.cell, -1);
      this.n--;
    }
  }

  /** Re-files an item after its x/y changed. */
  move(item: T): void {
    const c = this.cellOf(item.x, item.y);
    if (c === item.cell) return;
    const arr = this.cells[item.cell] as T[];
    const i = arr.indexOf(item);
    if (i >= 0) {
      removeAt(arr, i);
      this.countRow(item.cell, -1);
    }
    item.cell = c;
    SpatialGrid.sortedInsert(this.cells[c] as T[], item);
    this.countRow(c, 1);
  }

  /** Removes everything. */
  clear(): void {
    for (const c of this.cells) c.length = 0;
    this.rowCount.fill(0);
    this.n = 0;
  }

  /**
   * argmin over accepted items of d(item, q) + noise(item), ties broken
   * uniformly at random (§7 conventions). `noise` is evaluated once per
   * examined candidate; `noiseMin` is its smallest possible value. Candidates
   * are examined ring by ring and the search stops once no unexamined item can
   * reach (or tie) the best value: since the noises are i.i.d., skipping such
   * items leaves the distribution of the winner unchanged.
   */
  nearest(qx: number, qy: number, accept: ((item: T) => boolean) | null, rng: Rng, noise: ((item: T) => number) | null = null, noiseMin = 0): T | null {
    const ties = this.ties;
    this.nt = 0;
    if (this.n === 0) return null;
    const cols = this.cols;
    const cx = this.coord(qx);
    const cy = this.coord(qy);
    let best = Infinity;
    let seen = 0;
    const maxR = cols;
    for (let r = 0; r <= maxR && seen < this.n; r++) {
      // Every item in ring r is at least (r − 1)·cellSize away.
      if (r >= 1 && (r - 1) * this.cellSize + noiseMin > best) break;
      const y0 = cy - r;
      const y1 = cy + r;
      const x0 = cx - r;
      const x1 = cx + r;
      // A ring lying outside the grid on all four sides has no cells, nor has any larger ring.
      if (x0 < 0 && y0 < 0 && x1 >= cols && y1 >= cols) break;
      for (let yy = y0; yy <= y1; yy++) {
        if (yy < 0 || yy >= cols || this.rowCount[yy] === 0) continue;
        const edgeRow = yy === y0 || yy === y1;
        const step = edgeRow || r === 0 ? 1 : x1 - x0;
        for (let xx = x0; xx <= x1; xx += step) {
          if (xx < 0 || xx >= cols) continue;
          const cell = this.cells[yy * cols + xx] as T[];
          seen += cell.length;
          for (let k = 0; k < cell.length; k++) {
            const it = cell[k] as T;
            if (accept !== null && !accept(it)) continue;
            const dx = it.x - qx;
            const dy = it.y - qy;
            let v = Math.sqrt(dx * dx + dy * dy);
            if (noise !== null) v += noise(it);
            if (v < best) {
              best = v;
              ties[0] = it;
              this.nt = 1;
            } else if (v === best) {
              ties[this.nt++] = it;
            }
          }
        }
      }
    }
    return this.pickTie(rng);
  }

  /** Uniform pick among the collected ties (NetLogo `min-one-of` / `max-one-of`), then clears them. */
  private pickTie(rng: Rng): T | null {
    const n = this.nt;
    if (n === 0) return null;
    const pick = n === 1 ? (this.ties[0] as T) : (this.ties[rng.below(n)] as T);
    this.nt = 0;
    return pick;
  }

  /**
   * Pruned argmin of an arbitrary per-item value, ties broken uniformly at random.
   *
   * - `extra` items are evaluated first (`value` must skip them when met in the grid);
   *   use it for items whose value no distance bound covers.
   * - `value(item, d, fromExtra)` gets the item, its distance d to the query and whether it comes
   *   from `extra`, and returns the item's value or NaN to skip it. It is called once per examined item and may draw noise.
   * - `lowerBound(R)` must be ≤ the value of every grid item at distance ≥ R that `value`
   *   accepts, and nondecreasing in R.
   *
   * Rings are examined outward until the bound of the next ring exceeds the best value found,
   * so skipped items could neither win nor tie. With i.i.d. noise the winner has the same
   * distribution as with a full scan; only fewer random numbers are drawn.
   */
  minBy(qx: number, qy: number, extra: readonly T[], value: (item: T, d: number, fromExtra: boolean) => number, lowerBound: (r: number) => number, rng: Rng): T | null {
    this.nt = 0;
    let best = Infinity;
    for (let k = 0; k < extra.length; k++) best = this.consider(extra[k] as T, qx, qy, value, best, 1, true);
    if (this.n === 0) return this.pickTie(rng);
    const cols = this.cols;
    const cx = this.coord(qx);
    const cy = this.coord(qy);
    let seen = 0;
    for (let r = 0; r <= cols && seen < this.n; r++) {
      // Every item in ring r is at least (r − 1)·cellSize away.
      if (r >= 1 && lowerBound((r - 1) * this.cellSize) > best) break;
      const y0 = cy - r;
      const y1 = cy + r;
      const x0 = cx - r;
      const x1 = cx + r;
      if (x0 < 0 && y0 < 0 && x1 >= cols && y1 >= cols) break;
      for (let yy = y0; yy <= y1; yy++) {
        if (yy < 0 || yy >= cols || this.rowCount[yy] === 0) continue;
        const step = yy === y0 || yy === y1 || r === 0 ? 1 : x1 - x0;
        for (let xx = x0; xx <= x1; xx += step) {
          if (xx < 0 || xx >= cols) continue;
          const cell = this.cells[yy * cols + xx] as T[];
          seen += cell.length;
          for (let k = 0; k < cell.length; k++) best = this.consider(cell[k] as T, qx, qy, value, best, 1, false);
        }
      }
    }
    return this.pickTie(rng);
  }

  /**
   * Pruned argmax, the mirror of {@link minBy}: `upperBound(D)` must be ≥ the value of every
   * grid item at distance ≤ D that `value` accepts, and nondecreasing in D. Rings are examined
   * from the outermost inward, and a cell is skipped when the bound at its farthest corner is
   * below the best value found.
   */
  maxBy(qx: number, qy: number, extra: readonly T[], value: (item: T, d: number, fromExtra: boolean) => number, upperBound: (d: number) => number, rng: Rng): T | null {
    this.nt = 0;
    let best = -Infinity;
    for (let k = 0; k < extra.length; k++) best = this.consider(extra[k] as T, qx, qy, value, best, -1, true);
    if (this.n === 0) return this.pickTie(rng);
    const cols = this.cols;
    const cs = this.cellSize;
    const cx = this.coord(qx);
    const cy = this.coord(qy);
    const maxR = Math.max(cx, cy, cols - 1 - cx, cols - 1 - cy);
    for (let r = maxR; r >= 0; r--) {
      // A point of a cell r cells away (Chebyshev) is at most (r + 1)·cellSize·√2 away.
      if (upperBound((r + 1) * cs * Math.SQRT2) < best) break;
      const y0 = cy - r;
      const y1 = cy + r;
      const x0 = cx - r;
      const x1 = cx + r;
      for (let yy = y0; yy <= y1; yy++) {
        if (yy < 0 || yy >= cols || this.rowCount[yy] === 0) continue;
        const step = yy === y0 || yy === y1 || r === 0 ? 1 : x1 - x0;
        for (let xx = x0; xx <= x1; xx += step) {
          if (xx < 0 || xx >= cols) continue;
          const cell = this.cells[yy * cols + xx] as T[];
          if (cell.length === 0) continue;
          // Farthest corner of the cell's square from the query.
          const left = ORIGIN + xx * cs;
          const bottom = ORIGIN + yy * cs;
          const dx = Math.max(Math.abs(qx - left), Math.abs(qx - left - cs));
          const dy = Math.max(Math.abs(qy - bottom), Math.abs(qy - bottom - cs));
          if (upperBound(Math.sqrt(dx * dx + dy * dy)) < best) continue;
          for (let k = 0; k < cell.length; k++) best = this.consider(cell[k] as T, qx, qy, value, best, -1, false);
        }
      }
    }
    return this.pickTie(rng);
  }

  /** Evaluates one item for minBy (sign 1) or maxBy (sign −1), updating the ties; returns the new best. */
  private consider(it: T, qx: number, qy: number, value: (item: T, d: number, fromExtra: boolean) => number, best: number, sign: number, fromExtra: boolean): number {
    const dx = it.x - qx;
    const dy = it.y - qy;
    const v = value(it, Math.sqrt(dx * dx + dy * dy), fromExtra);
    if (v !== v) return best; // NaN: not a candidate
    if (sign * v < sign * best) {
      this.ties[0] = it;
      this.nt = 1;
      return v;
    }
    if (v === best) this.ties[this.nt++] = it;
    return best;
  }
}
