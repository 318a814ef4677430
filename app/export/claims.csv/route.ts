import { exportRoute } from "@/lib/export/export-route";
import { claimsCsv } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/** GET /export/claims.csv: one row per claim, for the same filters as /claims (docs/export.md). */
export const GET = exportRoute(claimsCsv);
