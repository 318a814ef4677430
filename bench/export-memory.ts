/**
 * Does an export's memory stay flat whatever the number of rows?
 *
 *   node --expose-gc --conditions=react-server --import tsx bench/export-memory.ts [10000 50000 …]
 *
 * For each size: a fresh temporary database (migrated, default statuses) gets that many
 * claims (about 2.5 attributions each, a third with a via-chain) by direct inserts with the
 * search triggers paused, then one rebuildAllClaimSearch; then claims.csv, attributions.csv
 * and claims.json are exported in-process through the same streaming code the routes use
 * (createExport → ReadableStream), read as a slow client would (one chunk at a time) and
 * thrown away. Reported per export: records, bytes, time, records per second, and the peak
 * growth over the baseline taken just before the export of the process's resident set (RSS)
 * and of the live JS heap (sampled after a full GC every 10 chunks, so that garbage not yet
 * collected does not count; GC time is not counted in the speed). In-process rather than through `next start` so that the number measures the export
 * and not the server's own caches; the route adds nothing but headers around the same stream.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { migrateDatabase } from "@/lib/db/migrate";
import { toStoredTimestamp } from "@/lib/db/timestamps";
import { openSnapshotReader } from "@/lib/db/reader";
import { createExport } from "@/lib/export/create-export";
import { attributionsCsv, claimsCsv, claimsJson, type ExportFormat } from "@/lib/export/formats";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ensureDefaultStatuses } from "@/lib/seed/default-statuses";
import { rebuildAllClaimSearch, resumeSearchSync } from "@/lib/search/rebuild";
import { normalizeKey } from "@/lib/text/normalize";
import { sha256Hex } from "@/lib/text/sha256";

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 50_000];
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

const WORDS = ["troops", "missiles", "treaty", "Москва", "Пхеньян", "서울", "평양", "ceasefire", "drones", "sanctions", "= formula", "\"quoted\"", "a, b", "line\nbreak", "🙂"];
const word = (i: number) => WORDS[i % WORDS.length]!;

async function createDatabase(dir: string, claims: number): Promise<{ file: string; seconds: { insert: number; rebuild: number } }> {
  const file = path.join(dir, `bench-${claims}.db`);
  migrateDatabase(`file:${file}`);
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await prisma.$transaction((tx) => ensureDefaultStatuses(tx));
  await prisma.$disconnect();

  const started = performance.now();
  const db = new Database(file);
  db.transaction(() => {
    db.prepare(`INSERT INTO search_sync_pause (reason) VALUES ('bench load')`).run();
    const now = toStoredTimestamp(new Date());
    const statusIds = (db.prepare(`SELECT id FROM Status ORDER BY sortOrder`).all() as { id: number }[]).map((s) => s.id);
    const insertTopic = db.prepare(`INSERT INTO Topic (key, label) VALUES (?, ?)`);
    for (let t = 0; t < 12; t++) insertTopic.run(`topic-${t}`, `Topic ${t}`);
    const topicIds = (db.prepare(`SELECT id FROM Topic`).all() as { id: number }[]).map((t) => t.id);
    const insertActor = db.prepare(`INSERT INTO Actor (name, normalizedName, kind, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
    const actors = Math.max(50, Math.round(claims / 100));
    for (let a = 0; a < actors; a++) {
      const name = `Actor ${a} ${word(a)}`.replace(/\s+/g, " ");
      insertActor.run(name, normalizeKey(name), a % 5 === 0 ? "person" : a % 5 === 1 ? "news_outlet" : "government", now, now);
    }
    const insertSource = db.prepare(`INSERT INTO Source (title, outlet, url, publishedAt, text, textSha256, createdAt, updatedAt) VALUES (?, ?, ?, ?, '', ?, ?, ?)`);
    const sources = Math.max(100, Math.round(claims / 20));
    for (let s = 0; s < sources; s++) {
      insertSource.run(`Story ${s}: ${word(s)}, ${word(s + 3)}`, `Outlet ${s % 40}`, `https://news.test/${s}`, toStoredTimestamp(new Date(Date.UTC(2024, 0, 1) + s * 3_600_000)), sha256Hex(""), now, now);
    }
    const insertClaim = db.prepare(`INSERT INTO Claim (text, normalizedText, topicId, statusId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`);
    const insertAttribution = db.prepare(
      `INSERT INTO Attribution (claimId, sourceId, actorId, stance, verb, sourcing, quote, accuracy, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 'named', ?, 'unchecked', ?, ?)`,
    );
    const insertVia = db.prepare(`INSERT INTO AttributionVia (attributionId, position, actorId) VALUES (?, ?, ?)`);
    const stances = ["asserts", "denies", "reports", "declines_to_clarify"];
    for (let c = 0; c < claims; c++) {
      const text = `Claim ${c}: ${word(c)} and ${word(c * 7)} were reported near ${word(c * 13)}`;
      const claimId = Number(insertClaim.run(text, normalizeKey(text), topicIds[c % topicIds.length]!, statusIds[c % statusIds.length]!, now, now).lastInsertRowid);
      const count = 1 + (c % 4);
      for (let k = 0; k < count; k++) {
        const attributionId = Number(
          insertAttribution.run(claimId, 1 + ((c * 31 + k) % sources), 1 + ((c * 17 + k * 5) % actors), stances[(c + k) % 4]!, k % 2 ? "said" : null, `“${word(c + k)}”, ${text.slice(0, 40)}`, now, now).lastInsertRowid,
        );
        if ((c + k) % 3 === 0) insertVia.run(attributionId, 0, 1 + ((c + k) % actors));
      }
    }
  })();
  db.close();
  const inserted = performance.now();

  // The search documents and derived columns, in one pass, as bulk loaders do.
  const prismaRebuild = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await prismaRebuild.$transaction(
    async (tx) => {
      await rebuildAllClaimSearch(tx);
      await resumeSearchSync(tx, "bench load");
    },
    { timeout: 30 * 60_000 },
  );
  await prismaRebuild.$disconnect();
  return { file, seconds: { insert: (inserted - started) / 1000, rebuild: (performance.now() - inserted) / 1000 } };
}

type Measurement = { bytes: number; seconds: number; rssGrowthMb: number; retainedGrowthMb: number };

/** Every this many chunks (of 500 claims), a full GC and a look at the live heap. */
const SAMPLE_EVERY = 10;

