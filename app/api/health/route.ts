import { sql } from "@/lib/db/sql";
import { queryOne } from "@/lib/db/sqlite";
import { apiRoute, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** GET /api/health: the server is up and its database answers. For monitors and test harnesses. */
export const GET = apiRoute(async () => {
  const row = queryOne<{ claims: number }>(sql`SELECT count(*) AS claims FROM Claim`);
  return jsonOk({ ok: true, claims: row?.claims ?? 0 });
});
