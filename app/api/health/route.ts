import { checkDatabase } from "@/lib/http/health";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** GET /api/health: the server is up and its database answers. Open to monitors; says nothing about the data. */
export async function GET() {
  try {
    await checkDatabase();
    return jsonOk({ ok: true });
  } catch (error) {
    console.error("Health check failed:", error);
    return jsonError(503, "The database does not answer.");
  }
}
