import "server-only";
import { describeProblems } from "@/lib/claims/query/claim-query";
import { readRoute } from "@/lib/http/api-handler";
import { jsonError } from "@/lib/http/json";
import { openExportConnection } from "@/lib/export/connection";
import { createExport } from "@/lib/export/create-export";
import type { ExportFormat } from "@/lib/export/formats";
import { reviewContext } from "@/lib/export/review-context";

/**
 * GET handler of one export route: read access as for every read, the query parsed like
 * /api/claims (a bad parameter is a 400 naming it), then the file streamed.
 */
export function exportRoute<R>(format: ExportFormat<R>) {
  return readRoute(({ request }) => {
    const connection = openExportConnection();
    try {
      const created = createExport(connection, format, new URL(request.url).searchParams, reviewContext());
      if (!created.ok) {
        connection.close();
        return jsonError(400, `Invalid query: ${describeProblems(created.problems)}`, { problems: created.problems });
      }
      return new Response(created.stream, { status: 200, headers: created.headers });
    } catch (error) {
      connection.close();
      throw error;
    }
  });
}
