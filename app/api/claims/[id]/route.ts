import { loadClaimRecords } from "@/lib/claims/records";
import { updateClaim } from "@/lib/claims/mutations";
import { claimEditSchema } from "@/lib/claims/schemas";
import { readRoute, writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = readRoute<Params>(async ({ params }) => {
  const claimId = parseId(params.id);
  const [claim] = claimId === null ? [] : await loadClaimRecords([claimId]);
  if (!claim) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
  return jsonOk(claim);
});

/** PATCH /api/claims/[id]: edit the wording or topic; `version` guards against lost edits. */
export const PATCH = writeRoute<typeof claimEditSchema, Params>({ permission: "edit", schema: claimEditSchema }, async ({ user, input, params }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
  await updateClaim(user, claimId, input);
  return jsonOk((await loadClaimRecords([claimId]))[0]);
});
