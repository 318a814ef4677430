import "server-only";
import { list, raw, sql, type Sql } from "@/lib/db/sql";

/**
 * Rebuild the search document (FTS table claim_search) and the derived claim columns
 * (contested, sourceCount, firstPublishedAt) outside the triggers, for bulk loaders that
 * write with the triggers paused (docs/decisions/003): one set-based pass at the end
 * instead of one recomputation per written row.
 *
 * The SQL is the trigger's (search_sync_queue_ai in migration 20261128000100_search) with
 * NEW."claimId" replaced by the claim being updated; tests/integration/import-rebuild.test.ts
 * checks that both give the same result.
 *
 * Works with a Prisma client or transaction client (anything with $executeRawUnsafe), so
 * the importer, seeders and the benchmark share it.
 */
export type RawExecutor = { $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number> };

const CHUNK = 500;

const run = (db: RawExecutor, query: Sql) => db.$executeRawUnsafe(query.text, ...query.params);

async function rebuild(db: RawExecutor, claims: Sql): Promise<void> {
  await run(db, sql`DELETE FROM claim_search WHERE rowid IN (SELECT id FROM Claim WHERE ${claims})`);
  await run(
    db,
    sql`INSERT INTO claim_search (rowid, claim_text, quotes, actors)
        SELECT claim_id, claim_text, quotes, actors FROM claim_search_document
        WHERE claim_id IN (SELECT id FROM Claim WHERE ${claims})`,
  );
  await run(
    db,
    sql`UPDATE Claim SET
          contested = EXISTS (
            SELECT 1 FROM Attribution x
            JOIN Attribution y ON y.claimId = x.claimId AND y.stance = 'denies' AND y.actorId <> x.actorId
            WHERE x.claimId = Claim.id AND x.stance = 'asserts'),
          sourceCount = (SELECT count(DISTINCT a.sourceId) FROM Attribution a WHERE a.claimId = Claim.id),
          firstPublishedAt = (
            SELECT min(s.publishedAt) FROM Attribution a JOIN Source s ON s.id = a.sourceId
            WHERE a.claimId = Claim.id)
        WHERE ${claims}`,
  );
}

/** Rebuild the given claims (ids of claims that no longer exist are ignored). */
export async function rebuildClaimSearch(db: RawExecutor, claimIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(claimIds)];
  for (let start = 0; start < ids.length; start += CHUNK) {
    await rebuild(db, sql`id IN ${list(ids.slice(start, start + CHUNK))}`);
  }
}

/** Rebuild every claim, e.g. after loading a large data set with the triggers paused. */
export async function rebuildAllClaimSearch(db: RawExecutor): Promise<void> {
  // Documents of claims deleted while paused go too (the delete trigger is never paused, but be thorough).
  await run(db, raw("DELETE FROM claim_search"));
  await rebuild(db, raw("1 = 1"));
}

/**
 * Pause the search triggers for this transaction's writes. Inside a transaction the pause
 * row is invisible to other connections, so only this writer skips the triggers.
 * `reason` identifies the row so resume removes exactly this one.
 */
export async function pauseSearchSync(db: RawExecutor, reason: string): Promise<void> {
  await run(db, sql`INSERT INTO search_sync_pause (reason) VALUES (${reason})`);
}

export async function resumeSearchSync(db: RawExecutor, reason: string): Promise<void> {
  await run(db, sql`DELETE FROM search_sync_pause WHERE reason = ${reason}`);
}
