import { writeFileSync } from "node:fs";
import path from "node:path";
import { runChild, tsxCommand } from "../../../tools/harness/children";
import type { CapturedQuery } from "./capture";

/** The app's statements for each search string, captured by bench/lib/postgres/capture-child.ts on the PostgreSQL database at `databaseUrl`. */
export async function capturePostgresStatements(databaseUrl: string, searches: readonly string[], scratchDir: string): Promise<Map<string, CapturedQuery>> {
  const input = path.join(scratchDir, "capture-input.json");
  writeFileSync(input, JSON.stringify(searches));
  const output = await runChild("capturing the app's PostgreSQL statements", tsxCommand("bench/lib/postgres/capture-child.ts", [input]), { ...process.env, DATABASE_URL: databaseUrl }, 600_000);
  return new Map((JSON.parse(output) as CapturedQuery[]).map((captured) => [captured.search, captured]));
}
