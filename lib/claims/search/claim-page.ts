import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { loadClaimRecords, type ClaimRecord } from "@/lib/claims/records";
import { countFacets, type Facets } from "@/lib/claims/search/facets";
import type { FacetName } from "@/lib/claims/search/filter-sql";
import { pageOfMatches } from "@/lib/claims/search/search-claims";
import type { Vocabulary } from "@/lib/vocabulary/queries";

/**
 * The claim list as GET /api/claims answers it: a page of full records, the total and the
 * facet counts. Apart from search-claims.ts, which finds and counts the matches, because
 * the facets predict their time from those counts (facets.ts) and search-claims.ts must
 * not import them back.
 */
export type ClaimPage = {
  items: ClaimRecord[];
  total: number;
  page: number;
  pageSize: number;
  facets?: Facets;
  /** With facets: the facets not counted within the facet time limit (their options are empty). */
  facetsMissing?: FacetName[];
};

/**
 * One page of claims with the total and, when asked, the facet counts (under the facet
 * time limit of lib/claims/search/facets.ts, or `facetBudgetMs`). The rows are read first:
 * the counts never delay them more than that limit.
 */
export async function searchClaims(
  query: ClaimQuery,
  vocabulary: Vocabulary,
  options: { facets?: boolean; facetBudgetMs?: number; reader?: SqlReader } = {},
): Promise<ClaimPage> {
  const db = options.reader ?? sharedReader;
  const { ids, total } = await pageOfMatches(query, vocabulary, db);
  const items = await loadClaimRecords(ids, db);
  const page = { items, total, page: query.page, pageSize: query.pageSize };
  if (!options.facets) return page;
  const { facets, missing } = await countFacets(query, vocabulary, { budgetMs: options.facetBudgetMs, reader: db, matches: total });
  return { ...page, facets, facetsMissing: missing };
}
