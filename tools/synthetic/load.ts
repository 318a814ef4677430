/**
 * Write a synthetic dataset into a migrated Claimtrail database with raw better-sqlite3
 * prepared statements, all in ONE transaction: the search triggers are paused (a row in
 * search_sync_pause) and the secondary indexes dropped while rows go in, chunk by chunk;
 * then the indexes are built again, the FTS index and derived columns rebuilt in bulk, and
 * the pause row removed before commit. A failure anywhere rolls everything back, so the
 * database is never left with its triggers paused, its indexes missing or half loaded.
 */
import type Database from "better-sqlite3";
import { toStoredTimestamp } from "@/lib/db/timestamps";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";
import { rebuildAllClaimSearchSync } from "@/lib/search/rebuild";
import type { SyntheticDataset } from "@/tools/synthetic/dataset";
import type { SyntheticChunk, SyntheticStream, SyntheticVocabulary } from "@/tools/synthetic/generate";

/** Page cache of the load (negative: KiB): 256 MiB, and 1.5 GiB while the search index is built. */
const LOAD_CACHE = -262_144;
const SEARCH_INDEX_CACHE = -1_572_864;

export const PAUSE_REASON = "synthetic data load";

/** Tables holding claim data: a database with rows in any of them is not empty. */
export const CONTENT_TABLES = ["Claim", "Attribution", "AttributionVia", "Source", "Actor", "ActorAlias", "Topic", "StatusChange", "AccuracyChange", "Annotation"] as const;

/** Audit entries about claim data (not about accounts), removed with it by --force. */
const CONTENT_AUDIT_TYPES = ["claim", "attribution", "annotation", "source", "actor", "topic"];

export class DatabaseNotEmptyError extends Error {}

export type LoadTimings = Record<string, number>;

/** Prisma's stored DateTime form: ISO 8601 with "+00:00" (lib/db/timestamps.ts). */
export function storedTimestamp(time: number): string {
  return toStoredTimestamp(new Date(time));
}
const storedOrNull = (time: number | null) => (time === null ? null : storedTimestamp(time));

export function contentCounts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(CONTENT_TABLES.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n]));
}

/**
 * Load `dataset` into `db` (already migrated). Refuses a database that holds claim data
 * unless `force`, which first deletes all claim data (claims, attributions, sources,
 * actors, topics, histories, notes, their audit entries and the synthetic accounts);
 * statuses, other accounts and their audit entries are kept.
 */
export function loadDataset(db: Database.Database, dataset: SyntheticDataset, options: { force?: boolean } = {}): LoadTimings {
  return loadSynthetic(db, { vocabulary: dataset, chunks: [dataset] }, options);
}

/**
 * The same for a stream (tools/synthetic/generate.ts `streamDataset`): each chunk is
 * drawn and written in turn, so only one chunk's rows are in memory. The time spent
 * drawing the chunks is reported as "generate".
 */
