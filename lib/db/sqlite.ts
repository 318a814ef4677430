import "server-only";
import Database from "better-sqlite3";
import { env, sqliteFilePath } from "@/lib/env";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";
import type { Sql } from "@/lib/db/sql";

/**
 * Read-only better-sqlite3 connections for the hand-written queries behind search,
 * facets and exports (docs/decisions/004). Read-only means a mistake in a dynamic query
 * can never write; WAL mode lets them read while Prisma's connection writes.
 */
export function openReadOnly(file: string = sqliteFilePath(env.DATABASE_URL), options: { memoryMapped?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  // For the long-lived reader: memory-mapped reads skip a read(2) and a copy per page, and
  // a 64 MiB page cache keeps the indexes of a 100k-claim database between requests
  // (docs/performance.md). A one-off pass over the whole file (an export) gains little
  // from either, and mapped pages would count in the process's RSS as the file is read.
  if (options.memoryMapped ?? true) {
    db.pragma("mmap_size = 1073741824");
    db.pragma("cache_size = -65536");
  }
  return db;
}

type Reader = {
  db: Database.Database;
  statements: Map<string, Database.Statement>;
  /** Results kept until the database changes (queryAllUntilChanged), and the data_version they belong to. */
  results: Map<string, unknown[]>;
  version: number;
};

const globalForReader = globalThis as unknown as { claimtrailReader?: Reader };

/** Prepared statements kept per SQL text; the least recently used goes when there are more. */
const STATEMENT_CACHE_SIZE = 500;

function reader(): Reader {
  globalForReader.claimtrailReader ??= { db: openReadOnly(), statements: new Map(), results: new Map(), version: -1 };
  return globalForReader.claimtrailReader;
}

/**
 * The statement for `text`, prepared once: SQLite parses and plans a statement on
 * prepare, which costs as much as running a small query. Queries bind their values, so
 * the set of distinct texts stays small.
 */
function prepare(text: string): Database.Statement {
  const { db, statements } = reader();
  let statement = statements.get(text);
  if (statement) {
    statements.delete(text);
  } else {
    statement = db.prepare(text);
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
  }
  statements.set(text, statement);
  return statement;
}

/** Close the reader (tests delete their database copy afterwards); the next query reopens it. */
export function closeReader(): void {
  globalForReader.claimtrailReader?.db.close();
  globalForReader.claimtrailReader = undefined;
}

/** Anything that runs a query and returns its rows: the shared reader, or an export's own connection. */
export type SqlReader = { all<Row>(query: Sql): Row[] };

export const sharedReader: SqlReader = { all: (query) => queryAll(query) };

export function queryAll<Row>(query: Sql): Row[] {
  return prepare(query.text).all(...query.params) as Row[];
}

export function queryOne<Row>(query: Sql): Row | undefined {
  return prepare(query.text).get(...query.params) as Row | undefined;
}

/**
 * Rows of a query over the whole database (no user filter in it, e.g. the facet counts
 * of the unfiltered list), computed once per change of the database. `PRAGMA
 * data_version` on this connection changes whenever any other connection commits, so a
 * result is never served after a write. Only for queries whose parameters come from code:
 * the number of distinct entries must stay small.
 */
export function queryAllUntilChanged<Row>(query: Sql): Row[] {
  const current = reader();
  const version = prepare("PRAGMA data_version").pluck().get() as number;
  if (version !== current.version) {
    current.results.clear();
    current.version = version;
  }
  const key = JSON.stringify([query.text, query.params]);
  let rows = current.results.get(key);
  if (!rows) {
    rows = queryAll<Row>(query);
    current.results.set(key, rows);
  }
  return rows as Row[];
}
