import { readinessProblems } from "@/lib/http/health";
import { jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/**
 * GET /api/health/ready: the server can read and take writes (readiness). 503 with the
 * reasons when the database does not answer, its disk is full, its file read-only, or the
 * last write failed for either and none has succeeded since. GET /api/health stays the
 * liveness check (up, reads answer). Under `npm start` both are answered before Next by
 * lib/server/front-door.ts; these routes serve `next dev` and `next start`.
 */
export async function GET() {
  const problems = await readinessProblems();
  if (problems.length > 0) return Response.json({ ok: false, error: "The database cannot take writes.", problems }, { status: 503, headers: { "Cache-Control": "no-store" } });
  return jsonOk({ ok: true });
}
