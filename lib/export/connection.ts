import "server-only";
import type Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/env";
import { openReadOnly } from "@/lib/db/sqlite";
import type { Sql } from "@/lib/db/sql";

/**
 * A read-only connection owned by one export. Each export gets its own so that
 * - the whole file reflects one snapshot of the database (SQLite keeps a read transaction
 *   open while the id cursor is open, and hydration reads run inside it), and
 * - that long-lived snapshot never holds back the shared reader the pages use.
 * Taking the file as a parameter lets tests, the benchmark and the round-trip property
 * export from any database.
 */
export type ExportConnection = {
  all<Row>(query: Sql): Row[];
  iterate<Row>(query: Sql): IterableIterator<Row>;
  close(): void;
};

export function openExportConnection(file: string = sqliteFilePath()): ExportConnection {
  const db = openReadOnly(file, { memoryMapped: false });
  // Every batch runs the same few statements: prepare each once.
  const statements = new Map<string, Database.Statement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
  return {
    all: <Row>(query: Sql) => prepared(query.text).all(...query.params) as Row[],
    iterate: <Row>(query: Sql) => db.prepare(query.text).iterate(...query.params) as IterableIterator<Row>,
    close: () => {
      if (db.open) db.close();
    },
  };
}
