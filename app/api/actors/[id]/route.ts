import { updateActor } from "@/lib/actors/corrections";
import { getActor } from "@/lib/actors/queries";
import { actorEditSchema } from "@/lib/actors/schemas";
import { readRoute, writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { id: string };
const notFound = (id: string) => jsonError(404, `No actor with id ${JSON.stringify(id)}.`);

/** GET /api/actors/[id]: the actor with its aliases, counts, claims and version (what a correction is based on). */
export const GET = readRoute<Params>(async ({ params }) => {
  const actorId = parseId(params.id);
  const actor = actorId === null ? null : await getActor(actorId);
  return actor ? jsonOk(actor) : notFound(params.id);
});

/** PATCH /api/actors/[id]: rename, change kind or role, replace aliases; `version` guards against lost edits. */
export const PATCH = writeRoute<typeof actorEditSchema, Params>({ permission: "edit", schema: actorEditSchema }, async ({ user, input, params }) => {
  const actorId = parseId(params.id);
  if (actorId === null) return notFound(params.id);
  return jsonOk(await updateActor(user, actorId, input));
});
