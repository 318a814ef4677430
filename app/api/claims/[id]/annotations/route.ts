import { addAnnotation } from "@/lib/annotations/mutations";
import { annotationInputSchema } from "@/lib/annotations/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** POST /api/claims/[id]/annotations: a note on the claim, on one attribution, or a reply. */
export const POST = writeRoute<typeof annotationInputSchema, { id: string }>(
  { permission: "edit", schema: annotationInputSchema },
  async ({ user, input, params }) => {
    const claimId = parseId(params.id);
    if (claimId === null) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
    return jsonOk(await addAnnotation(user, claimId, input), 201);
  },
);
