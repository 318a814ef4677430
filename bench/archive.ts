/**
 * `npx tsx --conditions=react-server bench/archive.ts [--claims 100000] [--seed 1] [--db FILE]`
 *
 * How long `npm run db:archive` and `npm run db:unarchive` take on a synthetic database
 * (the issue's target: 100k claims written and read in under a minute each, with bounded
 * memory), each next to a FLOOR measured in the same run:
 * - archive vs reading every archived row in one read transaction (no JSON, no gzip): what
 *   a streaming writer cannot beat;
 * - unarchive vs `VACUUM INTO` a new file: SQLite itself writing every row and index of the
 *   same database, with no parsing and no triggers.
 * Memory: the process's resident size, sampled every 50 ms, above what it was before each
 * step. A database made for an earlier run is reused (.tmp/bench/archive-<claims>-<seed>.db).
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { loadArchive } from "@/lib/archive/load-archive";
import { archivedTables } from "@/lib/archive/tables";
import { writeArchive } from "@/lib/archive/write-archive";
import { migrateDatabase } from "@/lib/db/migrate";
import { createSyntheticDatabase } from "@/tools/synthetic/create";

const { values } = parseArgs({ options: { claims: { type: "string", default: "100000" }, seed: { type: "string", default: "1" }, db: { type: "string" } } });
const dir = path.resolve(".tmp/bench");
mkdirSync(dir, { recursive: true });
const claims = Number(values.claims);
const source = values.db ? path.resolve(values.db) : path.join(dir, `archive-${claims}-${values.seed}.db`);
if (!existsSync(source)) {
  console.log(`Generating ${claims} synthetic claims into ${source}…`);
  createSyntheticDatabase({ databaseUrl: `file:${source}`, claims, seed: Number(values.seed) });
}

async function measure<T>(label: string, work: () => Promise<T> | T): Promise<{ label: string; seconds: number; rssGrowthMiB: number; result: T }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { label, seconds: (performance.now() - started) / 1000, rssGrowthMiB: (Math.max(peak, process.memoryUsage().rss) - baseline) / 2 ** 20, result };
  } finally {
    clearInterval(sampler);
  }
}

function readEveryRow(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    db.exec("BEGIN");
    let rows = 0;
    for (const table of archivedTables(db, { withAccounts: false })) {
      for (const _row of db.prepare(`SELECT ${table.columns.map((c) => `"${c}"`).join(", ")} FROM "${table.name}" ORDER BY rowid`).iterate()) rows++;
    }
    db.exec("COMMIT");
    return rows;
  } finally {
    db.close();
  }
}

const archive = path.join(dir, "archive-bench.jsonl.gz");
const loaded = path.join(dir, "archive-bench-loaded.db");
const vacuumed = path.join(dir, "archive-bench-vacuum.db");
for (const file of [archive, loaded, vacuumed, `${loaded}-wal`, `${loaded}-shm`]) rmSync(file, { force: true });
migrateDatabase(`file:${loaded}`);

const results = [
  await measure("floor: read every archived row", () => readEveryRow(source)),
  await measure("db:archive", () => writeArchive(source, archive)),
  await measure("floor: VACUUM INTO a new file", () => {
    const db = new Database(source, { readonly: true });
    db.prepare("VACUUM INTO ?").run(vacuumed);
    db.close();
  }),
  await measure("db:unarchive", () => loadArchive(archive, loaded)),
];
console.log(`\nArchive benchmark: ${claims} claims, ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
for (const { label, seconds, rssGrowthMiB } of results) console.log(`  ${label.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s   RSS +${rssGrowthMiB.toFixed(0)} MiB`);
const [readFloor, write, writeFloor, load] = results;
console.log(`  archive ${(write!.seconds / readFloor!.seconds).toFixed(1)}× its floor, unarchive ${(load!.seconds / writeFloor!.seconds).toFixed(1)}× its floor`);
for (const file of [archive, loaded, vacuumed, `${loaded}-wal`, `${loaded}-shm`]) rmSync(file, { force: true });
