import { parseClaimQuery, describeProblems } from "@/lib/claims/query/claim-query";
import { searchClaims, type ClaimPage } from "@/lib/claims/search/search-claims";
import type { Facets } from "@/lib/claims/search/facets";
import { loadVocabulary } from "@/lib/vocabulary/queries";

/** Run a claim search from a URL query string, as the page and the API do (without the facet time limit). */
export async function search(queryString: string): Promise<ClaimPage> {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(new URLSearchParams(queryString), vocabulary);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  // No facet time limit: these tests check what the counts say, and a loaded machine must
  // not leave a facet out (the limit has its own tests in facet-counts.test.ts).
  return searchClaims(parsed.query, vocabulary, { facets: true, facetBudgetMs: Number.POSITIVE_INFINITY });
}

export const texts = (result: ClaimPage) => result.items.map((item) => item.text);

export const facetCount = (result: ClaimPage, facet: keyof Facets, value: string) =>
  result.facets?.[facet].find((option) => option.value === value)?.count ?? 0;
