import { headers } from "next/headers";
import { claimReviewForClaim } from "@/lib/export/claim-review-for-claim";
import { env } from "@/lib/env";

/**
 * The claim's ClaimReview embedded in its page, as fact-checkers publish them for search
 * engines and aggregators, with a link to the same JSON-LD as a file. Nothing for a claim
 * without a final verdict. "<" is escaped so text inside the JSON can never close the tag.
 */
export async function ClaimReviewScript({ claimId }: { claimId: number }) {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? `localhost:${env.PORT}`;
  const proto = requestHeaders.get("x-forwarded-proto") ?? "http";
  const lookup = await claimReviewForClaim(claimId, { origin: `${proto}://${host}`, organisation: { name: env.ORGANISATION_NAME, url: env.ORGANISATION_URL } });
  if (!lookup.ok) return null;
  const json = JSON.stringify(lookup.review).replace(/</g, "\\u003c");
  return (
    <>
      <script type="application/ld+json" nonce={requestHeaders.get("x-nonce") ?? undefined} dangerouslySetInnerHTML={{ __html: json }} />
      <p className="muted">
        Published as schema.org ClaimReview: <a href={`/claims/${claimId}/claimreview.jsonld`}>JSON-LD</a>
      </p>
    </>
  );
}
