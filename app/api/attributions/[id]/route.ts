import { removeAttribution, updateAttribution } from "@/lib/claims/attribution-corrections";
import { loadClaimRecords } from "@/lib/claims/records";
import { attributionEditSchema, versionOnlySchema } from "@/lib/claims/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { id: string };
const notFound = (id: string) => jsonError(404, `No attribution with id ${JSON.stringify(id)}.`);

/** PATCH /api/attributions/[id]: correct who, stance, verb, sourcing, via-chain or quote; `version` guards against lost edits. */
export const PATCH = writeRoute<typeof attributionEditSchema, Params>({ permission: "edit", schema: attributionEditSchema }, async ({ user, input, params }) => {
  const attributionId = parseId(params.id);
  if (attributionId === null) return notFound(params.id);
  const updated = await updateAttribution(user, attributionId, input);
  const record = (await loadClaimRecords([updated.claimId]))[0]?.attributions.find((a) => a.id === attributionId);
  return jsonOk(record);
});

/** DELETE /api/attributions/[id] with `{ version }`: remove it; its notes stay on the claim. */
export const DELETE = writeRoute<typeof versionOnlySchema, Params>({ permission: "edit", schema: versionOnlySchema }, async ({ user, input, params }) => {
  const attributionId = parseId(params.id);
  if (attributionId === null) return notFound(params.id);
  return jsonOk(await removeAttribution(user, attributionId, input.version));
});
