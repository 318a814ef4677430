import { readRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError } from "@/lib/http/json";
import { SCHEMA_ORG, toClaimReview } from "@/lib/export/claim-review";
import { openExportConnection } from "@/lib/export/connection";
import { reviewContext } from "@/lib/export/export-route";
import { loadReviewRecords } from "@/lib/export/load-records";

export const dynamic = "force-dynamic";

/** GET /claims/[id]/claimreview.jsonld: the claim's ClaimReview, once it has a final verdict. */
export const GET = readRoute<{ id: string }>(({ request, params }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, `No claim with id ${params.id}.`);
  const connection = openExportConnection();
  try {
    const [record] = loadReviewRecords(connection, [id]);
    if (!record) return jsonError(404, `No claim with id ${id}.`);
    if (!record.status.isFinal) return jsonError(404, `Claim ${id} has no final verdict yet (its status is ${record.status.label}), so there is no ClaimReview.`);
    const body = { "@context": SCHEMA_ORG, ...toClaimReview(record, reviewContext(request)) };
    return new Response(`${JSON.stringify(body, null, 2)}\n`, {
      headers: { "Content-Type": "application/ld+json", "Cache-Control": "no-store" },
    });
  } finally {
    connection.close();
  }
});
