import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";

/** Resolves when the database answers a query; rejects with the driver's error when it does not. */
export async function checkDatabase(db: SqlReader = sharedReader): Promise<void> {
  await db.one(sql`SELECT 1 AS "ok"`);
}
