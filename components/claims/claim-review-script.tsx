import { headers } from "next/headers";
import { claimReviewForClaim } from "@/lib/export/claim-review-for-claim";

/**
 * The claim's ClaimReview embedded in its page, as fact-checkers publish them for search
 * engines and aggregators, with a link to the same JSON-LD as a file (both from
 * claimReviewForClaim, so they are equal). Nothing for a claim without a final verdict.
 * "<" is escaped so text inside the JSON can never close the tag.
 */
export async function ClaimReviewScript({ claimId, showNotice }: { claimId: number; /** For those who can have the configuration fixed. */ showNotice: boolean }) {
  const lookup = await claimReviewForClaim(claimId);
  if (!lookup.ok) return null;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const json = JSON.stringify(lookup.review).replace(/</g, "\\u003c");
  return (
    <>
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: json }} />
      <p className="muted">
        Published as schema.org ClaimReview: <a href={`/claims/${claimId}/claimreview.jsonld`}>JSON-LD</a>
      </p>
      {showNotice && lookup.notice ? <p className="warning">{lookup.notice}</p> : null}
    </>
  );
}
