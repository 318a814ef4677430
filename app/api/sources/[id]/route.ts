import { readRoute, writeRoute } from "@/lib/http/api-handler";
import { updateSourceDetails } from "@/lib/sources/corrections";
import { sourceDetailsSchema } from "@/lib/sources/schemas";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";
import { getSource } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";

export const GET = readRoute<{ id: string }>(async ({ params }) => {
  const sourceId = parseId(params.id);
  const source = sourceId === null ? null : await getSource(sourceId);
  if (!source) return jsonError(404, `No source with id ${JSON.stringify(params.id)}.`);
  const { highlights, ...rest } = source;
  return jsonOk({
    ...rest,
    quotes: highlights.map(({ attributionId, claimId, actorName, stance, quote, start, end, anchored }) => ({
      attributionId,
      claimId,
      actor: actorName,
      stance,
      exact: quote,
      start,
      end,
      anchored,
    })),
  });
});

/** PATCH /api/sources/[id]: correct the title, outlet, address, author or date; `version` guards against lost edits. */
export const PATCH = writeRoute<typeof sourceDetailsSchema, { id: string }>({ permission: "edit", schema: sourceDetailsSchema }, async ({ user, input, params }) => {
  const sourceId = parseId(params.id);
  if (sourceId === null) return jsonError(404, `No source with id ${JSON.stringify(params.id)}.`);
  return jsonOk(await updateSourceDetails(user, sourceId, input));
});
