/** How many values one `IN (...)` list holds: well under SQLite's limit on bound parameters. */
const CHUNK = 500;

/** The rows of `query` over distinct `values`, asked for in chunks of at most 500. */
export async function findInChunks<T, V>(values: Iterable<V>, query: (chunk: V[]) => Promise<T[]>): Promise<T[]> {
  const distinct = [...new Set(values)];
  const results: T[] = [];
  for (let start = 0; start < distinct.length; start += CHUNK) results.push(...(await query(distinct.slice(start, start + CHUNK))));
  return results;
}