export function loadSynthetic(db: Database.Database, stream: SyntheticStream, options: { force?: boolean } = {}): LoadTimings {
  const counts = contentCounts(db);
  const nonEmpty = Object.entries(counts).filter(([, n]) => n > 0);
  if (nonEmpty.length > 0 && !options.force) {
    throw new DatabaseNotEmptyError(
      `The database already holds claim data (${nonEmpty.map(([table, n]) => `${table}: ${n}`).join(", ")}). ` +
        "Use --force to delete it and generate synthetic data in its place, or point DATABASE_URL at a new file.",
    );
  }

  const timings: LoadTimings = {};
  const time = <T>(label: string, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      timings[label] = (timings[label] ?? 0) + performance.now() - started;
    }
  };

  // Bulk-load settings; foreign keys are checked once at the end instead of per row.
  const previous = {
    foreignKeys: db.pragma("foreign_keys", { simple: true }),
    synchronous: db.pragma("synchronous", { simple: true }),
    journalMode: db.pragma("journal_mode", { simple: true }) as string,
  };
  db.pragma("foreign_keys = OFF");
  db.pragma("synchronous = OFF");
  db.pragma(`cache_size = ${LOAD_CACHE}`);
  db.pragma("temp_store = MEMORY");
  // A rollback journal keeps only the pages that existed before the transaction (next to
  // nothing in a fresh file) and writes the rest once, into the database; in WAL mode every
  // page is written twice, to the log and at the checkpoint (5 GB twice at a million claims).
  // Another open connection keeps the file in WAL mode (the pragma then leaves it as it is).
  if (previous.journalMode === "wal") db.pragma("journal_mode = TRUNCATE");
  try {
    db.transaction(() => {
      db.prepare(`INSERT INTO "search_sync_pause" ("reason") VALUES (?)`).run(PAUSE_REASON);
      if (nonEmpty.length > 0) time("delete existing data", () => deleteClaimData(db));
      time("users, statuses, topics, actors", () => insertVocabulary(db, stream.vocabulary));
      const indexes = time("drop indexes", () => dropIndexes(db));
      const write = prepareChunkWriter(db);
      const chunks = stream.chunks[Symbol.iterator]();
      for (let next = time("generate", () => chunks.next()); !next.done; next = time("generate", () => chunks.next())) {
        const chunk = next.value;
        time("sources", () => write.sources(chunk));
        time("claims", () => write.claims(chunk));
        time("attributions and via", () => write.attributions(chunk));
        time("histories, notes, audit", () => write.workflow(chunk));
      }
      // The rebuild reads attributions by claim (their indexes first) and then rewrites every
      // claim's derived columns, which six of Claim's indexes hold: those are built after it.
      time("create indexes", () => indexes.filter((index) => index.table !== "Claim").forEach((index) => db.exec(index.sql)));
      // FTS5 merges the search index's segments as it writes them, rereading them; once the
      // index outgrows the page cache (about 500 MB at 1M claims) every merge reads its pages
      // back from the file: 810 of a 1M load's 1,100 s. A cache that holds the index, for
      // this step only, keeps memory bounded by a constant.
      time("search index and derived columns", () => {
        db.pragma(`cache_size = ${SEARCH_INDEX_CACHE}`);
        try {
          rebuildAllClaimSearchSync(db);
        } finally {
          db.pragma(`cache_size = ${LOAD_CACHE}`);
        }
      });
      time("create indexes", () => indexes.filter((index) => index.table === "Claim").forEach((index) => db.exec(index.sql)));
      db.prepare(`DELETE FROM "search_sync_pause" WHERE "reason" = ?`).run(PAUSE_REASON);
      time("foreign key check", () => {
        const problems = db.pragma("foreign_key_check") as unknown[];
        if (problems.length > 0) throw new Error(`Synthetic data breaks ${problems.length} foreign keys, e.g. ${JSON.stringify(problems[0])}`);
      });
    })();
    time("checkpoint", () => db.pragma("wal_checkpoint(TRUNCATE)"));
    // The planner's statistics, as a migrated database gets them (lib/db/migrate.ts).
    time("planner statistics", () => db.pragma("optimize = 0x10002"));
  } finally {
    db.pragma(`journal_mode = ${previous.journalMode}`);
    db.pragma(`foreign_keys = ${previous.foreignKeys ? "ON" : "OFF"}`);
    db.pragma(`synchronous = ${Number(previous.synchronous)}`);
  }
  return timings;
}

function deleteClaimData(db: Database.Database): void {
  for (const table of ["Annotation", "AccuracyChange", "StatusChange", "AttributionVia", "Attribution", "Claim", "ActorAlias", "Actor", "Source", "Topic"]) {
    db.exec(`DELETE FROM "${table}"`);
  }
  db.exec(`DELETE FROM "claim_search"`);
  db.prepare(`DELETE FROM "AuditLog" WHERE "entityType" IN (${CONTENT_AUDIT_TYPES.map(() => "?").join(", ")})`).run(...CONTENT_AUDIT_TYPES);
  // Ids restart at 1, so a forced run gives the same rows as a run on a fresh file.
  // (Without its sqlite_sequence row, an AUTOINCREMENT table continues from its largest remaining id.)
  db.exec(`DELETE FROM "sqlite_sequence" WHERE "name" IN (${[...CONTENT_TABLES, "AuditLog"].map((t) => `'${t}'`).join(", ")})`);
}

