/**
 * The value for `key` from `cache`, made by `make` when it is not there. The Map is kept in
 * the order of use (a hit moves to the end), so past `size` entries the least recently used
 * one, the first, is dropped: a bounded cache with no dependency.
 */
export function recentlyUsed<K, V>(cache: Map<K, V>, key: K, size: number, make: () => V): V {
  const value = usedAgain(cache, key);
  if (value !== undefined) return value;
  const made = make();
  keepRecent(cache, key, made, size);
  return made;
}

/** The value for `key` from `cache`, moved to the end as the most recently used; undefined when it is not there. */
export function usedAgain<K, V>(cache: Map<K, V>, key: K): V | undefined {
  const value = cache.get(key);
  if (value === undefined) return undefined;
  cache.delete(key);
  cache.set(key, value);
  return value;
}

/** Keep `value` under `key` as the most recently used, dropping the least recently used entry past `size`: where `make` is asynchronous. */
export function keepRecent<K, V>(cache: Map<K, V>, key: K, value: V, size: number): void {
  cache.delete(key);
  if (cache.size >= size) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}
