import { describeProblems, parseClaimQuery } from "@/lib/claims/query/claim-query";
import { searchClaims } from "@/lib/claims/search/search-claims";
import { apiRoute, jsonError, jsonOk } from "@/lib/http/json";
import { loadVocabulary } from "@/lib/vocabulary/queries";

export const dynamic = "force-dynamic";

/** GET /api/claims: the claim list with the same parameters as the /claims page. */
export const GET = apiRoute(async (request: Request) => {
  const vocabulary = loadVocabulary();
  const parsed = parseClaimQuery(new URL(request.url).searchParams, vocabulary);
  if (!parsed.ok) return jsonError(400, `Invalid query: ${describeProblems(parsed.problems)}`, { problems: parsed.problems });
  return jsonOk(searchClaims(parsed.query, vocabulary, { facets: true }));
});
