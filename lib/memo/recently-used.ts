/**
 * The value for `key` from `cache`, made by `make` when it is not there. The Map is kept in
 * the order of use (a hit moves to the end), so past `size` entries the least recently used
 * one, the first, is dropped: a bounded cache with no dependency.
 */
export function recentlyUsed<K, V>(cache: Map<K, V>, key: K, size: number, make: () => V): V {
  let value = cache.get(key);
  if (value !== undefined) {
    cache.delete(key);
  } else {
    value = make();
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, value);
  return value;
}
