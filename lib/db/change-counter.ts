import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";

/**
 * The database's change counter (prisma/migrations/…_change_counter): triggers on every
 * domain table move it on in the writing transaction, so it is the same in every server
 * process and changes exactly when something a reader can see has. One single-row read.
 */
export type ChangeCounter = { value: number; changedAt: string };

export async function readChangeCounter(db: SqlReader = sharedReader): Promise<ChangeCounter> {
  const row = await db.one<ChangeCounter>(sql`SELECT "value", "changedAt" FROM "ChangeCounter" WHERE "id" = 1`);
  if (!row) throw new Error("The ChangeCounter row is missing: run the migrations (npm run db:prepare).");
  return row;
}
