import { exportRoute } from "@/lib/export/export-route";
import { historyCsv } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/** GET /export/history.csv: verdict and accuracy changes of the claims matching the /claims filters (docs/export.md). */
export const GET = exportRoute(historyCsv);
