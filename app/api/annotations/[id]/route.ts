import { z } from "zod";
import { deleteAnnotation, editAnnotation } from "@/lib/annotations/mutations";
import { annotationEditSchema } from "@/lib/annotations/schemas";
import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** PATCH /api/annotations/[id]: the author edits a note; 409 if `version` is stale. */
export const PATCH = writeRoute<typeof annotationEditSchema, Params>({ permission: "edit", schema: annotationEditSchema }, async ({ user, input, params }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, `No note with id ${JSON.stringify(params.id)}.`);
  return jsonOk(await editAnnotation(user, id, input));
});

/** DELETE /api/annotations/[id] (body `{}`): the author or an admin deletes a note. */
export const DELETE = writeRoute<z.ZodObject, Params>({ permission: "edit", schema: z.object({}) }, async ({ user, params }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, `No note with id ${JSON.stringify(params.id)}.`);
  return jsonOk(await deleteAnnotation(user, id));
});
