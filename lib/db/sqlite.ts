import "server-only";
import Database from "better-sqlite3";
import { env, sqliteFilePath } from "@/lib/env";
import { READER_CACHE_KIB, READER_MMAP_BYTES, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";
import type { Sql } from "@/lib/db/sql";
import type { SnapshotReader } from "@/lib/db/reader";
import { recentlyUsed } from "@/lib/memo/recently-used";
import { RESULTS_KEPT_UNTIL_CHANGED } from "@/lib/db/until-changed";
import { rowStatement, type RowStatement } from "@/lib/db/sqlite-rows";
import { createKeptIdTables, forgetKeptIds, namesKeptIds, withKeptIdTables, type KeptIdTables } from "@/lib/db/sqlite-kept-ids";

/**
 * The SQLite side of lib/db/reader.ts: read-only better-sqlite3 connections for the
 * hand-written queries (docs/decisions/004). Read-only means a mistake in a dynamic query
 * can never write; WAL mode lets them read while Prisma's connection writes. Callers use
 * lib/db/reader.ts, which picks this module or the PostgreSQL one.
 */
export function openReadOnly(file: string = sqliteFilePath(env.DATABASE_URL), options: { memoryMapped?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  // For the long-lived reader: memory-mapped reads skip a read(2) and a copy per page, and
  // a page cache keeps the indexes of a 100k-claim database between requests
  // (docs/performance.md). A one-off pass over the whole file (an export) gains little
  // from either, and mapped pages would count in the process's RSS as the file is read.
  if (options.memoryMapped ?? true) {
    db.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
    db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  }
  return db;
}

/** better-sqlite3 binds no booleans; SQLite stores them as 0 and 1, as Prisma writes them. */
function bindable(params: readonly unknown[]): unknown[] {
  return params.map((value) => (typeof value === "boolean" ? (value ? 1 : 0) : value));
}

type Reader = {
  db: Database.Database;
  statements: Map<string, RowStatement>;
  /** `PRAGMA data_version`, read as a single value. */
  dataVersion: Database.Statement;
  /** Results kept until the database changes (queryAllUntilChanged), and the data_version they belong to. */
  results: Map<string, unknown[]>;
  version: number;
  /** Sets of ids kept in temporary tables until the database changes (lib/db/sqlite-kept-ids.ts). */
  keptIds: KeptIdTables;
};

const globalForReader = globalThis as unknown as { claimtrailReader?: Reader };

/** Prepared statements kept per SQL text; the least recently used goes when there are more. */
const STATEMENT_CACHE_SIZE = 500;

function reader(): Reader {
  if (!globalForReader.claimtrailReader) {
    const db = openReadOnly();
    globalForReader.claimtrailReader = {
      db,
      statements: new Map(),
      dataVersion: db.prepare("PRAGMA data_version").pluck(),
      results: new Map(),
      version: -1,
      keptIds: createKeptIdTables(db, bindable),
    };
  }
  return globalForReader.claimtrailReader;
}

/**
 * The statement for `text`, prepared once: SQLite parses and plans a statement on
 * prepare, which costs as much as running a small query. Queries bind their values, so
 * the set of distinct texts stays small.
 */
function prepare(text: string): RowStatement {
  const { db, statements } = reader();
  return recentlyUsed(statements, text, STATEMENT_CACHE_SIZE, () => rowStatement(db.prepare(text)));
}

/** Close the reader (tests delete their database copy afterwards); the next query reopens it. */
export function closeReader(): void {
  globalForReader.claimtrailReader?.db.close();
  globalForReader.claimtrailReader = undefined;
}

export function queryAll<Row>(query: Sql): Row[] {
  const runnable = withKeptIds(query);
  return prepare(runnable.text).all(bindable(runnable.params)) as Row[];
}

export function queryOne<Row>(query: Sql): Row | undefined {
  const runnable = withKeptIds(query);
  return prepare(runnable.text).get(bindable(runnable.params)) as Row | undefined;
}

/**
 * See lib/db/reader.ts. `PRAGMA data_version` on this connection changes whenever any
 * other connection commits, so a result is never served after a write.
 */
export function queryAllUntilChanged<Row>(query: Sql): Row[] {
  const current = unchangedReader();
  const key = JSON.stringify([query.text, query.params]);
  return recentlyUsed(current.results, key, RESULTS_KEPT_UNTIL_CHANGED, () => queryAll<Row>(query)) as Row[];
}

/** The reader, with what it keeps until the database changes dropped if it has changed since. */
function unchangedReader(): Reader {
  const current = reader();
  const version = current.dataVersion.get() as number;
  if (version !== current.version) {
    current.results.clear();
    forgetKeptIds(current.keptIds);
    current.version = version;
  }
  return current;
}

/** `query` with the sets of ids it names (keptIdsQuery) in their tables, filled for the database as it is now. */
function withKeptIds(query: Sql): Sql {
  return namesKeptIds(query) ? withKeptIdTables(query, unchangedReader().keptIds) : query;
}

/**
 * A connection of its own for one long read. SQLite keeps a read transaction, and so one
 * snapshot, open while a cursor is open; the batches come from such a cursor and every
 * other read of the snapshot reader runs inside it. `databaseUrl` lets tests and the
 * benchmark read any database file.
 */
export function openSnapshotReader(databaseUrl: string = env.DATABASE_URL): SnapshotReader {
  const db = openReadOnly(sqliteFilePath(databaseUrl), { memoryMapped: false });
  // Every batch runs the same few statements: prepare each once.
  const statements = new Map<string, RowStatement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = rowStatement(db.prepare(text))));
    return statement;
  };
  return {
    kind: "sqlite",
    all: async <Row>(query: Sql) => prepared(query.text).all(bindable(query.params)) as Row[],
    one: async <Row>(query: Sql) => prepared(query.text).get(bindable(query.params)) as Row | undefined,
    // One snapshot has no later change to wait for: nothing to keep.
    allUntilChanged: async <Row>(query: Sql) => prepared(query.text).all(bindable(query.params)) as Row[],
    async *batches<Row>(query: Sql, size: number) {
      const cursor = rowStatement(db.prepare(query.text)).iterate(bindable(query.params)) as IterableIterator<Row>;
      try {
        let batch: Row[] = [];
        for (const row of cursor) {
          batch.push(row);
          if (batch.length >= size) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      } finally {
        cursor.return?.();
      }
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
