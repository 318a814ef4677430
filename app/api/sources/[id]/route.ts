import { parseId } from "@/lib/http/ids";
import { apiRoute, jsonError, jsonOk } from "@/lib/http/json";
import { getSource } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const sourceId = parseId(id);
  const source = sourceId === null ? null : getSource(sourceId);
  if (!source) return jsonError(404, `No source with id ${JSON.stringify(id)}.`);
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
