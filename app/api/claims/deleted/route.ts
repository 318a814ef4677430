import { describeProblems } from "@/lib/claims/query/claim-query";
import { listDeletedClaims, parseDeletedClaimsQuery } from "@/lib/claims/deleted-claims";
import { readRoute } from "@/lib/http/api-handler";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** GET /api/claims/deleted: the claims deleted since `updated_since`, oldest first, for incremental sync. */
export const GET = readRoute(async ({ request }) => {
  const parsed = parseDeletedClaimsQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return jsonError(400, `Invalid query: ${describeProblems(parsed.problems)}`, { problems: parsed.problems });
  return jsonOk(await listDeletedClaims(parsed.query));
});
