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
 * - Prisma's transaction queue: P2028 "Unable to start a transaction in the given time".
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (typeof code !== "string") return false;
  if (code.startsWith("SQLITE_BUSY")) return true;
  // P2028 also covers expired and closed transactions, which are not a busy database.
  if (code === "P2028") return /Unable to start a transaction in the given time/.test(String((error as { message?: unknown }).message));
  const sqliteCode = meta?.driverAdapterError?.cause?.originalCode;
  return code === "P1008" && typeof sqliteCode === "string" && sqliteCode.startsWith("SQLITE_BUSY");
}

/** Seconds a client should wait before trying a busy write again. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export const BUSY_MESSAGE = "The database is busy with another write (a large import?), so nothing was changed. Try again in a few seconds.";