async function measure<R>(file: string, format: ExportFormat<R>): Promise<Measurement> {
  gc?.();
  gc?.();
  const baseRss = process.memoryUsage().rss;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakRss = baseRss;
  let peakRetained = baseHeap;
  let chunks = 0;
  const started = performance.now();
  const created = await createExport(await openSnapshotReader(`file:${file}`), format, new URLSearchParams(), { origin: "http://bench.test", organisation: { name: "Bench" } });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const reader = created.stream.getReader();
  let bytes = 0;
  let gcTime = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (gc && ++chunks % SAMPLE_EVERY === 0) {
      // What the export keeps alive, as opposed to garbage the collector has not got round to.
      const before = performance.now();
      gc();
      gcTime += performance.now() - before;
      peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed);
    }
    // A client on the other end of a network: give the event loop a turn between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = (performance.now() - started - gcTime) / 1000;
  return { bytes, seconds, rssGrowthMb: (peakRss - baseRss) / MB, retainedGrowthMb: (peakRetained - baseHeap) / MB };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-bench-"));
  if (!gc) console.warn("(run with node --expose-gc for steadier baselines)");
  console.log(`Node ${process.version}; batches of 500 claims; in-process export, stream read chunk by chunk.\n`);
  const formats = [claimsCsv, attributionsCsv, claimsJson] as ExportFormat<unknown>[];
  const rows: string[] = [];
  try {
    const databases: { claims: number; attributions: number; file: string }[] = [];
    for (const claims of SIZES) {
      const { file, seconds } = await createDatabase(dir, claims);
      const db = new Database(file, { readonly: true });
      const attributions = (db.prepare(`SELECT count(*) AS n FROM Attribution`).get() as { n: number }).n;
      db.close();
      databases.push({ claims, attributions, file });
      console.log(`${claims.toLocaleString("en")} claims, ${attributions.toLocaleString("en")} attributions: inserted in ${seconds.insert.toFixed(1)} s, search rebuilt (rebuildAllClaimSearch) in ${seconds.rebuild.toFixed(1)} s`);
    }
    // Warm-up on the smallest database: the first export pays for compiling code, not for rows.
    for (const format of formats) await measure(databases[0]!.file, format);
    console.log("");
    for (const { claims, attributions, file } of databases) {
      for (const format of formats) {
        const m = await measure(file, format);
        const records = format === attributionsCsv ? attributions : claims;
        const line = `| ${claims.toLocaleString("en")} | ${format.fileBase}.${format.extension} | ${records.toLocaleString("en")} | ${(m.bytes / MB).toFixed(1)} MB | ${m.seconds.toFixed(1)} s | ${Math.round(records / m.seconds).toLocaleString("en")} | +${m.rssGrowthMb.toFixed(1)} MB | +${m.retainedGrowthMb.toFixed(1)} MB |`;
        rows.push(line);
        console.log(line);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("\n| claims | file | records | size | time | records/s | peak RSS growth | peak live heap growth |\n|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
