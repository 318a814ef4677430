import { setClaimStatus } from "@/lib/claims/mutations";
import { loadClaimRecords } from "@/lib/claims/records";
import { statusChangeSchema } from "@/lib/claims/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** POST /api/claims/[id]/status: a verdict with its rationale; 409 if `version` is stale. */
export const POST = writeRoute<typeof statusChangeSchema, { id: string }>({ permission: "edit", schema: statusChangeSchema }, async ({ user, input, params }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
  await setClaimStatus(user, claimId, input);
  return jsonOk((await loadClaimRecords([claimId]))[0]);
});
