import "server-only";
import { dialect } from "@/lib/db/dialect";
import { databaseKindOf, type DatabaseKind } from "@/lib/env";
import type { Sql } from "@/lib/db/sql";
import * as sqlite from "@/lib/db/sqlite";
import { keptIdsQuery } from "@/lib/db/sqlite-kept-ids";
import * as postgres from "@/lib/db/postgres/reader";

/**
 * The read side of the hand-written SQL (docs/decisions/004): search, facets, record
 * hydration, the source, actor and dashboard pages and the exports read through a
 * `SqlReader`, never through a driver directly, so that the same queries run on SQLite
 * and on PostgreSQL. Every reader is read-only: a mistake in a dynamic query can never
 * write. Values are normalised by the readers, so callers see the same JavaScript values
 * on both databases (see lib/db/values.ts for booleans and timestamps).
 */
export interface SqlReader {
  all<Row>(query: Sql): Promise<Row[]>;
  one<Row>(query: Sql): Promise<Row | undefined>;
  /**
   * Rows of a query, computed once per change of the database and kept until the next
   * where the reader keeps such a cache (the shared one); a reader without one answers as
   * `all`. For the whole-database counts (the facets of the unfiltered list, the totals
   * behind the broad-filter decisions) and a ranked search's first ids. The shared readers
   * keep at most RESULTS_KEPT_UNTIL_CHANGED results (lib/db/until-changed.ts), the least
   * recently used going first, so a result must be small: a query made from what a user
   * asked is kept only with a LIMIT.
   */
  allUntilChanged<Row>(query: Sql): Promise<Row[]>;
  /**
   * Where the reader keeps sets of ids until the database changes (the shared SQLite one,
   * lib/db/sqlite-kept-ids.ts): a statement selecting the ids of `ids` (a `SELECT … AS
   * "claimId"`) from the set it keeps of them, for this reader alone to run. A broad
   * search's matches, which each page of a list sorted by a claim column looks claims up in.
   */
  keptIds?(ids: Sql): Sql;
}

/**
 * A reader on a connection of its own that sees one snapshot of the database from open
 * to close, for a long read such as an export: the whole file reflects one moment, and
 * that long read never holds back the shared reader the pages use.
 */
export interface SnapshotReader extends SqlReader {
  /** Which database it reads: what a batch costs differs (lib/export/stream-export.ts). */
  readonly kind: DatabaseKind;
  /** The rows of `query` in batches of at most `size`, read as they are asked for. */
  batches<Row>(query: Sql, size: number): AsyncIterableIterator<Row[]>;
  close(): Promise<void>;
}

/** The process's shared reader, for the pages and the API. */
export const sharedReader: SqlReader = {
  all: (query) => queryAll(query),
  one: (query) => queryOne(query),
  allUntilChanged: (query) => queryAllUntilChanged(query),
  ...(dialect === "sqlite" ? { keptIds: keptIdsQuery } : {}),
};

async function queryAll<Row>(query: Sql): Promise<Row[]> {
  return dialect === "sqlite" ? sqlite.queryAll<Row>(query) : postgres.queryAll<Row>(query);
}

async function queryOne<Row>(query: Sql): Promise<Row | undefined> {
  return dialect === "sqlite" ? sqlite.queryOne<Row>(query) : postgres.queryOne<Row>(query);
}

/** The shared reader's `allUntilChanged` (see SqlReader). */
async function queryAllUntilChanged<Row>(query: Sql): Promise<Row[]> {
  return dialect === "sqlite" ? sqlite.queryAllUntilChanged<Row>(query) : postgres.queryAllUntilChanged<Row>(query);
}

/** A snapshot reader on the database of `databaseUrl` (the configured one by default). */
export async function openSnapshotReader(databaseUrl?: string): Promise<SnapshotReader> {
  const kind = databaseUrl === undefined ? dialect : databaseKindOf(databaseUrl);
  return kind === "sqlite" ? sqlite.openSnapshotReader(databaseUrl) : postgres.openSnapshotReader(databaseUrl);
}

/** Close the shared reader (tests delete their database afterwards); the next query reopens it. */
export async function closeReader(): Promise<void> {
  if (dialect === "sqlite") sqlite.closeReader();
  else await postgres.closeReader();
}
