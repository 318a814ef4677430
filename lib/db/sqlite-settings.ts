/**
 * How long a connection waits for a lock before SQLITE_BUSY. Writers queue behind each
 * other for at most this long instead of failing, which is what keeps SQLITE_BUSY from
 * reaching a user under concurrent edits.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
