/**
 * Time SQL statements on a SQLite database as the app's reader runs them (better-sqlite3's
 * SQLite, which plans differently from an older sqlite3 shell; the reader's mmap and cache
 * settings), and print each one's median of 5 warm runs, its first result row and its plan:
 *
 *   npx tsx bench/time-statements.ts DATABASE_FILE "SELECT …" ["SELECT …" …]
 *
 * For the statement-level figures of docs/performance.md and the comments beside the SQL
 * (the bench's databases are .tmp/bench/<claims>.db). The database is opened read-only.
 */
import Database from "better-sqlite3";
import { READER_CACHE_KIB, READER_MMAP_BYTES } from "@/lib/db/sqlite-settings";

const [file, ...statements] = process.argv.slice(2);
if (!file || statements.length === 0) {
  console.error('Usage: npx tsx bench/time-statements.ts DATABASE_FILE "SELECT …" ["SELECT …" …]');
  process.exit(2);
}
const RUNS = 5;
const db = new Database(file, { readonly: true, fileMustExist: true });
// The app reader's settings (decision 073).
db.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
db.pragma(`cache_size = -${READER_CACHE_KIB}`);

for (const text of statements) {
  const statement = db.prepare(text);
  let rows: unknown[] = statement.all(); // a warm-up run, not timed
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    rows = statement.all();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all() as { detail: string }[]).map((row) => row.detail).join(" | ");
  console.log(`${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms (median of ${RUNS})  ${rows.length} row(s), first ${JSON.stringify(rows[0] ?? null).slice(0, 100)}`);
  console.log(`  ${text}`);
  console.log(`  plan: ${plan}`);
}
