import type Database from "better-sqlite3";
import { replacePlaceholders, sql, type Sql } from "@/lib/db/sql";
import { usedAgain } from "@/lib/memo/recently-used";

/**
 * Sets of claim ids kept by the SQLite reader in temporary tables of its connection until
 * the database changes (decision 076): a broad search's matches, which a list sorted by a
 * claim column looks each claim up in. Read from the search index, they go into a temporary
 * index for every statement that names them (82,000 matches of `the*` at 100k claims: 9–15
 * ms, however few claims the page needs); kept in a table whose rowid is the id, the
 * statements look them up there, and the next page or the same list again reads no more of
 * the search index.
 *
 * A kept set stands in a query (keptIdsQuery) for its table, which the reader names only
 * when it runs the statement (withKeptIdTables), in the same synchronous call: another
 * request can fill a table between two statements of one request, never between the naming
 * and the running. The tables are a fixed pool, created once with the connection, so that
 * filling one changes no schema and no prepared statement is made again.
 */

/**
 * How many sets the reader keeps, the least recently used refilled first. Each table holds
 * one search's matches: 160 pages of 4 KiB for the 82,000 of `the*` at 100k claims, so 8
 * sets of 800,000 at a million claims take some 50 MB.
 */
export const KEPT_ID_TABLES = 8;

/** A set of ids in a query: the statement that selects them as `"claimId"`. */
class KeptIds {
  readonly key: string;
  constructor(readonly ids: Sql) {
    this.key = JSON.stringify([ids.text, ids.params]);
  }
}

/** `SELECT "id" AS "claimId" FROM <the table keeping the ids of `ids`>`, for the reader that keeps them to run. */
export function keptIdsQuery(ids: Sql): Sql {
  return sql`SELECT "id" AS "claimId" FROM ${new KeptIds(ids)}`;
}

/** The pool of one connection: which set each table holds, in the order of use. */
export type KeptIdTables = {
  readonly db: Database.Database;
  /** The connection's values for a statement's parameters (lib/db/sqlite.ts). */
  readonly bind: (params: readonly unknown[]) => unknown[];
  readonly held: Map<string, string>;
  readonly free: string[];
};

const tableName = (slot: number) => `"claimtrail_kept_ids_${slot}"`;

/** The pool's tables, created on the reader's connection (temporary tables are writable on a read-only connection). */
export function createKeptIdTables(db: Database.Database, bind: KeptIdTables["bind"]): KeptIdTables {
  const free = Array.from({ length: KEPT_ID_TABLES }, (_, slot) => tableName(slot));
  for (const table of free) db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} ("id" INTEGER PRIMARY KEY)`);
  return { db, bind, held: new Map(), free };
}

/** After a write: no table holds a current set any more. Their rows stay until each is filled again. */
export function forgetKeptIds(tables: KeptIdTables): void {
  tables.free.push(...tables.held.values());
  tables.held.clear();
}

/** Whether `query` names a kept set: only such a query needs withKeptIdTables. */
export function namesKeptIds(query: Sql): boolean {
  return query.params.some((param) => param instanceof KeptIds);
}

/**
 * `query` with each kept set named by its table, filled first where it does not hold that
 * set already, and the sets taken out of the parameters. Call it right before running a
 * statement that names one (namesKeptIds), with the pool forgotten when the database
 * changed since the tables were filled.
 */
export function withKeptIdTables(query: Sql, tables: KeptIdTables): Sql {
  const named = new Set<string>();
  const tableOf = new Map<number, string>();
  query.params.forEach((param, index) => {
    if (!(param instanceof KeptIds)) return;
    const table = tableHolding(param, tables, named);
    named.add(table);
    tableOf.set(index, `temp.${table}`);
  });
  return {
    text: replacePlaceholders(query.text, (index) => tableOf.get(index) ?? null),
    params: query.params.filter((param) => !(param instanceof KeptIds)),
  };
}

/** The table holding `set`, filled now if none does; never one of `inUse`, named by the same statement. */
function tableHolding(set: KeptIds, tables: KeptIdTables, inUse: ReadonlySet<string>): string {
  const held = usedAgain(tables.held, set.key);
  if (held) return held;
  const table = tables.free.pop() ?? leastRecentlyUsed(tables, inUse);
  try {
    tables.db.prepare(`DELETE FROM temp.${table}`).run();
    // The ids come in any order; a table keyed on them keeps each once.
    tables.db.prepare(`INSERT OR IGNORE INTO temp.${table} ("id") SELECT "claimId" FROM (${set.ids.text})`).run(tables.bind(set.ids.params));
  } catch (error) {
    // The table holds no set now, but stays in the pool.
    tables.free.push(table);
    throw error;
  }
  tables.held.set(set.key, table);
  return table;
}

function leastRecentlyUsed(tables: KeptIdTables, inUse: ReadonlySet<string>): string {
  for (const [key, table] of tables.held) {
    if (inUse.has(table)) continue;
    tables.held.delete(key);
    return table;
  }
  throw new Error(`A statement names more than ${KEPT_ID_TABLES} kept sets of ids`);
}
