import "server-only";
import Database from "better-sqlite3";
import { env, sqliteFilePath } from "@/lib/env";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";
import type { Sql } from "@/lib/db/sql";

/**
 * A read-only better-sqlite3 connection for the hand-written queries behind search,
 * facets and exports (docs/decisions/004). Read-only means a mistake in a dynamic query
 * can never write; WAL mode lets it read while Prisma's connection writes.
 */
function openReader() {
  const db = new Database(sqliteFilePath(env.DATABASE_URL), { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return db;
}

const globalForReader = globalThis as unknown as { claimtrailReader?: Database.Database };

function reader(): Database.Database {
  globalForReader.claimtrailReader ??= openReader();
  return globalForReader.claimtrailReader;
}

/** Close the reader (tests delete their database copy afterwards); the next query reopens it. */
export function closeReader(): void {
  globalForReader.claimtrailReader?.close();
  globalForReader.claimtrailReader = undefined;
}

/** Anything that runs a query and returns its rows: the shared reader, or an export's own connection. */
export type SqlReader = { all<Row>(query: Sql): Row[] };

export const sharedReader: SqlReader = { all: (query) => queryAll(query) };

export function queryAll<Row>(query: Sql): Row[] {
  return reader().prepare(query.text).all(...query.params) as Row[];
}

export function queryOne<Row>(query: Sql): Row | undefined {
  return reader().prepare(query.text).get(...query.params) as Row | undefined;
}

/** Rows one at a time, for streaming exports: memory stays flat whatever the row count. */
export function queryIterate<Row>(query: Sql): IterableIterator<Row> {
  return reader().prepare(query.text).iterate(...query.params) as IterableIterator<Row>;
}
