/**
 * `tsx --conditions=react-server bench/lib/postgres/capture-child.ts <input.json>`, with
 * DATABASE_URL naming a PostgreSQL database: the app's statements for each search string
 * of the input (a JSON array), as JSON on stdout. A process of its own because the app
 * chooses its SQL dialect once, from DATABASE_URL, and the benchmark's own process reads
 * SQLite (bench/lib/database-url.ts).
 */
import { readFileSync } from "node:fs";
import { closeReader } from "@/lib/db/reader";
import { captureQuery } from "./capture";

async function main(): Promise<void> {
  const searches = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as string[];
  const captured = [];
  for (const search of searches) captured.push(await captureQuery(search));
  await closeReader();
  process.stdout.write(JSON.stringify(captured));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
