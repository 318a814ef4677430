/**
 * What a write by another connection costs the next read, statement by statement:
 *
 *   npx tsx bench/reads-after-a-write.ts [database file, default .tmp/bench/100000.db] [--runs N]
 *
 * SQLite drops a connection's page cache whenever another connection has committed since
 * its last read (and, with memory-mapped I/O, unmaps the file too), so the first statements
 * after a write read their pages again. The server's reader sees every write of the
 * writers, of any process. For a few statements of the kind the app runs (a page's
 * attributions, ranked searches, a whole-database count, an index walk, a facet), each
 * timed `--runs` times right after a one-row write ("after a write") and as many times with
 * no write between ("repeated"), median ms, with memory-mapped I/O on (the app's reader)
 * and off. The write moves the change counter, as every write does; nothing a query
 * answers changes. Read-only otherwise; the benchmark's database is made by `npm run bench`.
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { READER_CACHE_KIB, READER_MMAP_BYTES } from "../lib/db/sqlite-settings";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "9" } } });
const file = positionals[0] ?? ".tmp/bench/100000.db";
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a whole number of at least 1");

const writer = new Database(file, { fileMustExist: true, timeout: 5000 });
const write = writer.prepare(`UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "id" = 1`);
const spreadIds = (count: number) => {
  const max = (writer.prepare(`SELECT max("id") AS "n" FROM "Claim"`).get() as { n: number }).n;
  return Array.from({ length: count }, (_, i) => 1 + Math.floor((i * max) / count));
};

const STATEMENTS: [label: string, text: string, params: unknown[]][] = [
  ["a page's attributions (50 claims)", `SELECT a.* FROM "Attribution" a WHERE a."claimId" IN (${spreadIds(50).join(",")})`, []],
  ["ranked search, the most frequent word", `SELECT rowid FROM claim_search WHERE claim_search MATCH ? ORDER BY bm25(claim_search, 10.0, 4.0, 2.0) LIMIT 50`, ['"that"*']],
  ["ranked search, a median word", `SELECT rowid FROM claim_search WHERE claim_search MATCH ? ORDER BY bm25(claim_search, 10.0, 4.0, 2.0) LIMIT 50`, ['"nordic"*']],
  ["count of all claims", `SELECT count(*) AS "n" FROM "Claim"`, []],
  ["claims per stance", `SELECT "stance", count(DISTINCT "claimId") AS "n" FROM "Attribution" GROUP BY "stance"`, []],
  ["a status's first page", `SELECT c."id" FROM "Claim" c WHERE c."statusId" IN (3) ORDER BY c."updatedAt" DESC, c."id" DESC LIMIT 50`, []],
  ["status facet of a prefix search", `SELECT c."statusId", count(*) FROM "Claim" c WHERE c."id" IN (SELECT rowid FROM claim_search WHERE claim_search MATCH 'nor*') GROUP BY 1`, []],
];

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

console.log(`${file}: median ms of ${runs} runs, repeated / after a write`);
console.log("| statement | mmap on: repeated | mmap on: after a write | mmap off: repeated | mmap off: after a write |");
console.log("|---|---|---|---|---|");
const rows = new Map<string, string[]>();
for (const mmap of [READER_MMAP_BYTES, 0]) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`mmap_size = ${mmap}`);
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  for (const [label, text, params] of STATEMENTS) {
    const statement = db.prepare(text);
    const time = (afterWrite: boolean) => {
      statement.all(...params);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        if (afterWrite) write.run();
        const start = performance.now();
        statement.all(...params);
        times.push(performance.now() - start);
      }
      return median(times).toFixed(2);
    };
    // Interleaved twice, so that a change in the machine's speed hits both alike; the second pair is reported.
    time(false);
    time(true);
    rows.set(label, [...(rows.get(label) ?? []), time(false), time(true)]);
  }
  db.close();
}
for (const [label, times] of rows) console.log(`| ${label} | ${times.join(" | ")} |`);
writer.close();
