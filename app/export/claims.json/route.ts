import { exportRoute } from "@/lib/export/export-route";
import { claimsJson } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/** GET /export/claims.json: the claim records as a JSON array, for the same filters as /claims (docs/export.md). */
export const GET = exportRoute(claimsJson);