/**
 * The default verdict vocabulary, the same rows as ensureDefaultStatuses
 * (lib/seed/default-statuses.ts), where missing; an admin's edits are kept.
 */
export function insertDefaultStatuses(db: Database.Database): void {
  // (Not INSERT OR IGNORE: an ignored insert still advances the AUTOINCREMENT counter.)
  const status = db.prepare(
    `INSERT INTO "Status" ("key", "label", "description", "colour", "sortOrder", "isFinal", "ratingValue")
     SELECT @key, @label, @description, @colour, @sortOrder, @isFinal, @ratingValue WHERE NOT EXISTS (SELECT 1 FROM "Status" WHERE "key" = @key)`,
  );
  DEFAULT_STATUSES.forEach((s, index) => status.run({ ...s, sortOrder: index, isFinal: s.isFinal ? 1 : 0 }));
}

function insertVocabulary(db: Database.Database, dataset: SyntheticVocabulary): void {
  insertDefaultStatuses(db);

  db.prepare(`DELETE FROM "user" WHERE "id" LIKE 'synthetic-user-%'`).run();
  const user = db.prepare(`INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt", "role", "banned") VALUES (?, ?, ?, 1, ?, ?, ?, 0)`);
  for (const u of dataset.users) user.run(u.id, u.name, u.email, storedTimestamp(u.createdAt), storedTimestamp(u.createdAt), u.role);

  const topic = db.prepare(`INSERT INTO "Topic" ("id", "key", "label", "description") VALUES (?, ?, ?, ?)`);
  for (const t of dataset.topics) topic.run(t.id, t.key, t.label, t.description);

  const actor = db.prepare(`INSERT INTO "Actor" ("id", "name", "normalizedName", "kind", "role", "affiliation", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const a of dataset.actors) {
    const at = storedTimestamp(a.createdAt);
    actor.run(a.id, a.name, a.normalizedName, a.kind, a.role, a.affiliation, at, at);
  }
  const alias = db.prepare(`INSERT INTO "ActorAlias" ("id", "actorId", "alias", "normalizedAlias") VALUES (?, ?, ?, ?)`);
  for (const a of dataset.aliases) alias.run(a.id, a.actorId, a.alias, a.normalizedAlias);
}

/** The tables the chunks fill. */
const CHUNK_TABLES = ["Source", "Claim", "Attribution", "AttributionVia", "StatusChange", "AccuracyChange", "Annotation", "AuditLog"];

/**
 * Drop the secondary indexes of the chunk tables (not the ones a table's own definition
 * makes, which have no SQL of their own) and return the statements that create them again.
 * Built once after the load, an index is one sort of its keys; kept during it, every row
 * lands at a random place of up to nine B-trees larger than the page cache (at a million
 * claims the load slowed to a third of its starting speed). Unique indexes still check
 * uniqueness when they are created; a duplicate fails the load's one transaction.
 * Returns each index's table and the statement that creates it.
 */
function dropIndexes(db: Database.Database): { table: string; sql: string }[] {
  const indexes = db
    .prepare(`SELECT "name", "tbl_name" AS "table", "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "sql" IS NOT NULL AND "tbl_name" IN (${CHUNK_TABLES.map(() => "?").join(", ")}) ORDER BY "name"`)
    .all(...CHUNK_TABLES) as { name: string; table: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return indexes;
}

/** Statements prepared once, run for every chunk. */
function prepareChunkWriter(db: Database.Database) {
  const ids = statusIds(db);
  // Appended after any audit entries the database keeps (accounts), so existing ids stand.
  const auditOffset = (db.prepare(`SELECT coalesce(max("id"), 0) AS n FROM "AuditLog"`).get() as { n: number }).n;
  const source = db.prepare(
    `INSERT INTO "Source" ("id", "title", "outlet", "url", "author", "publishedAt", "text", "textSha256", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const claim = db.prepare(
    `INSERT INTO "Claim" ("id", "text", "normalizedText", "topicId", "statusId", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const attribution = db.prepare(
    `INSERT INTO "Attribution" ("id", "claimId", "sourceId", "actorId", "stance", "verb", "sourcing", "actorRole", "quote", "quotePrefix", "quoteSuffix", "quoteStart", "quoteEnd", "accuracy", "version", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const via = db.prepare(`INSERT INTO "AttributionVia" ("attributionId", "position", "actorId") VALUES (?, ?, ?)`);
  const statusChange = db.prepare(
    `INSERT INTO "StatusChange" ("id", "claimId", "fromStatusId", "toStatusId", "rationale", "evidence", "userId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const accuracyChange = db.prepare(
    `INSERT INTO "AccuracyChange" ("id", "attributionId", "fromAccuracy", "toAccuracy", "rationale", "userId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const annotation = db.prepare(
    `INSERT INTO "Annotation" ("id", "claimId", "attributionId", "parentId", "authorId", "body", "version", "createdAt", "updatedAt", "deletedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = db.prepare(`INSERT INTO "AuditLog" ("id", "userId", "action", "entityType", "entityId", "before", "after", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  return {
    sources(chunk: SyntheticChunk): void {
      for (const s of chunk.sources) {
        const at = storedTimestamp(s.createdAt);
        source.run(s.id, s.title, s.outlet, s.url, s.author, storedOrNull(s.publishedAt), s.text, s.textSha256, at, at);
      }
    },
    claims(chunk: SyntheticChunk): void {
      for (const c of chunk.claims) {
        claim.run(c.id, c.text, c.normalizedText, c.topicId, ids.get(c.statusKey), c.version, storedTimestamp(c.createdAt), storedTimestamp(c.updatedAt));
      }
    },
    attributions(chunk: SyntheticChunk): void {
      for (const a of chunk.attributions) {
        attribution.run(
          a.id, a.claimId, a.sourceId, a.actorId, a.stance, a.verb, a.sourcing, a.actorRole,
          a.quote, a.quotePrefix, a.quoteSuffix, a.quoteStart, a.quoteEnd, a.accuracy, a.version,
          storedTimestamp(a.createdAt), storedTimestamp(a.updatedAt),
        );
      }
      for (const v of chunk.vias) via.run(v.attributionId, v.position, v.actorId);
    },
    workflow(chunk: SyntheticChunk): void {
      for (const s of chunk.statusChanges) {
        statusChange.run(s.id, s.claimId, s.fromStatusKey === null ? null : ids.get(s.fromStatusKey), ids.get(s.toStatusKey), s.rationale, JSON.stringify(s.evidence), s.userId, storedTimestamp(s.createdAt));
      }
      for (const a of chunk.accuracyChanges) accuracyChange.run(a.id, a.attributionId, a.fromAccuracy, a.toAccuracy, a.rationale, a.userId, storedTimestamp(a.createdAt));
      for (const n of chunk.annotations) {
        annotation.run(n.id, n.claimId, n.attributionId, n.parentId, n.authorId, n.body, n.version, storedTimestamp(n.createdAt), storedTimestamp(n.updatedAt), storedOrNull(n.deletedAt));
      }
      for (const e of chunk.audit) audit.run(auditOffset + e.id, e.userId, e.action, e.entityType, e.entityId, e.before, e.after, storedTimestamp(e.createdAt));
    },
  };
}

function statusIds(db: Database.Database): Map<string, number> {
  return new Map((db.prepare(`SELECT "key", "id" FROM "Status"`).all() as { key: string; id: number }[]).map((row) => [row.key, row.id]));
}
