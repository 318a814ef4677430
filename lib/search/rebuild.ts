import type Database from "better-sqlite3";
import { dialect } from "@/lib/db/dialect";
import { list, numberedPlaceholders, raw, sql, type Sql } from "@/lib/db/sql";
import { stanceBitsOf } from "@/lib/claims/search/stance-bits";

/**
 * Rebuild the search document (FTS table claim_search) and the derived claim columns
 * (contested, sourceCount, firstPublishedAt, lastPublishedAt, stances) outside the
 * triggers, for bulk loaders that write with the triggers paused (docs/decisions/003): one
 * set-based pass at the end instead of one recomputation per written row.
 *
 * The SQL computes what the trigger search_sync_queue_ai (migrations
 * 20261128000100_search and 20261202100000_claim_stances) computes;
 * tests/integration/import-rebuild.test.ts and tests/integration/synthetic.test.ts check
 * that both give the same result. The
 * statements are plain data, so the importer (a Prisma transaction) and the synthetic
 * loader (a better-sqlite3 transaction) run the same ones.
 */
export type RawExecutor = { $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number> };

const CHUNK = 500;

const CONTESTED = sql`EXISTS (
  SELECT 1 FROM Attribution x
  JOIN Attribution y ON y.claimId = x.claimId AND y.stance = 'denies' AND y.actorId <> x.actorId
  WHERE x.claimId = Claim.id AND x.stance = 'asserts')`;

/** The statements that recompute the claims selected by `claims`, a condition on Claim. */
function rebuildStatements(claims: Sql): Sql[] {
  return [
    sql`DELETE FROM claim_search WHERE rowid IN (SELECT id FROM Claim WHERE ${claims})`,
    sql`INSERT INTO claim_search (rowid, claim_text, quotes, actors)
        SELECT claim_id, claim_text, quotes, actors FROM claim_search_document
        WHERE claim_id IN (SELECT id FROM Claim WHERE ${claims})`,
    sql`UPDATE Claim SET
          contested = ${CONTESTED},
          sourceCount = (SELECT count(DISTINCT a.sourceId) FROM Attribution a WHERE a.claimId = Claim.id),
          firstPublishedAt = (
            SELECT min(s.publishedAt) FROM Attribution a JOIN Source s ON s.id = a.sourceId
            WHERE a.claimId = Claim.id),
          lastPublishedAt = (
            SELECT max(s.publishedAt) FROM Attribution a JOIN Source s ON s.id = a.sourceId
            WHERE a.claimId = Claim.id),
          stances = (SELECT ${stanceBitsOf(sql`a.stance`)} FROM Attribution a WHERE a.claimId = Claim.id)
        WHERE ${claims}`,
  ];
}

/**
 * Every claim at once. The per-claim aggregates come from one grouped pass over
 * Attribution into a temporary table instead of correlated subqueries per claim (much
 * faster at 100k claims); claims without attributions get false / 0 / NULL, as the
 * trigger gives them. Documents of claims deleted while paused go too.
 */
function rebuildAllStatements(): Sql[] {
  return [
    raw("DELETE FROM claim_search"),
    raw(`INSERT INTO claim_search (rowid, claim_text, quotes, actors)
         SELECT claim_id, claim_text, quotes, actors FROM claim_search_document`),
    raw(`DROP TABLE IF EXISTS temp.claim_derived`),
    raw(`CREATE TEMP TABLE claim_derived (claimId INTEGER PRIMARY KEY, sourceCount INTEGER NOT NULL, firstPublishedAt TEXT, lastPublishedAt TEXT, stances INTEGER NOT NULL)`),
    sql`INSERT INTO temp.claim_derived (claimId, sourceCount, firstPublishedAt, lastPublishedAt, stances)
         SELECT a.claimId, count(DISTINCT a.sourceId), min(s.publishedAt), max(s.publishedAt), ${stanceBitsOf(sql`a.stance`)}
         FROM Attribution a JOIN Source s ON s.id = a.sourceId GROUP BY a.claimId`,
    sql`UPDATE Claim SET
          contested = ${CONTESTED},
          sourceCount = coalesce((SELECT d.sourceCount FROM temp.claim_derived d WHERE d.claimId = Claim.id), 0),
          firstPublishedAt = (SELECT d.firstPublishedAt FROM temp.claim_derived d WHERE d.claimId = Claim.id),
          lastPublishedAt = (SELECT d.lastPublishedAt FROM temp.claim_derived d WHERE d.claimId = Claim.id),
          stances = coalesce((SELECT d.stances FROM temp.claim_derived d WHERE d.claimId = Claim.id), 0)`,
    raw(`DROP TABLE temp.claim_derived`),
    // One b-tree per term instead of one per flush: what incremental writes reach over time.
    raw(`INSERT INTO claim_search (claim_search) VALUES ('optimize')`),
  ];
}

const run = (db: RawExecutor, query: Sql) =>
  dialect === "postgresql" ? db.$executeRawUnsafe(numberedPlaceholders(query.text), ...query.params) : db.$executeRawUnsafe(query.text, ...query.params);

/**
 * On PostgreSQL the triggers' own function recomputes a claim (migration
 * 20261130100100_search_and_triggers), so the rebuild is that function over the claims.
 */
const POSTGRES_REBUILD_ALL = raw(`SELECT "claimtrail_refresh_claim"("id") FROM "Claim"`);
const postgresRebuild = (ids: readonly number[]) => sql`SELECT "claimtrail_refresh_claim"("id") FROM "Claim" WHERE "id" = ANY (${ids}::INTEGER[])`;

/** Rebuild the given claims (ids of claims that no longer exist are ignored). */
export async function rebuildClaimSearch(db: RawExecutor, claimIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(claimIds)];
  if (dialect === "postgresql") {
    if (ids.length > 0) await run(db, postgresRebuild(ids));
    return;
  }
  for (let start = 0; start < ids.length; start += CHUNK) {
    for (const statement of rebuildStatements(sql`id IN ${list(ids.slice(start, start + CHUNK))}`)) await run(db, statement);
  }
}

/** Rebuild every claim, e.g. after loading a large data set with the triggers paused. */
export async function rebuildAllClaimSearch(db: RawExecutor): Promise<void> {
  if (dialect === "postgresql") {
    await run(db, POSTGRES_REBUILD_ALL);
    return;
  }
  for (const statement of rebuildAllStatements()) await run(db, statement);
}

/** The same for a better-sqlite3 connection, inside its (synchronous) transaction. */
export function rebuildAllClaimSearchSync(db: Database.Database): void {
  for (const statement of rebuildAllStatements()) db.prepare(statement.text).run(...statement.params);
}

/**
 * Pause the search triggers for this transaction's writes. Inside a transaction the pause
 * row is invisible to other connections, so only this writer skips the triggers.
 * `reason` identifies the row so resume removes exactly this one.
 */
export async function pauseSearchSync(db: RawExecutor, reason: string): Promise<void> {
  await run(db, sql`INSERT INTO "search_sync_pause" ("reason") VALUES (${reason})`);
}

export async function resumeSearchSync(db: RawExecutor, reason: string): Promise<void> {
  await run(db, sql`DELETE FROM "search_sync_pause" WHERE "reason" = ${reason}`);
}
