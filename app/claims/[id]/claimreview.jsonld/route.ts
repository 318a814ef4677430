import { claimReviewForClaim } from "@/lib/export/claim-review-for-claim";
import { reviewContext } from "@/lib/export/export-route";
import { readRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** GET /claims/[id]/claimreview.jsonld: the claim's ClaimReview, once it has a final verdict. */
export const GET = readRoute<{ id: string }>(async ({ request, params }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, `No claim with id ${params.id}.`);
  const lookup = await claimReviewForClaim(id, reviewContext(request));
  if (!lookup.ok) return jsonError(404, lookup.message);
  return new Response(`${JSON.stringify(lookup.review, null, 2)}\n`, {
    headers: { "Content-Type": "application/ld+json", "Cache-Control": "no-store" },
  });
});
