import { dialect } from "@/lib/db/dialect";
import { join, raw, sql, type Sql } from "@/lib/db/sql";
import { toAnyWordFtsQuery, toAnyWordTsQuery, toFtsQuery, toTsQuery } from "@/lib/claims/search/fts-query";

/**
 * Full-text search over the claim search documents (claim text, quotes, actor names and
 * aliases; kept by triggers, docs/decisions/003), in the dialect of the database. The
 * rest of the claim query is dialect-neutral SQL around these two fragments. On SQLite an
 * FTS5 table; on PostgreSQL a tsvector column with a GIN index (docs/decisions/047), whose
 * ranking (ts_rank) orders differently from bm25 in the details (docs/deploy.md).
 */

/** bm25 weights: words in the claim itself count most, then quotes, then actor names. */
const SQLITE_RANK = "bm25(claim_search, 10.0, 4.0, 2.0)";

/**
 * ts_rank's weights for D, C, B, A: the claim (A) counts most, then quotes (B), then actor
 * names (C), in the proportions of the bm25 weights above. Negated: the most relevant has
 * the lowest rank, as with bm25.
 */
const POSTGRES_RANK = `-ts_rank('{0.1, 0.2, 0.4, 1.0}', "document", to_tsquery('simple', "claimtrail_fold"(?)))`;

/**
 * `SELECT "claimId" …` for the claims matching what the user typed, read from the search
 * index alone (one document per claim); null when nothing in it is searchable.
 */
export function fullTextClaimIds(input: string): Sql | null {
  if (dialect === "postgresql") {
    const query = toTsQuery(input);
    return query ? sql`SELECT "claimId" FROM "claim_search" WHERE "document" @@ to_tsquery('simple', "claimtrail_fold"(${query}))` : null;
  }
  const fts = toFtsQuery(input);
  return fts ? sql`SELECT rowid AS "claimId" FROM claim_search WHERE claim_search MATCH ${fts}` : null;
}

/**
 * `SELECT "claimId", "rank" …` over the matching claims, the most relevant having the
 * lowest rank; null when nothing in the input is searchable.
 */
export function rankedFullTextMatches(input: string): Sql | null {
  if (dialect === "postgresql") {
    const query = toTsQuery(input);
    if (!query) return null;
    const rank: Sql = { text: POSTGRES_RANK, params: [query] };
    return sql`SELECT "claimId", ${rank} AS "rank" FROM "claim_search" WHERE "document" @@ to_tsquery('simple', "claimtrail_fold"(${query}))`;
  }
  const fts = toFtsQuery(input);
  return fts ? sql`SELECT rowid AS "claimId", ${raw(SQLITE_RANK)} AS "rank" FROM claim_search WHERE claim_search MATCH ${fts}` : null;
}

/**
 * `SELECT "claimId" …` for the `limit` claims whose text or quotes share most of `words`
 * (stems end in `*`), best first; null when none is searchable. The similar-claims
 * matcher re-ranks these (lib/claims/similar/find-similar.ts).
 */
export function anyWordMatches(words: readonly string[], limit: number): Sql | null {
  if (dialect === "postgresql") {
    const query = toAnyWordTsQuery(words);
    if (!query) return null;
    const rank: Sql = { text: POSTGRES_RANK, params: [query] };
    return sql`SELECT "claimId" FROM "claim_search" WHERE "document" @@ to_tsquery('simple', "claimtrail_fold"(${query})) ORDER BY ${rank} LIMIT ${limit}`;
  }
  const fts = toAnyWordFtsQuery(words);
  return fts ? sql`SELECT rowid AS "claimId" FROM claim_search WHERE claim_search MATCH ${fts} ORDER BY ${raw(SQLITE_RANK)} LIMIT ${limit}` : null;
}

/** On PostgreSQL a word's documents are counted through the GIN index, up to this many: past it a word is common whatever the exact number. */
const POSTGRES_WORD_COUNT_CAP = 50_000;

/**
 * `SELECT "word", "docs"`: for each of `words` (stems end in `*`, as for `anyWordMatches`),
 * about how many search documents hold it (a prefix sums its terms), so the matcher can
 * leave the commonest out. SQLite reads FTS5's vocabulary table; PostgreSQL counts the
 * documents whose claim text or quotes hold it, at most POSTGRES_WORD_COUNT_CAP.
 */
export function wordDocumentCounts(words: readonly string[]): Sql | null {
  if (words.length === 0) return null;
  if (dialect === "postgresql") {
    const parts = words.map((word) => {
      const query = toAnyWordTsQuery([word]);
      if (!query) return sql`SELECT ${word} AS "word", 0 AS "docs"`;
      return sql`SELECT ${word} AS "word", count(*) AS "docs" FROM (
        SELECT 1 FROM "claim_search" WHERE "document" @@ to_tsquery('simple', "claimtrail_fold"(${query})) LIMIT ${POSTGRES_WORD_COUNT_CAP}) AS "hits"`;
    });
    return join(parts, " UNION ALL ");
  }
  const parts = words.map((word) => {
    const term = word.replace(/\*$/u, "").toLowerCase();
    // A prefix is the range [term, term + the highest code point): FTS5's vocabulary table answers a range on "term" from its index.
    const upper = word.endsWith("*") ? `${term}\u{10FFFF}` : `${term}\u0000`;
    return sql`SELECT ${word} AS "word", coalesce(sum("doc"), 0) AS "docs" FROM "claim_search_terms" WHERE "term" >= ${term} AND "term" < ${upper}`;
  });
  return join(parts, " UNION ALL ");
}
