import Database from "better-sqlite3";
import { openQueryConnection, type DatabaseKind, type QueryConnection } from "@/tools/harness/database";

/**
 * "Is this Claimtrail database consistent?", asked of the database itself with a separate
 * connection (tools/harness/database.ts), so it works on a database left behind by a
 * killed process, a restored backup or a load-test run alike, on SQLite (a file path or
 * `file:` URL) and on PostgreSQL (a postgresql:// URL). Nothing here depends on the app's
 * modules. The rules are written once; what differs between the two databases (how the
 * search index is stored, what each engine can check of itself) is in ENGINES below.
 *
 * Checked:
 * - the engine's own checks: on SQLite PRAGMA integrity_check is "ok", PRAGMA
 *   foreign_key_check finds nothing and FTS5's integrity-check passes (only with a
 *   writable connection; it is a no-op write); on PostgreSQL, which enforces foreign keys
 *   itself, no constraint is left unvalidated and no trigger of the schema is disabled;
 * - every migration finished and none was rolled back (SQLite's _prisma_migrations;
 *   PostgreSQL's migrator records a migration only in the transaction that applied it);
 * - the search index holds exactly one row per claim, each equal to what the claim's
 *   document is now (SQLite: the claim_search_document view; PostgreSQL: the
 *   claimtrail_search_document function);
 * - the derived columns Claim.contested, sourceCount, firstPublishedAt and lastPublishedAt
 *   equal what the triggers would compute from the attributions;
 * - nothing is left half-done: search_sync_pause holds no row (a bulk loader killed while
 *   it had paused the triggers would leave one, and every later write would silently stop
 *   updating search) and, on SQLite, search_sync_queue is empty.
 */
export type ConsistencyReport = {
  ok: boolean;
  problems: string[];
  counts: Record<string, number>;
};

