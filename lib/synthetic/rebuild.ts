/**
 * Bulk rebuild of the full-text index and the derived claim columns, for loaders that
 * insert with the search triggers paused (a row in search_sync_pause). Set-based SQL:
 * one INSERT … SELECT from the claim_search_document view and one UPDATE over Claim,
 * computing exactly what the per-claim trigger `search_sync_queue_ai` computes
 * (migration 20261128000100_search).
 *
 * The importer's rebuild (lib/search/rebuild.ts) does the same job per claim and in full;
 * the two are to be merged.
 */
import type Database from "better-sqlite3";

export type RebuildTimings = { searchIndexMs: number; derivedColumnsMs: number; optimizeMs: number };

/**
 * Replace the whole FTS index and recompute contested / sourceCount / firstPublishedAt for
 * every claim. Runs inside the caller's transaction if there is one.
 */
export function rebuildSearchIndexAndDerivedColumns(db: Database.Database, options: { optimize?: boolean } = {}): RebuildTimings {
  let started = performance.now();
  db.exec(`DELETE FROM "claim_search"`);
  db.exec(`INSERT INTO "claim_search" (rowid, claim_text, quotes, actors)
           SELECT "claim_id", "claim_text", "quotes", "actors" FROM "claim_search_document"`);
  const searchIndexMs = performance.now() - started;

  started = performance.now();
  rebuildDerivedColumns(db);
  const derivedColumnsMs = performance.now() - started;

  started = performance.now();
  // One b-tree per term instead of one per flush: what incremental writes would reach over time.
  if (options.optimize ?? true) db.exec(`INSERT INTO "claim_search" ("claim_search") VALUES ('optimize')`);
  const optimizeMs = performance.now() - started;
  return { searchIndexMs, derivedColumnsMs, optimizeMs };
}

/**
 * The trigger's three expressions, for every claim at once. The aggregates are computed
 * in one grouped pass over Attribution (a temporary table) instead of three correlated
 * subqueries per claim; claims without attributions get false / 0 / NULL, as the
 * trigger gives them.
 */
export function rebuildDerivedColumns(db: Database.Database): void {
  db.exec(`
    DROP TABLE IF EXISTS temp."synthetic_claim_derived";
    CREATE TEMP TABLE "synthetic_claim_derived" ("claimId" INTEGER PRIMARY KEY, "sourceCount" INTEGER NOT NULL, "firstPublishedAt" TEXT);
    INSERT INTO temp."synthetic_claim_derived" ("claimId", "sourceCount", "firstPublishedAt")
      SELECT a."claimId", count(DISTINCT a."sourceId"), min(s."publishedAt")
      FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId"
      GROUP BY a."claimId";
    UPDATE "Claim" SET
      "contested" = EXISTS (
        SELECT 1 FROM "Attribution" x
        JOIN "Attribution" y ON y."claimId" = x."claimId" AND y."stance" = 'denies' AND y."actorId" <> x."actorId"
        WHERE x."claimId" = "Claim"."id" AND x."stance" = 'asserts'),
      "sourceCount" = coalesce((SELECT d."sourceCount" FROM temp."synthetic_claim_derived" d WHERE d."claimId" = "Claim"."id"), 0),
      "firstPublishedAt" = (SELECT d."firstPublishedAt" FROM temp."synthetic_claim_derived" d WHERE d."claimId" = "Claim"."id");
    DROP TABLE temp."synthetic_claim_derived";
  `);
}
