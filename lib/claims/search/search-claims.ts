import "server-only";
import { raw, sql, type Sql } from "@/lib/db/sql";
import { queryAll, queryAllUntilChanged, queryOne } from "@/lib/db/sqlite";
import type { ClaimQuery, SortKey } from "@/lib/claims/query/claim-query";
import { loadClaimRecords, type ClaimRecord } from "@/lib/claims/records";
import { filterConditions, whereClause } from "@/lib/claims/search/filter-sql";
import { toFtsQuery } from "@/lib/claims/search/fts-query";
import { countFacets, type Facets } from "@/lib/claims/search/facets";
import type { Vocabulary } from "@/lib/vocabulary/queries";

export type ClaimPage = {
  items: ClaimRecord[];
  total: number;
  page: number;
  pageSize: number;
  facets?: Facets;
};

/** bm25 weights: words in the claim itself count most, then quotes, then actor names. */
const RANK = "bm25(claim_search, 10.0, 4.0, 2.0)";

const SORT_COLUMNS: Record<Exclude<SortKey, "relevance">, string> = {
  updated: "c.updatedAt",
  claim: "c.text COLLATE NOCASE",
  topic: "(SELECT t.label FROM Topic t WHERE t.id = c.topicId) COLLATE NOCASE",
  status: "(SELECT st.sortOrder FROM Status st WHERE st.id = c.statusId)",
  sources: "c.sourceCount",
  // Claims with no dated source sort last in either direction.
  published: "c.firstPublishedAt IS NULL, c.firstPublishedAt",
};

/** The ids of the claims matching `query`, in its order, one page of them. */
export function matchingClaimIds(query: ClaimQuery, vocabulary: Vocabulary, limit: number, offset: number): number[] {
  return queryAll<{ id: number }>(sql`${orderedMatches(query, vocabulary)} LIMIT ${limit} OFFSET ${offset}`).map((row) => row.id);
}

/**
 * `SELECT c.id FROM Claim c ... ORDER BY ...` for the whole filtered, sorted set; the
 * exports stream from it, the page adds LIMIT/OFFSET.
 */
export function orderedMatches(query: ClaimQuery, vocabulary: Vocabulary): Sql {
  const conditions = filterConditions(query, vocabulary);
  const direction = raw(query.desc ? "DESC" : "ASC");
  const fts = query.q ? toFtsQuery(query.q) : null;
  if (query.sort === "relevance" && fts) {
    // The join both filters and ranks, so the search condition is not repeated.
    return sql`SELECT c.id FROM Claim c
      JOIN (SELECT rowid AS claimId, ${raw(RANK)} AS rank FROM claim_search WHERE claim_search MATCH ${fts}) r ON r.claimId = c.id
      WHERE ${whereClause(conditions.filter((condition) => condition.facet !== "search"))}
      ORDER BY r.rank ${direction}, c.id ${direction}`;
  }
  const sortKey = query.sort === "relevance" ? "updated" : query.sort;
  const orderBy = SORT_COLUMNS[sortKey]
    .split(", ")
    .map((column) => (column.endsWith("IS NULL") ? column : `${column} ${query.desc ? "DESC" : "ASC"}`))
    .join(", ");
  return sql`SELECT c.id FROM Claim c WHERE ${whereClause(conditions)} ORDER BY ${raw(orderBy)}, c.id ${direction}`;
}

export function countMatchingClaims(query: ClaimQuery, vocabulary: Vocabulary): number {
  const conditions = filterConditions(query, vocabulary);
  const count = sql`SELECT count(*) AS n FROM Claim c WHERE ${whereClause(conditions)}`;
  // The unfiltered total changes only with the database.
  const rows = conditions.length === 0 ? queryAllUntilChanged<{ n: number }>(count) : [queryOne<{ n: number }>(count)];
  return rows[0]?.n ?? 0;
}

/** One page of claims with the total and, when asked, the facet counts. */
export function searchClaims(query: ClaimQuery, vocabulary: Vocabulary, options: { facets?: boolean } = {}): ClaimPage {
  const ids = matchingClaimIds(query, vocabulary, query.pageSize, (query.page - 1) * query.pageSize);
  return {
    items: loadClaimRecords(ids),
    total: countMatchingClaims(query, vocabulary),
    page: query.page,
    pageSize: query.pageSize,
    ...(options.facets ? { facets: countFacets(query, vocabulary) } : {}),
  };
}
