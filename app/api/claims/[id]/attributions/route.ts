import { addAttribution } from "@/lib/claims/mutations";
import { loadClaimRecords } from "@/lib/claims/records";
import { attributionInputSchema } from "@/lib/claims/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** POST /api/claims/[id]/attributions: one more actor, source and quote for a claim. */
export const POST = writeRoute<typeof attributionInputSchema, { id: string }>(
  { permission: "edit", schema: attributionInputSchema },
  async ({ user, input, params }) => {
    const claimId = parseId(params.id);
    if (claimId === null) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
    const attribution = await addAttribution(user, claimId, input);
    const record = (await loadClaimRecords([claimId]))[0]?.attributions.find((a) => a.id === attribution.id);
    return jsonOk(record, 201);
  },
);
