import { exportRoute } from "@/lib/export/export-route";
import { attributionsCsv } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/** GET /export/attributions.csv: one row per attribution (claim × actor × source), for the same filters as /claims (docs/export.md). */
export const GET = exportRoute(attributionsCsv);
