import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { numberedPlaceholders } from "@/lib/db/sql";

/**
 * A connection of the tools' own to a Claimtrail database, SQLite or PostgreSQL, for the
 * checks that look at the database from outside the app (the load test's write
 * verification, tests/support/consistency.ts). Queries are written once, in the SQL both
 * databases speak (quoted identifiers, `?` placeholders); counts come back as numbers on
 * both (PostgreSQL's bigint arrives as text).
 */
export type DatabaseKind = "sqlite" | "postgresql";

export interface QueryConnection {
  readonly kind: DatabaseKind;
  all<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** The first column of every row. */
  column<Value>(text: string, params?: readonly unknown[]): Promise<Value[]>;
  /** Run a statement that changes something (SQLite's FTS5 integrity-check is one). */
  run(text: string, params?: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL URL, or anything else as a SQLite file (a path, or a `file:` URL). */
export function databaseKindOfTarget(target: string): DatabaseKind {
  return /^postgres(ql)?:\/\//i.test(target) ? "postgresql" : "sqlite";
}

export async function openQueryConnection(target: string, options: { readonly?: boolean } = {}): Promise<QueryConnection> {
  return databaseKindOfTarget(target) === "postgresql" ? openPostgres(target) : openSqlite(path.resolve(target.replace(/^file:/, "")), options.readonly ?? true);
}

function openSqlite(file: string, readonly: boolean): QueryConnection {
  const db = new Database(file, { readonly, fileMustExist: true, timeout: 10_000 });
  return {
    kind: "sqlite",
    all: async <Row>(text: string, params: readonly unknown[] = []) => db.prepare(text).all(...params) as Row[],
    column: async <Value>(text: string, params: readonly unknown[] = []) => db.prepare(text).pluck().all(...params) as Value[],
    run: async (text, params = []) => {
      db.prepare(text).run(...params);
    },
    close: async () => {
      db.close();
    },
  };
}

/** PostgreSQL's bigint (count(*)) and numeric as numbers, as better-sqlite3 gives them. */
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

async function openPostgres(url: string): Promise<QueryConnection> {
  const client = new pg.Client({ connectionString: url, types, application_name: "claimtrail-tools" });
  client.on("error", () => undefined);
  await client.connect();
  const query = (text: string, params: readonly unknown[]) => client.query({ text: numberedPlaceholders(text), values: [...params] });
  return {
    kind: "postgresql",
    all: async <Row>(text: string, params: readonly unknown[] = []) => (await query(text, params)).rows as Row[],
    column: async <Value>(text: string, params: readonly unknown[] = []) => {
      const result = await client.query<unknown[]>({ text: numberedPlaceholders(text), values: [...params], rowMode: "array" });
      return result.rows.map((row) => row[0] as Value);
    },
    run: async (text, params = []) => {
      await query(text, params);
    },
    close: () => client.end(),
  };
}
