import { describeProblems, parseClaimQuery } from "@/lib/claims/query/claim-query";
import { countFacets } from "@/lib/claims/search/facets";
import { readRoute } from "@/lib/http/api-handler";
import { jsonError, jsonOk } from "@/lib/http/json";
import { loadVocabulary } from "@/lib/vocabulary/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/claims/facets: the facet counts of the claim list for the same parameters as
 * GET /api/claims, on their own, so that a client can show the rows (`facets=false`)
 * without waiting for them. Facets not counted within the facet time limit are named in
 * `missing` and have no options. With no list total at hand, countFacets counts the
 * matches first to predict the first facet (decision 060).
 */
export const GET = readRoute(async ({ request }) => {
  const vocabulary = await loadVocabulary();
  const parsed = parseClaimQuery(new URL(request.url).searchParams, vocabulary);
  if (!parsed.ok) return jsonError(400, `Invalid query: ${describeProblems(parsed.problems)}`, { problems: parsed.problems });
  return jsonOk(await countFacets(parsed.query, vocabulary));
});
