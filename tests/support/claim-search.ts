import { parseClaimQuery, describeProblems, type ClaimQuery } from "@/lib/claims/query/claim-query";
import { searchClaims, type ClaimPage } from "@/lib/claims/search/claim-page";
import { orderedMatches } from "@/lib/claims/search/search-claims";
import type { BroadFilters } from "@/lib/claims/search/filter-sql";
import type { Facets } from "@/lib/claims/search/facets";
import { sharedReader } from "@/lib/db/reader";
import { loadVocabulary, type Vocabulary } from "@/lib/vocabulary/queries";

/** A URL query string parsed as the list and the API parse it, with the vocabulary it was parsed against. */
export async function parsedQuery(queryString: string): Promise<{ query: ClaimQuery; vocabulary: Vocabulary }> {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(new URLSearchParams(queryString), vocabulary);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  return { query: parsed.query, vocabulary };
}

/** Run a claim search from a URL query string, as the page and the API do (without the facet time limit). */
export async function search(queryString: string): Promise<ClaimPage> {
  const { query, vocabulary } = await parsedQuery(queryString);
  // No facet time limit: these tests check what the counts say, and a loaded machine must
  // not leave a facet out (the limit has its own tests in facet-counts.test.ts).
  return searchClaims(query, vocabulary, { facets: true, facetBudgetMs: Number.POSITIVE_INFINITY });
}

/**
 * The ids of a query's whole list, read in one statement (orderedMatches, no page), its
 * filters written in the forms `broad` names (none: every filter as an `IN` list). What
 * the pages, totals and plans of the app are checked against.
 */
export async function wholeList(queryString: string, broad: BroadFilters = new Set()): Promise<number[]> {
  const { query, vocabulary } = await parsedQuery(queryString);
  return (await sharedReader.all<{ id: number }>(orderedMatches(query, vocabulary, broad))).map((row) => row.id);
}

export const texts = (result: ClaimPage) => result.items.map((item) => item.text);

export const facetCount = (result: ClaimPage, facet: keyof Facets, value: string) =>
  result.facets?.[facet].find((option) => option.value === value)?.count ?? 0;
