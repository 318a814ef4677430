/**
 * Write the four exports of the database at DATABASE_URL into the folder given as the only
 * argument, exactly as the export routes stream them (tests/postgresql/copy.test.ts runs
 * this once per database: the process's dialect is chosen from DATABASE_URL at start).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { openSnapshotReader } from "@/lib/db/reader";
import { createExport } from "@/lib/export/create-export";
import { attributionsCsv, claimReviewJsonLd, claimsCsv, claimsJson } from "@/lib/export/formats";
import { reviewContext } from "@/lib/export/review-context";

const FILES = { "claims.csv": claimsCsv, "attributions.csv": attributionsCsv, "claims.json": claimsJson, "claimreview.jsonld": claimReviewJsonLd } as const;

const folder = process.argv[2]!;
const now = new Date("2026-01-01T00:00:00.000Z");
for (const [name, format] of Object.entries(FILES)) {
  const connection = await openSnapshotReader();
  const created = await createExport(connection, format as typeof claimsCsv, new URLSearchParams(), reviewContext(), now);
  if (!created.ok) throw new Error(`Export ${name} refused: ${JSON.stringify(created.problems)}`);
  writeFileSync(path.join(folder, name), Buffer.from(await new Response(created.stream).arrayBuffer()));
}
const { closeReader } = await import("@/lib/db/reader");
await closeReader();
