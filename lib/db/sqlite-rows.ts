import "server-only";
import type Database from "better-sqlite3";

/**
 * Rows as plain objects, built in JavaScript rather than by better-sqlite3.
 *
 * better-sqlite3 makes each row object through V8's C++ API, one property at a time: about
 * 8 µs for an attribution row of 22 columns, more than SQLite takes to find and read it.
 * Reading the row as an array (raw mode) and copying it into an object literal of one
 * fixed shape, compiled once per statement, gives the same object in about a third of the
 * time (docs/decisions/071; docs/performance.md, issue 18, "Fifth round").
 */
export type RowStatement = {
  all(params: readonly unknown[]): unknown[];
  get(params: readonly unknown[]): unknown;
  iterate(params: readonly unknown[]): IterableIterator<unknown>;
};

type ToRow = (values: readonly unknown[]) => Record<string, unknown>;

/**
 * `{ "name": values[0], … }` for these column names. A repeated name keeps its last value,
 * as better-sqlite3's objects do. null when a name cannot be a literal's plain key
 * (`__proto__` would set the prototype): such a statement keeps better-sqlite3's objects.
 */
function rowFactory(columns: readonly string[]): ToRow | null {
  if (columns.includes("__proto__")) return null;
  const fields = columns.map((name, index) => `${JSON.stringify(name)}: values[${index}]`);
  // The names come from the statement's own column list, each written as a JSON string
  // literal: nothing from a request reaches this source text.
  return new Function("values", `return { ${fields.join(", ")} };`) as ToRow;
}

/**
 * `statement` read as objects through a row factory where it returns rows, as it is
 * otherwise. The column names are read once, here: the readers' statements name their
 * columns (no `SELECT *`), so a change of schema after the prepare (which the migrations
 * never make under a running server: they run before it starts) cannot shift them.
 */
export function rowStatement(statement: Database.Statement): RowStatement {
  const toRow = statement.reader ? rowFactory(statement.columns().map((column) => column.name)) : null;
  if (!toRow) {
    return {
      all: (params) => statement.all(...params),
      get: (params) => statement.get(...params),
      iterate: (params) => statement.iterate(...params),
    };
  }
  const rawStatement = statement.raw(true);
  return {
    all: (params) => (rawStatement.all(...params) as unknown[][]).map(toRow),
    get: (params) => {
      const values = rawStatement.get(...params) as unknown[] | undefined;
      return values === undefined ? undefined : toRow(values);
    },
    iterate: function* (params) {
      for (const values of rawStatement.iterate(...params) as IterableIterator<unknown[]>) yield toRow(values);
    },
  };
}
