import { parseClaimQuery, describeProblems } from "@/lib/claims/query/claim-query";
import { searchClaims, type ClaimPage } from "@/lib/claims/search/search-claims";
import type { Facets } from "@/lib/claims/search/facets";
import { loadVocabulary } from "@/lib/vocabulary/queries";

/** Run a claim search from a URL query string, exactly as the page and the API do. */
export async function search(queryString: string): Promise<ClaimPage> {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(new URLSearchParams(queryString), vocabulary);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  return searchClaims(parsed.query, vocabulary, { facets: true });
}

export const texts = (result: ClaimPage) => result.items.map((item) => item.text);

export const facetCount = (result: ClaimPage, facet: keyof Facets, value: string) =>
  result.facets?.[facet].find((option) => option.value === value)?.count ?? 0;
