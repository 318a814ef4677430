import { mergeClaim } from "@/lib/claims/merge-claim";
import { claimMergeSchema } from "@/lib/claims/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** POST /api/claims/[id]/merge `{ into, rationale, verdict?, version }`: this claim becomes part of `into` (docs/decisions/056). */
export const POST = writeRoute<typeof claimMergeSchema, Params>({ permission: "edit", schema: claimMergeSchema }, async ({ user, input, params }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
  return jsonOk(await mergeClaim(user, claimId, input));
});
