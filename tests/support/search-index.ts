import { dialect } from "@/lib/db/dialect";
import { sharedReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";

/** Whether the search index holds a document for the claim: an FTS5 row on SQLite, a tsvector row on PostgreSQL. */
export async function searchIndexHolds(claimId: number): Promise<boolean> {
  const query =
    dialect === "postgresql" ? sql`SELECT "claimId" FROM "claim_search" WHERE "claimId" = ${claimId}` : sql`SELECT rowid FROM claim_search WHERE rowid = ${claimId}`;
  return (await sharedReader.one(query)) !== undefined;
}
