import { setAttributionAccuracy } from "@/lib/claims/mutations";
import { accuracyChangeSchema } from "@/lib/claims/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** POST /api/attributions/[id]/accuracy: did the actor really say it? 409 if `version` is stale. */
export const POST = writeRoute<typeof accuracyChangeSchema, { id: string }>(
  { permission: "edit", schema: accuracyChangeSchema },
  async ({ user, input, params }) => {
    const id = parseId(params.id);
    if (id === null) return jsonError(404, `No attribution with id ${JSON.stringify(params.id)}.`);
    return jsonOk(await setAttributionAccuracy(user, id, input));
  },
);
