import { parseClaimQuery, describeProblems } from "@/lib/claims/query/claim-query";
import { searchClaims } from "@/lib/claims/search/search-claims";
import { loadVocabulary } from "@/lib/vocabulary/queries";

/** Run a claim search from a URL query string, exactly as the page and the API do. */
export function search(queryString: string) {
  const vocabulary = loadVocabulary();
  const parsed = parseClaimQuery(new URLSearchParams(queryString), vocabulary);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  return searchClaims(parsed.query, vocabulary, { facets: true });
}

export const texts = (result: ReturnType<typeof search>) => result.items.map((item) => item.text);

export const facetCount = (result: ReturnType<typeof search>, facet: keyof NonNullable<ReturnType<typeof search>["facets"]>, value: string) =>
  result.facets?.[facet].find((option) => option.value === value)?.count ?? 0;
