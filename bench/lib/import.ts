import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDatabase } from "@/lib/db/migrate";
import { insertDefaultStatuses } from "@/tools/synthetic/load";
import { download } from "../../tools/harness/http";
import { ROOT, type Server } from "../../tools/harness/server";
import { summarise, type Summary } from "../../tools/harness/stats";

const require = createRequire(import.meta.url);
const tsxCli = require.resolve("tsx/cli");
export const IMPORT_SCRIPT = "scripts/import.ts";

/** The first `rows` records of a CSV (header kept), cut at a record end outside quotes. */
export function firstRecords(csv: Buffer, rows: number): Buffer {
  let records = 0;
  let inQuotes = false;
  for (let i = 0; i < csv.length; i++) {
    const byte = csv[i]!;
    if (byte === 0x22) inQuotes = !inQuotes;
    else if (byte === 0x0a && !inQuotes && ++records === rows + 1) return csv.subarray(0, i + 1);
  }
  return csv;
}

export type ImportResult =
  | { skipped: string }
  | { rows: number; time: Summary; startup: Summary; exitCode: number; output: string; file: string };

/**
 * `npm run import` of `rows` attribution rows (exported from the running server's
 * database) into a freshly migrated database holding only the default statuses, timed as
 * a whole command; the command's start-up alone (no file: usage error) is timed too.
 */
export async function measureImport(server: Server, workDir: string, rows: number, runs: number): Promise<ImportResult> {
  if (!existsSync(path.join(ROOT, IMPORT_SCRIPT))) return { skipped: `${IMPORT_SCRIPT} does not exist yet` };
  const exported = await download(`${server.url}/export/attributions.csv`);
  if (exported.status === 404) return { skipped: "GET /export/attributions.csv answered 404: no input file for the import" };
  if (exported.status !== 200) return { skipped: `GET /export/attributions.csv answered ${exported.status}` };
  const file = path.join(workDir, `import-${rows}.csv`);
  writeFileSync(file, firstRecords(exported.body, rows));

  const template = path.join(workDir, "import-template.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${template}${suffix}`, { force: true });
  migrateDatabase(`file:${template}`);
  const db = new Database(template);
  insertDefaultStatuses(db);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();

  const run = (args: string[], databaseFile: string) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", IMPORT_SCRIPT, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NODE_ENV: "production" },
      encoding: "utf8",
    });
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: result.status ?? -1, output: `${result.stdout}${result.stderr}`.trim() };
  };

  const times: number[] = [];
  const startups: number[] = [];
  let last = { ms: 0, status: 0, output: "" };
  for (let i = 0; i < runs; i++) {
    const target = path.join(workDir, "import-target.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
    copyFileSync(template, target);
    last = run([file, "--create-topics"], target);
    if (last.status !== 0) break;
    times.push(last.ms);
    startups.push(run([], target).ms);
  }
  if (last.status !== 0) return { rows, time: summarise([last.ms]), startup: summarise([0]), exitCode: last.status, output: last.output.slice(0, 2000), file };
  return { rows, time: summarise(times), startup: summarise(startups), exitCode: 0, output: last.output.split("\n").slice(-3).join("\n"), file };
}
