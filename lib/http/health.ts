import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";
import { dialect } from "@/lib/db/dialect";
import { toBoolean } from "@/lib/db/values";
import { constants } from "node:fs";
import { access, statfs } from "node:fs/promises";
import path from "node:path";
import { sqliteFilePath } from "@/lib/env";
import { lastStorageFailure, STORAGE_FAILURE_MESSAGE } from "@/lib/db/storage";

/** Resolves when the database answers a query; rejects with the driver's error when it does not. */
export async function checkDatabase(db: SqlReader = sharedReader): Promise<void> {
  await db.one(sql`SELECT 1 AS "ok"`);
}

/** Below this much free space on the database's file system, writes are about to fail. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

/**
 * Whether the server can take writes now (readiness), as distinct from whether it is up
 * and can read (liveness, /api/health). A server on a full disk or a read-only database
 * still serves every page, so a liveness probe keeps it running; a readiness probe takes it
 * out of rotation and tells the operator why. Each problem is a sentence for the operator.
 */
export async function writeReadinessProblems(databaseFile?: string): Promise<string[]> {
  const problems: string[] = [];
  const failure = lastStorageFailure();
  if (failure) problems.push(`The last write failed at ${failure.at.toISOString()}: ${STORAGE_FAILURE_MESSAGE[failure.failure]}`);
  if (databaseFile === undefined && dialect === "postgresql") return [...problems, ...(await postgresWriteProblems())];
  return [...problems, ...(await fileWriteProblems(databaseFile ?? sqliteFilePath()))];
}

/** PostgreSQL takes no writes on a standby (a replica in recovery); its disk is the server's to watch. */
async function postgresWriteProblems(): Promise<string[]> {
  const row = await sharedReader.one<{ standby: unknown }>(sql`SELECT pg_is_in_recovery() AS "standby"`);
  return toBoolean(row?.standby) ? ["The PostgreSQL server is a standby (in recovery): it takes no writes."] : [];
}

async function fileWriteProblems(databaseFile: string): Promise<string[]> {
  const problems: string[] = [];
  // SQLite writes the file, and its -wal and -journal files next to it in the same folder.
  for (const target of [databaseFile, path.dirname(databaseFile)]) {
    if (!(await access(target, constants.W_OK).then(() => true, () => false))) problems.push(`${target} is not writable by the server.`);
  }
  const disk = await statfs(path.dirname(databaseFile)).catch(() => null);
  if (disk) {
    const free = disk.bavail * disk.bsize;
    if (free < MIN_FREE_BYTES) problems.push(`Only ${Math.floor(free / 1024)} KiB are free on the database's disk (at least ${MIN_FREE_BYTES / 1024 / 1024} MiB needed).`);
  }
  return problems;
}

/**
 * Readiness (/api/health/ready): the database answers a read and can take writes. Each
 * problem is a sentence for the operator; none means ready.
 */
export async function readinessProblems(databaseFile: string = sqliteFilePath()): Promise<string[]> {
  const read = await checkDatabase().then(
    () => null,
    (error: unknown) => `The database does not answer a read: ${error instanceof Error ? error.message : String(error)}`,
  );
  return [...(read ? [read] : []), ...(await writeReadinessProblems(databaseFile))];
}
