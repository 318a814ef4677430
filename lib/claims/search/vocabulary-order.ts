import "server-only";
import { raw, sql, type Sql } from "@/lib/db/sql";
import { caseless, dialect } from "@/lib/db/dialect";

/**
 * The claims matching `where`, ordered by their topic or status in the vocabulary's own
 * order (caseless label or sortOrder, then the entry's id: the order the filter lists show),
 * then by claim id, all in `direction` (docs/decisions/058).
 *
 * Both forms walk the vocabulary table through its index in that order and, for each entry,
 * Claim's topicId or statusId index in id order (SQLite's end in the rowid; PostgreSQL's
 * are (topicId, id) and (statusId, id)), so a page reads about its own rows instead of
 * sorting every match (~50 ms at 100k claims). The vocabulary's key comes
 * with the entry's id so that it is unique: one entry's claims end before the next begins.
 * - SQLite orders the join itself: an index walk whose outer order is unique carries the
 *   inner index's order through.
 * - PostgreSQL orders a nested loop by its outer side only, then sorts each entry's
 *   claims (40,058 for "unreviewed" at 100k). Each entry's claims are read in a LATERAL
 *   subquery, stopped at `pageEnd` (the page's offset + size) when given: the sort is then
 *   of at most that many rows per entry, and the loop stops at the page's last entry.
 */
export type VocabularySort = "topic" | "status";

const VOCABULARY: Record<VocabularySort, { table: Sql; claimColumn: Sql; key: Sql }> = {
  topic: { table: raw(`"Topic"`), claimColumn: raw(`"topicId"`), key: caseless(sql`v."label"`) },
  status: { table: raw(`"Status"`), claimColumn: raw(`"statusId"`), key: sql`v."sortOrder"` },
};

export function claimsInVocabularyOrder(sort: VocabularySort, where: Sql, direction: Sql, pageEnd?: number): Sql {
  const { table, claimColumn } = VOCABULARY[sort];
  const { order } = vocabularyOrder(sort, direction);
  if (dialect === "postgresql") {
    const limit = pageEnd === undefined ? raw("") : sql`LIMIT ${pageEnd}`;
    return sql`SELECT c."id" FROM ${table} v CROSS JOIN LATERAL (
      SELECT c."id" FROM "Claim" c WHERE c.${claimColumn} = v."id" AND ${where} ORDER BY c."id" ${direction} ${limit}) c
      ${order}`;
  }
  return sql`SELECT c."id" FROM ${table} v JOIN "Claim" c ON c.${claimColumn} = v."id" WHERE ${where} ${order}`;
}

/**
 * The same order for claims read some other way (`c`): the join to the vocabulary entry
 * (`v`) and the ORDER BY. For a few claims collected by a narrow filter, sorting them costs
 * less than walking every claim of each entry until the page is full (search-claims.ts).
 */
export function vocabularyOrder(sort: VocabularySort, direction: Sql): { join: Sql; order: Sql } {
  const { table, claimColumn, key } = VOCABULARY[sort];
  return { join: sql`JOIN ${table} v ON v."id" = c.${claimColumn}`, order: sql`ORDER BY ${key} ${direction}, v."id" ${direction}, c."id" ${direction}` };
}
