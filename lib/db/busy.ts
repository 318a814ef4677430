/**
 * True when a write gave up waiting for SQLite's write lock: another process (a large
 * command-line import, a second server) held it longer than the busy timeout, or another
 * transaction of this process held the Prisma adapter's queue longer than `maxWait`.
 * Nothing was written (the transaction rolled back); the caller may simply try again, so
 * it is answered 503 with Retry-After rather than as an internal error. Each layer reports
 * it differently:
 * - better-sqlite3: SqliteError with code SQLITE_BUSY (or SQLITE_BUSY_*);
 * - Prisma's better-sqlite3 adapter: P1008 "Operation has timed out", the SQLite code in
 *   meta.driverAdapterError.cause.originalCode;
 * - Prisma's transaction queue: P2028 "Unable to start a transaction in the given time";
 * - PostgreSQL through adapter-pg: P2034, or the server's SQLSTATE in the same meta field.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, cause } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: { originalCode?: unknown } };
  // Inside an interactive transaction Prisma passes adapter-pg's DriverAdapterError on as is.
  const adapterCode = cause?.originalCode;
  if (typeof adapterCode === "string" && POSTGRES_RETRYABLE.has(adapterCode)) return true;
  if (typeof code !== "string") return false;
  if (code.startsWith("SQLITE_BUSY")) return true;
  // P2028 also covers expired and closed transactions, which are not a busy database.
  if (code === "P2028") return /Unable to start a transaction in the given time/.test(String((error as { message?: unknown }).message));
  // PostgreSQL (docs/decisions/049): a write conflict or deadlock rolled the transaction back
  // (Prisma's P2034), or the adapter reports the server's code for one, a lock it could not
  // take, or a statement cancelled by a lock or statement timeout. Nothing was written.
  if (code === "P2034") return true;
  const driverCode = meta?.driverAdapterError?.cause?.originalCode;
  if (typeof driverCode === "string" && POSTGRES_RETRYABLE.has(driverCode)) return true;
  return code === "P1008" && typeof driverCode === "string" && driverCode.startsWith("SQLITE_BUSY");
}

/** serialization_failure, deadlock_detected, lock_not_available, query_canceled (a timeout). */
const POSTGRES_RETRYABLE = new Set(["40001", "40P01", "55P03", "57014"]);

/** Seconds a client should wait before trying a busy write again. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export const BUSY_MESSAGE = "The database is busy with another write (a large import?), so nothing was changed. Try again in a few seconds.";
