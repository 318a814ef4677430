/**
 * Migrate a database, generate a synthetic dataset and load it: what
 * `npm run db:synthetic` and the benchmark run. Reports where the time went.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDatabase } from "@/lib/db/migrate";
import { streamDataset, type GenerateOptions } from "@/tools/synthetic/generate";
import { loadSynthetic } from "@/tools/synthetic/load";
import { databaseContentHash } from "@/tools/synthetic/content-hash";

export type CreateSyntheticOptions = GenerateOptions & {
  /** A SQLite `file:` URL, as DATABASE_URL. */
  databaseUrl: string;
  /** Replace existing claim data instead of refusing (see loadDataset). */
  force?: boolean;
  /** Skip `prisma migrate deploy` (the caller already migrated this file). */
  skipMigrate?: boolean;
  /** Also compute the content hash (a few seconds at 100k claims). */
  hash?: boolean;
};

export type SyntheticSummary = {
  file: string;
  timings: [string, number][];
  counts: Record<string, number>;
  hash?: string;
};

export function databaseFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file URL (file:...), not ${databaseUrl}`);
  return path.resolve(databaseUrl.slice("file:".length));
}

export function createSyntheticDatabase(options: CreateSyntheticOptions): SyntheticSummary {
  const file = databaseFile(options.databaseUrl);
  const timings: [string, number][] = [];
  const time = <T>(label: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings.push([label, performance.now() - started]);
    return result;
  };
  const started = performance.now();
  if (!options.skipMigrate) time("migrate", () => migrateDatabase(`file:${file}`));
  const stream = time("actors and source metadata", () => streamDataset(options));
  const db = new Database(file);
  try {
    const loadTimings = loadSynthetic(db, stream, { force: options.force });
    for (const [label, ms] of Object.entries(loadTimings)) timings.push([label, ms]);
    timings.push(["total", performance.now() - started]);
    const counts = summaryCounts(db);
    const hash = options.hash ? time("content hash", () => databaseContentHash(db).hash) : undefined;
    return { file, timings, counts, hash };
  } finally {
    db.close();
  }
}

export function summaryCounts(db: Database.Database): Record<string, number> {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    claims: count(`SELECT count(*) AS n FROM "Claim"`),
    attributions: count(`SELECT count(*) AS n FROM "Attribution"`),
    "via links": count(`SELECT count(*) AS n FROM "AttributionVia"`),
    actors: count(`SELECT count(*) AS n FROM "Actor"`),
    aliases: count(`SELECT count(*) AS n FROM "ActorAlias"`),
    sources: count(`SELECT count(*) AS n FROM "Source"`),
    topics: count(`SELECT count(*) AS n FROM "Topic"`),
    "contested claims": count(`SELECT count(*) AS n FROM "Claim" WHERE "contested" = 1`),
    "status changes": count(`SELECT count(*) AS n FROM "StatusChange"`),
    "accuracy changes": count(`SELECT count(*) AS n FROM "AccuracyChange"`),
    annotations: count(`SELECT count(*) AS n FROM "Annotation"`),
    "audit entries": count(`SELECT count(*) AS n FROM "AuditLog"`),
  };
}
