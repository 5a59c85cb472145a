/**
 * Order-preserving array edits without the garbage of `splice`, which
 * allocates an array of the removed items on every call (hot in link and
 * grid bookkeeping).
 */

/** Removes arr[i], keeping order (splice(i, 1) without allocating the removed-items array). */
export function removeAt<T>(arr: T[], i: number): void {
  const n = arr.length - 1;
  for (let k = i; k < n; k++) arr[k] = arr[k + 1] as T;
  arr.pop(); // setting length is a slow runtime call; pop is inlined
}

/** Inserts item at index i, keeping order (splice(i, 0, item) without allocating). */
export function insertAt<T>(arr: T[], i: number, item: T): void {
  let k = arr.length;
  arr.push(item);
  for (; k > i; k--) arr[k] = arr[k - 1] as T;
  arr[i] = item;
}
