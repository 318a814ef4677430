import Database from "better-sqlite3";

/**
 * "Is this Claimtrail database consistent?", asked of the file itself with a separate
 * better-sqlite3 connection, so it works on a database left behind by a killed process,
 * a restored backup or a load-test run alike. Nothing here depends on the app's modules.
 *
 * Checked:
 * - PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check finds nothing;
 * - every migration in _prisma_migrations finished and none was rolled back;
 * - the full-text index holds exactly one row per claim (claim_search rowids = Claim ids),
 *   each equal to what the claim_search_document view computes now, and FTS5's own
 *   integrity-check passes (only with a writable connection; it is a no-op write);
 * - the derived columns Claim.contested, sourceCount and firstPublishedAt equal what the
 *   triggers would compute from the attributions;
 * - nothing is left half-done: search_sync_queue is empty and search_sync_pause holds no
 *   row (a bulk loader killed while it had paused the triggers would leave one, and every
 *   later write would silently stop updating search).
 */
export type ConsistencyReport = {
  ok: boolean;
  problems: string[];
  counts: Record<string, number>;
};

export type ConsistencyOptions = {
  /** Run FTS5's 'integrity-check' command, which needs a writable connection. Default true. */
  ftsIntegrityCheck?: boolean;
  /** Stop listing mismatching claims after this many (the count is still exact). Default 10. */
  maxListed?: number;
};

const COUNTED_TABLES = [
  "Claim",
  "Attribution",
  "AttributionVia",
  "Source",
  "Actor",
  "ActorAlias",
  "Topic",
  "Status",
  "StatusChange",
  "AccuracyChange",
  "Annotation",
  "AuditLog",
  "user",
  "ApiToken",
] as const;

type Row = Record<string, unknown>;

