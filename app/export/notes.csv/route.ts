import { exportRoute } from "@/lib/export/export-route";
import { notesCsv } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/** GET /export/notes.csv: the notes of the claims matching the /claims filters, deleted ones as tombstones (docs/export.md). */
export const GET = exportRoute(notesCsv);
