import { claimReviewForClaim } from "@/lib/export/claim-review-for-claim";
import { NOTICE_HEADER } from "@/lib/export/claim-review";
import { readRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** GET /claims/[id]/claimreview.jsonld: the claim's ClaimReview, once it has a final verdict (the same as its page embeds). */
export const GET = readRoute<{ id: string }>(async ({ params }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, `No claim with id ${params.id}.`);
  const lookup = await claimReviewForClaim(id);
  if (!lookup.ok) return jsonError(404, lookup.message);
  return new Response(`${JSON.stringify(lookup.review, null, 2)}\n`, {
    headers: { "Content-Type": "application/ld+json", "Cache-Control": "no-store", ...(lookup.notice ? { [NOTICE_HEADER]: lookup.notice } : {}) },
  });
});
