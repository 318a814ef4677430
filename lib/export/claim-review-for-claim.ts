import "server-only";
import { SCHEMA_ORG, toClaimReview, type ReviewContext } from "@/lib/export/claim-review";
import { sharedReader } from "@/lib/db/reader";
import { loadReviewRecords } from "@/lib/export/load-records";

export type ClaimReviewLookup =
  | { ok: true; review: Record<string, unknown> }
  | { ok: false; reason: "not_found" | "no_final_verdict"; message: string };

/** One claim's ClaimReview (JSON-LD with its @context), for the claim's page and its .jsonld route. */
export async function claimReviewForClaim(claimId: number, context: ReviewContext): Promise<ClaimReviewLookup> {
  // One claim: the shared reader will do, no snapshot of its own is needed.
  const [record] = await loadReviewRecords(sharedReader, [claimId]);
  if (!record) return { ok: false, reason: "not_found", message: `No claim with id ${claimId}.` };
  if (!record.status.isFinal) {
    return {
      ok: false,
      reason: "no_final_verdict",
      message: `Claim ${claimId} has no final verdict yet (its status is ${record.status.label}), so there is no ClaimReview.`,
    };
  }
  return { ok: true, review: { "@context": SCHEMA_ORG, ...toClaimReview(record, context) } };
}
