/**
 * Assembling records from the rows of a few IN-queries (the list, the matrix, the
 * exports): no query per row, so rows come back in the database's order and must be
 * grouped and put back in the order the caller asked for.
 */

/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** `rows` turned into records in the order of `ids`; an id with no row (deleted meanwhile) is left out. */
export function inIdOrder<Row extends { id: number }, Out>(ids: readonly number[], rows: readonly Row[], toRecord: (row: Row) => Out): Out[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toRecord(row)] : [];
  });
}
