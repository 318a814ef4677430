import { mergeActors } from "@/lib/actors/corrections";
import { actorMergeSchema } from "@/lib/actors/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** POST /api/actors/[id]/merge with `{ into, version, intoVersion }`: this actor becomes part of `into`. */
export const POST = writeRoute<typeof actorMergeSchema, { id: string }>({ permission: "edit", schema: actorMergeSchema }, async ({ user, input, params }) => {
  const actorId = parseId(params.id);
  if (actorId === null) return jsonError(404, `No actor with id ${JSON.stringify(params.id)}.`);
  return jsonOk(await mergeActors(user, actorId, input));
});