export type ConsistencyOptions = {
  /** Run FTS5's 'integrity-check' command (SQLite), which needs a writable connection. Default true. */
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

/** What each database keeps in its own way. */
type Engine = {
  /** Tables and views of the schema. */
  tableNames: string;
  required: readonly string[];
  /** The engine's own checks; each problem as one line. */
  selfChecks(db: QueryConnection, options: Required<ConsistencyOptions>): Promise<string[]>;
  /** Migrations that did not finish or were rolled back, or null when the engine's migrator cannot leave any. */
  unfinishedMigrations: string | null;
  /** The queue of claims whose search document awaits an update, or null when the triggers update at once. */
  syncQueue: string | null;
  /** The claim id of every row of the search index, as `id`. */
  indexedIds: string;
  /** Claims whose indexed document differs from the one computed now. */
  staleDocuments: string;
};

const ENGINES: Record<DatabaseKind, Engine> = {
  sqlite: {
    tableNames: `SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`,
    required: ["_prisma_migrations", "Claim", "claim_search", "claim_search_document", "search_sync_queue", "search_sync_pause"],
    async selfChecks(db, { maxListed, ftsIntegrityCheck }) {
      const problems: string[] = [];
      const integrity = await db.column<string>(`PRAGMA integrity_check`);
      if (integrity.join("\n") !== "ok") problems.push(`integrity_check: ${integrity.slice(0, maxListed).join("; ")}`);
      const foreignKeys = await db.all<Row>(`PRAGMA foreign_key_check`);
      if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${foreignKeys.length} violation(s), e.g. ${JSON.stringify(foreignKeys.slice(0, maxListed))}`);
      if (ftsIntegrityCheck) {
        try {
          await db.run(`INSERT INTO claim_search(claim_search) VALUES ('integrity-check')`);
        } catch (error) {
          problems.push(`FTS5 integrity-check: ${(error as Error).message}`);
        }
      }
      return problems;
    },
    unfinishedMigrations: `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL`,
    syncQueue: `SELECT count(*) FROM search_sync_queue`,
    indexedIds: `SELECT rowid AS id FROM claim_search`,
    staleDocuments: `SELECT d.claim_id FROM claim_search_document d JOIN claim_search s ON s.rowid = d.claim_id
      WHERE s.claim_text IS NOT d.claim_text OR s.quotes IS NOT d.quotes OR s.actors IS NOT d.actors ORDER BY d.claim_id`,
  },
  postgresql: {
    tableNames: `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
    required: ["claimtrail_migrations", "Claim", "claim_search", "search_sync_pause"],
    async selfChecks(db, { maxListed }) {
      const problems: string[] = [];
      const unvalidated = await db.column<string>(
        `SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY 1`,
      );
      if (unvalidated.length > 0) problems.push(`${unvalidated.length} constraint(s) not validated: ${unvalidated.slice(0, maxListed).join(", ")}`);
      const disabled = await db.column<string>(
        `SELECT t.tgname FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace
         WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled = 'D' ORDER BY 1`,
      );
      if (disabled.length > 0) problems.push(`${disabled.length} trigger(s) disabled: ${disabled.slice(0, maxListed).join(", ")}`);
      return problems;
    },
    unfinishedMigrations: null,
    syncQueue: null,
    indexedIds: `SELECT "claimId" AS id FROM claim_search`,
    staleDocuments: `SELECT s."claimId" FROM claim_search s WHERE s."document" IS DISTINCT FROM "claimtrail_search_document"(s."claimId") ORDER BY 1`,
  },
};

/** The bit of each stance in Claim."stances", as prisma/schema.prisma documents them. */
const STANCE_BITS_DOCUMENTED: [stance: string, bit: number][] = [
  ["asserts", 1],
  ["denies", 2],
  ["reports", 4],
  ["declines_to_clarify", 8],
];

/**
 * Derived columns, recomputed as the triggers do (SQLite migrations
 * 20261128000100_search, 20261130041400_claim_last_published_at and
 * 20261202100000_claim_stances, their PostgreSQL twins), in SQL both databases speak:
 * `contested` is an integer on SQLite and a boolean on PostgreSQL, and CASE WHEN reads
 * either. `stances` is written here bit by bit, from the bits the column is documented
 * to hold (prisma/schema.prisma), not as the triggers' sum of distinct bits, so that a
 * mistake in either shows.
 */
const DERIVED_MISMATCHES = `SELECT c.id, c."contested", c."sourceCount", c."firstPublishedAt", c."lastPublishedAt", c."stances",
    d.contested AS "expectedContested", d.source_count AS "expectedSourceCount", d.first_published_at AS "expectedFirstPublishedAt", d.last_published_at AS "expectedLastPublishedAt",
    d.stances AS "expectedStances"
  FROM "Claim" c JOIN (
    SELECT c2.id AS id,
      EXISTS (SELECT 1 FROM "Attribution" x JOIN "Attribution" y ON y."claimId" = x."claimId" AND y."stance" = 'denies' AND y."actorId" <> x."actorId"
              WHERE x."claimId" = c2.id AND x."stance" = 'asserts') AS contested,
      (SELECT count(DISTINCT a."sourceId") FROM "Attribution" a WHERE a."claimId" = c2.id) AS source_count,
      (SELECT min(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId" WHERE a."claimId" = c2.id) AS first_published_at,
      (SELECT max(s."publishedAt") FROM "Attribution" a JOIN "Source" s ON s."id" = a."sourceId" WHERE a."claimId" = c2.id) AS last_published_at,
      ${STANCE_BITS_DOCUMENTED.map(([stance, bit]) => `(CASE WHEN EXISTS (SELECT 1 FROM "Attribution" a WHERE a."claimId" = c2.id AND a."stance" = '${stance}') THEN ${bit} ELSE 0 END)`).join(" + ")} AS stances
    FROM "Claim" c2
  ) d ON d.id = c.id
  WHERE (CASE WHEN c."contested" THEN 1 ELSE 0 END) <> (CASE WHEN d.contested THEN 1 ELSE 0 END)
     OR c."sourceCount" IS DISTINCT FROM d.source_count OR c."firstPublishedAt" IS DISTINCT FROM d.first_published_at
     OR c."lastPublishedAt" IS DISTINCT FROM d.last_published_at OR c."stances" <> d.stances
  ORDER BY c.id`;

/** `target`: a SQLite file (path or `file:` URL) or a PostgreSQL URL. */
export async function checkConsistency(target: string, options: ConsistencyOptions = {}): Promise<ConsistencyReport> {
  const settings = { ftsIntegrityCheck: options.ftsIntegrityCheck ?? true, maxListed: options.maxListed ?? 10 };
  const { maxListed } = settings;
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const db = await openQueryConnection(target, { readonly: !settings.ftsIntegrityCheck });
  const engine = ENGINES[db.kind];
  const count = async (text: string) => (await db.column<number>(text))[0] ?? 0;
  try {
    const tables = new Set(await db.column<string>(engine.tableNames));
    for (const required of engine.required) {
      if (!tables.has(required)) problems.push(`missing table or view ${required}`);
    }
    if (problems.length > 0) return { ok: false, problems, counts };

    problems.push(...(await engine.selfChecks(db, settings)));

    for (const table of COUNTED_TABLES) {
      if (tables.has(table)) counts[table] = await count(`SELECT count(*) FROM "${table}"`);
    }

    if (engine.unfinishedMigrations) {
      const unfinished = await db.column<string>(engine.unfinishedMigrations);
      if (unfinished.length > 0) problems.push(`unfinished or rolled back migrations: ${unfinished.join(", ")}`);
    }

    const paused = await count(`SELECT count(*) FROM search_sync_pause`);
    if (paused > 0) {
      const reasons = await db.column<string>(`SELECT reason FROM search_sync_pause LIMIT 5`);
      problems.push(`search_sync_pause holds ${paused} row(s) (${reasons.join(", ")}): search triggers are switched off`);
    }
    if (engine.syncQueue) {
      const queued = await count(engine.syncQueue);
      if (queued > 0) problems.push(`search_sync_queue holds ${queued} unprocessed claim id(s)`);
    }

    // Index rows and claims, both ways.
    const missingFromIndex = await db.column<number>(`SELECT id FROM "Claim" WHERE id NOT IN (${engine.indexedIds}) ORDER BY id`);
    const orphanedInIndex = await db.column<number>(`SELECT i.id FROM (${engine.indexedIds}) i WHERE i.id NOT IN (SELECT id FROM "Claim") ORDER BY i.id`);
    if (missingFromIndex.length > 0) problems.push(`${missingFromIndex.length} claim(s) missing from claim_search, e.g. ${missingFromIndex.slice(0, maxListed).join(", ")}`);
    if (orphanedInIndex.length > 0) problems.push(`${orphanedInIndex.length} claim_search row(s) with no claim, e.g. ${orphanedInIndex.slice(0, maxListed).join(", ")}`);

    const staleDocuments = await db.column<number>(engine.staleDocuments);
    if (staleDocuments.length > 0) problems.push(`${staleDocuments.length} stale search document(s), e.g. claims ${staleDocuments.slice(0, maxListed).join(", ")}`);

    const derivedMismatches = await db.all<Row>(DERIVED_MISMATCHES);
    if (derivedMismatches.length > 0) {
      problems.push(`${derivedMismatches.length} claim(s) with stale derived columns, e.g. ${JSON.stringify(derivedMismatches.slice(0, Math.min(3, maxListed)))}`);
    }
  } finally {
    await db.close();
  }
  return { ok: problems.length === 0, problems, counts };
}

/** Throw with every problem listed when the database is not consistent; return the report otherwise. */
export async function assertConsistent(target: string, options?: ConsistencyOptions): Promise<ConsistencyReport> {
  const report = await checkConsistency(target, options);
  if (!report.ok) throw new Error(`Database ${target} is not consistent:\n  - ${report.problems.join("\n  - ")}`);
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
