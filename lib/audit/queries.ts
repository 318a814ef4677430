import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";
import { toIsoTimestamp } from "@/lib/db/timestamps";

export const AUDIT_PAGE_SIZE = 100;

export type AuditEntry = {
  id: number;
  createdAt: string;
  /** Null for writes made by the system (seed, command line) or by a deleted account. */
  userEmail: string | null;
  /** The name people know the user by, shown in the log (the e-mail on hover). */
  userName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The record before and after, as stored JSON text. */
  before: string | null;
  after: string | null;
};

/**
 * One page of the audit log, newest first: the entries older than `before` (an entry id),
 * or the newest when it is absent. Paging by id, not offset, so a page stays the same
 * while new writes arrive.
 */
export async function listAuditEntries(before: number | null, db: SqlReader = sharedReader): Promise<AuditEntry[]> {
  const rows = await db.all<AuditEntry>(sql`
    SELECT a."id", a."createdAt", u."email" AS "userEmail", u."name" AS "userName", a."action", a."entityType", a."entityId", a."before", a."after"
    FROM "AuditLog" a LEFT JOIN "User" u ON u."id" = a."userId"
    WHERE ${before === null ? sql`1 = 1` : sql`a."id" < ${before}`}
    ORDER BY a."id" DESC
    LIMIT ${AUDIT_PAGE_SIZE}`);
  return rows.map((row) => ({ ...row, createdAt: toIsoTimestamp(row.createdAt) }));
}
