import { exportRoute } from "@/lib/export/export-route";
import { claimReviewJsonLd } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/** GET /export/claimreview.jsonld: schema.org ClaimReview for claims with a final verdict, for the same filters as /claims (docs/export.md). */
export const GET = exportRoute(claimReviewJsonLd);
