import { dialect, NEVER } from "@/lib/db/dialect";
import { raw, sql, type Sql } from "@/lib/db/sql";
import { toAnyWordFtsQuery, toFtsQuery } from "@/lib/claims/search/fts-query";

/**
 * Full-text search over the claim search documents (claim text, quotes, actor names and
 * aliases; kept by triggers, docs/decisions/003), in the dialect of the database. The
 * rest of the claim query is dialect-neutral SQL around these two fragments.
 */

/** bm25 weights: words in the claim itself count most, then quotes, then actor names. */
const SQLITE_RANK = "bm25(claim_search, 10.0, 4.0, 2.0)";

/** `c."id" IN (…)` for the claims matching what the user typed; never true when nothing in it is searchable. */
export function fullTextCondition(input: string): Sql {
  const fts = sqliteQuery(input);
  return fts ? sql`c."id" IN (SELECT rowid FROM claim_search WHERE claim_search MATCH ${fts})` : NEVER;
}

/**
 * `SELECT "claimId", "rank" …` over the matching claims, the most relevant having the
 * lowest rank; null when nothing in the input is searchable.
 */
export function rankedFullTextMatches(input: string): Sql | null {
  const fts = sqliteQuery(input);
  return fts ? sql`SELECT rowid AS "claimId", ${raw(SQLITE_RANK)} AS "rank" FROM claim_search WHERE claim_search MATCH ${fts}` : null;
}

function sqliteQuery(input: string): string | null {
  if (dialect !== "sqlite") throw new Error("Full-text search on this database is not available in this build.");
  return toFtsQuery(input);
}

/**
 * `SELECT "claimId" …` for the `limit` claims whose text or quotes share most of `words`
 * (stems end in `*`), best first; null when none is searchable. The similar-claims
 * matcher re-ranks these (lib/claims/similar/find-similar.ts).
 */
export function anyWordMatches(words: readonly string[], limit: number): Sql | null {
  if (dialect !== "sqlite") throw new Error("Full-text search on this database is not available in this build.");
  const fts = toAnyWordFtsQuery(words);
  return fts ? sql`SELECT rowid AS "claimId" FROM claim_search WHERE claim_search MATCH ${fts} ORDER BY ${raw(SQLITE_RANK)} LIMIT ${limit}` : null;
}
