// Vitest 5 targets Node 22 and calls Map.groupBy/Object.groupBy when it reports failures; Node 20
// lacks them, so the reporter would crash exactly when a test fails. Polyfill them in the runner.
type Key = string | number | symbol;
const mapCtor = Map as unknown as { groupBy?: unknown };
if (typeof mapCtor.groupBy !== 'function') {
  mapCtor.groupBy = <T, K>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> => {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
      const key = keyOf(item, index++);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  };
}
const objectCtor = Object as unknown as { groupBy?: unknown };
if (typeof objectCtor.groupBy !== 'function') {
  objectCtor.groupBy = <T>(items: Iterable<T>, keyOf: (item: T, index: number) => Key): Record<Key, T[]> => {
    const groups: Record<Key, T[]> = Object.create(null);
    let index = 0;
    for (const item of items) (groups[keyOf(item, index++)] ??= []).push(item);
    return groups;
  };
}
export {};
