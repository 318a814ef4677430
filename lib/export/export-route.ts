import "server-only";
import { describeProblems } from "@/lib/claims/query/claim-query";
import { env } from "@/lib/env";
import { readRoute } from "@/lib/http/api-handler";
import { jsonError } from "@/lib/http/json";
import type { ReviewContext } from "@/lib/export/claim-review";
import { openSnapshotReader } from "@/lib/db/reader";
import { createExport } from "@/lib/export/create-export";
import type { ExportFormat } from "@/lib/export/formats";

/** The site's public origin as the client sees it, for absolute links in ClaimReview. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return host ? `${proto || url.protocol.replace(":", "")}://${host}` : url.origin;
}

export function reviewContext(request: Request): ReviewContext {
  return { origin: requestOrigin(request), organisation: { name: env.ORGANISATION_NAME, url: env.ORGANISATION_URL } };
}

/**
 * GET handler of one export route: read access as for every read, the query parsed like
 * /api/claims (a bad parameter is a 400 naming it), then the file streamed.
 */
export function exportRoute<R>(format: ExportFormat<R>) {
  return readRoute(async ({ request }) => {
    const connection = await openSnapshotReader();
    try {
      const created = await createExport(connection, format, new URL(request.url).searchParams, reviewContext(request));
      if (!created.ok) {
        await connection.close();
        return jsonError(400, `Invalid query: ${describeProblems(created.problems)}`, { problems: created.problems });
      }
      return new Response(created.stream, { status: 200, headers: created.headers });
    } catch (error) {
      await connection.close();
      throw error;
    }
  });
}