export function checkConsistency(file: string, options: ConsistencyOptions = {}): ConsistencyReport {
  const { ftsIntegrityCheck = true, maxListed = 10 } = options;
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const db = new Database(file, { readonly: !ftsIntegrityCheck, fileMustExist: true, timeout: 10_000 });
  try {
    const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
    const integrityMessages = integrity.map((row) => row.integrity_check);
    if (integrityMessages.join("\n") !== "ok") problems.push(`integrity_check: ${integrityMessages.slice(0, maxListed).join("; ")}`);

    const foreignKeys = db.pragma("foreign_key_check") as Row[];
    if (foreignKeys.length > 0) {
      problems.push(`foreign_key_check: ${foreignKeys.length} violation(s), e.g. ${JSON.stringify(foreignKeys.slice(0, maxListed))}`);
    }

    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`).all() as { name: string }[]).map((r) => r.name));
    for (const required of ["_prisma_migrations", "Claim", "claim_search", "claim_search_document", "search_sync_queue", "search_sync_pause"]) {
      if (!tables.has(required)) problems.push(`missing table or view ${required}`);
    }
    if (problems.some((p) => p.startsWith("missing table"))) return { ok: false, problems, counts };

    for (const table of COUNTED_TABLES) {
      if (tables.has(table)) counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    }

    const unfinished = db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL`).all() as { migration_name: string }[];
    if (unfinished.length > 0) problems.push(`unfinished or rolled back migrations: ${unfinished.map((m) => m.migration_name).join(", ")}`);

    const paused = (db.prepare(`SELECT count(*) AS n FROM search_sync_pause`).get() as { n: number }).n;
    if (paused > 0) {
      const reasons = (db.prepare(`SELECT reason FROM search_sync_pause LIMIT 5`).all() as { reason: string }[]).map((r) => r.reason);
      problems.push(`search_sync_pause holds ${paused} row(s) (${reasons.join(", ")}): search triggers are switched off`);
    }
    const queued = (db.prepare(`SELECT count(*) AS n FROM search_sync_queue`).get() as { n: number }).n;
    if (queued > 0) problems.push(`search_sync_queue holds ${queued} unprocessed claim id(s)`);

    // FTS rows and claims, both ways.
    const missingFromIndex = db.prepare(`SELECT id FROM "Claim" WHERE id NOT IN (SELECT rowid FROM claim_search) ORDER BY id`).pluck().all() as number[];
    const orphanedInIndex = db.prepare(`SELECT rowid FROM claim_search WHERE rowid NOT IN (SELECT id FROM "Claim") ORDER BY rowid`).pluck().all() as number[];
    if (missingFromIndex.length > 0) problems.push(`${missingFromIndex.length} claim(s) missing from claim_search, e.g. ${missingFromIndex.slice(0, maxListed).join(", ")}`);
    if (orphanedInIndex.length > 0) problems.push(`${orphanedInIndex.length} claim_search row(s) with no claim, e.g. ${orphanedInIndex.slice(0, maxListed).join(", ")}`);

    // Each indexed document equals the one the view computes now.
    const staleDocuments = db
      .prepare(
        `SELECT d.claim_id FROM claim_search_document d JOIN claim_search s ON s.rowid = d.claim_id
         WHERE s.claim_text IS NOT d.claim_text OR s.quotes IS NOT d.quotes OR s.actors IS NOT d.actors ORDER BY d.claim_id`,
      )
      .pluck()
      .all() as number[];
    if (staleDocuments.length > 0) problems.push(`${staleDocuments.length} stale search document(s), e.g. claims ${staleDocuments.slice(0, maxListed).join(", ")}`);

    if (ftsIntegrityCheck) {
      try {
        db.prepare(`INSERT INTO claim_search(claim_search) VALUES ('integrity-check')`).run();
      } catch (error) {
        problems.push(`FTS5 integrity-check: ${(error as Error).message}`);
      }
    }

    // Derived columns, recomputed exactly as the trigger in migration 20261128000100_search does.
    const derivedMismatches = db
      .prepare(
        `SELECT c.id, c.contested, c.sourceCount, c.firstPublishedAt, d.contested AS expectedContested, d.sourceCount AS expectedSourceCount, d.firstPublishedAt AS expectedFirstPublishedAt
         FROM "Claim" c JOIN (
           SELECT c2.id AS id,
             EXISTS (SELECT 1 FROM "Attribution" x JOIN "Attribution" y ON y."claimId" = x."claimId" AND y."stance" = 'denies' AND y."actorId" <> x."actorId"
                     WHERE x."claimId" = c2.id AND x."stance" = 'asserts') AS contested,
             (SELECT count(DISTINCT a."sourceId") FROM "Attribution" a WHERE a."claimId" = c2.id) AS sourceCount,
             (SELECT min(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId" WHERE a."claimId" = c2.id) AS firstPublishedAt
           FROM "Claim" c2
         ) d ON d.id = c.id
         WHERE (c.contested <> 0) IS NOT (d.contested <> 0) OR c.sourceCount IS NOT d.sourceCount OR c.firstPublishedAt IS NOT d.firstPublishedAt
         ORDER BY c.id`,
      )
      .all() as Row[];
    if (derivedMismatches.length > 0) {
      problems.push(`${derivedMismatches.length} claim(s) with stale derived columns, e.g. ${JSON.stringify(derivedMismatches.slice(0, Math.min(3, maxListed)))}`);
    }
  } finally {
    db.close();
  }
  return { ok: problems.length === 0, problems, counts };
}

/** Throw with every problem listed when the database is not consistent; return the report otherwise. */
export function assertConsistent(file: string, options?: ConsistencyOptions): ConsistencyReport {
  const report = checkConsistency(file, options);
  if (!report.ok) throw new Error(`Database ${file} is not consistent:\n  - ${report.problems.join("\n  - ")}`);
  return report;
}

/**
 * Claim ids a full-text search for `word` finds, straight from the FTS table (the word is
 * quoted, as lib/claims/search/fts-query.ts does for user input).
 */
export function searchClaimIds(file: string, word: string): number[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const phrase = `"${word.replace(/"/g, '""')}"`;
    return db.prepare(`SELECT rowid FROM claim_search WHERE claim_search MATCH ? ORDER BY rowid`).pluck().all(phrase) as number[];
  } finally {
    db.close();
  }
}
