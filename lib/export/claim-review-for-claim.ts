import "server-only";
import type { ClaimReview, WithContext } from "schema-dts";
import { sharedReader } from "@/lib/db/reader";
import { claimReviewNotice, SCHEMA_ORG, toClaimReview } from "@/lib/export/claim-review";
import { loadReviewRecords } from "@/lib/export/load-records";
import { reviewContext } from "@/lib/export/review-context";

export type ClaimReviewLookup =
  | { ok: true; review: WithContext<ClaimReview>; notice: string | null }
  | { ok: false; reason: "not_found" | "no_final_verdict"; message: string };

/**
 * One claim's ClaimReview (JSON-LD with its @context): the one implementation behind the
 * claim's page (embedded copy) and its .jsonld file, built as the export file builds each
 * review, with the configured public address and organisation.
 */
export async function claimReviewForClaim(claimId: number): Promise<ClaimReviewLookup> {
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
  const context = reviewContext();
  return { ok: true, review: { "@context": SCHEMA_ORG, ...toClaimReview(record, context) }, notice: claimReviewNotice(context) };
}
