import "server-only";
import { describeProblems } from "@/lib/claims/query/claim-query";
import { readRoute } from "@/lib/http/api-handler";
import { jsonError } from "@/lib/http/json";
import { openSnapshotReader } from "@/lib/db/reader";
import { createExport } from "@/lib/export/create-export";
import type { ExportFormat } from "@/lib/export/formats";
import { reviewContext } from "@/lib/export/review-context";

/**
 * GET handler of one export route: read access as for every read, the query parsed like
 * /api/claims (a bad parameter is a 400 naming it), then the file streamed.
 */
export function exportRoute<R>(format: ExportFormat<R>) {
  return readRoute(async ({ request }) => {
    const connection = await openSnapshotReader();
    try {
      const created = await createExport(connection, format, new URL(request.url).searchParams, reviewContext());
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
