import { writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";
import { setSourceText } from "@/lib/sources/corrections";
import { sourceTextSchema } from "@/lib/sources/schemas";

export const dynamic = "force-dynamic";

/**
 * PUT /api/sources/[id]/text with `{ text, version }`: add the article text to a source
 * stored without it, or replace it with a corrected copy. Every quote is re-anchored;
 * the answer lists what became of each (`quotes[].status`).
 */
export const PUT = writeRoute<typeof sourceTextSchema, { id: string }>({ permission: "edit", schema: sourceTextSchema }, async ({ user, input, params }) => {
  const sourceId = parseId(params.id);
  if (sourceId === null) return jsonError(404, `No source with id ${JSON.stringify(params.id)}.`);
  return jsonOk(await setSourceText(user, sourceId, input));
});
