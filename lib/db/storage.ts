import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "@/lib/db/busy";

/**
 * Writes that failed because the database cannot store anything right now: the disk (or
 * the database's size limit) is full, the file became read-only, or the disk reports I/O
 * errors. Nothing was written (the transaction was rolled back and released, see
 * lib/db/prisma.ts); retrying helps only once an operator has freed space or fixed the
 * file, so they are answered 507 (full) or 503 with a message that says so, never as an
 * internal error, and the readiness check (/api/ready) reports them until a write succeeds.
 *
 * Prisma reports the SQLite code as the error's own `code` (a failed statement) or as
 * meta.driverAdapterError.cause.originalCode (a failed raw statement such as COMMIT).
 */
export type StorageFailure = "full" | "read_only" | "io";

export function storageFailure(error: unknown): StorageFailure | null {
  const code = sqliteCode(error);
  if (!code) return null;
  if (code.startsWith("SQLITE_FULL")) return "full";
  if (code.startsWith("SQLITE_READONLY")) return "read_only";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")) return "io";
  return null;
}

function sqliteCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, meta, cause } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: { originalCode?: unknown } };
  for (const candidate of [code, meta?.driverAdapterError?.cause?.originalCode, cause?.originalCode]) {
    if (typeof candidate === "string" && candidate.startsWith("SQLITE_")) return candidate;
  }
  return null;
}

export const STORAGE_FAILURE_STATUS: Record<StorageFailure, 503 | 507> = { full: 507, read_only: 503, io: 503 };

export const STORAGE_FAILURE_MESSAGE: Record<StorageFailure, string> = {
  full: "The server's disk is full, so nothing was saved. Tell the site's operator; try again once space has been freed.",
  read_only: "The database cannot be written (its file is read-only), so nothing was saved. Tell the site's operator.",
  io: "The database's disk reported an error, so nothing was saved. Tell the site's operator.",
};

/**
 * The last storage failure of this process and when it happened, until a write succeeds
 * again. Kept on globalThis like the Prisma client, so every route module sees the same one.
 */
const state = globalThis as unknown as { claimtrailStorageFailure?: { failure: StorageFailure; at: Date } | null };

export function noteStorageFailure(failure: StorageFailure): void {
  state.claimtrailStorageFailure = { failure, at: new Date() };
}

export function noteWriteSucceeded(): void {
  state.claimtrailStorageFailure = null;
}

export function lastStorageFailure(): { failure: StorageFailure; at: Date } | null {
  return state.claimtrailStorageFailure ?? null;
}

/**
 * A failed write the user can be told about: the database is busy (503, try again) or
 * cannot store anything (507/503, tell the operator). Null for anything else, which is an
 * internal error. API routes and Server Actions both answer through this.
 */
export function databaseWriteFailure(error: unknown): { status: 503 | 507; message: string; retryAfterSeconds?: number } | null {
  if (isDatabaseBusy(error)) return { status: 503, message: BUSY_MESSAGE, retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS };
  const failure = storageFailure(error);
  if (!failure) return null;
  noteStorageFailure(failure);
  return { status: STORAGE_FAILURE_STATUS[failure], message: STORAGE_FAILURE_MESSAGE[failure] };
}
