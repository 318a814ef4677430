import { exportRoute } from "@/lib/export/export-route";
import { claimsNdjson } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/** GET /export/claims.ndjson: the claim records, one JSON object per line, for the same filters as /claims (docs/export.md). */
export const GET = exportRoute(claimsNdjson);
