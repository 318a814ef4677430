import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { numberedPlaceholders, type Sql } from "@/lib/db/sql";
import type { SnapshotReader } from "@/lib/db/reader";
import { clientConfig } from "@/lib/db/postgres/connection";
import { typeParsers } from "@/lib/db/postgres/values";
import { keepRecent, usedAgain } from "@/lib/memo/recently-used";
import { RESULTS_KEPT_UNTIL_CHANGED } from "@/lib/db/until-changed";

/**
 * The PostgreSQL side of lib/db/reader.ts: a node-postgres pool whose sessions are
 * read-only (`default_transaction_read_only`), so a mistake in a dynamic query can never
 * write, as on SQLite's read-only connection (docs/decisions/004, 047). Values come back
 * as SQLite gives them (lib/db/postgres/values.ts).
 */
const READ_POOL_SIZE = 10;
const WARM_CONNECTIONS = 4;

function readOnlyConfig(databaseUrl: string): pg.PoolConfig {
  return { ...clientConfig(databaseUrl), options: "-c default_transaction_read_only=on", types: typeParsers };
}

type Reader = {
  pool: pg.Pool;
  /** Settles once the first connections are open. */
  warm: Promise<void>;
  /** Results kept until the database changes (queryAllUntilChanged), and the change counter they belong to. */
  results: Map<string, unknown[]>;
  snapshot: string;
};

const globalForReader = globalThis as unknown as { claimtrailPostgresReader?: Reader };

function reader(): Reader {
  if (!globalForReader.claimtrailPostgresReader) {
    const pool = new pg.Pool({ ...readOnlyConfig(env.DATABASE_URL), max: READ_POOL_SIZE });
    // An idle connection dropped by the server must not take the process down; the next query reconnects.
    pool.on("error", (error) => console.warn("A PostgreSQL read connection failed:", error.message));
    // Open a few connections before the first query: a list page runs its facet counts in
    // parallel right after its rows, and on a cold pool they would spend their time limit
    // connecting (lib/claims/search/facets.ts). A failure here shows on the query itself.
    const warm = Promise.all(
      Array.from({ length: WARM_CONNECTIONS }, () => pool.connect().then((client) => client.release(), () => undefined)),
    ).then(() => undefined);
    globalForReader.claimtrailPostgresReader = { pool, warm, results: new Map(), snapshot: "" };
  }
  return globalForReader.claimtrailPostgresReader;
}

const toQuery = (query: Sql) => ({ text: numberedPlaceholders(query.text), values: query.params as unknown[] });

export async function queryAll<Row>(query: Sql): Promise<Row[]> {
  const current = reader();
  await current.warm;
  return (await current.pool.query(toQuery(query))).rows as Row[];
}

export async function queryOne<Row>(query: Sql): Promise<Row | undefined> {
  return (await queryAll<Row>(query))[0];
}

/** Close the pool (tests drop their database afterwards); the next query opens a new one. */
export async function closeReader(): Promise<void> {
  const current = globalForReader.claimtrailPostgresReader;
  globalForReader.claimtrailPostgresReader = undefined;
  await current?.pool.end();
}

/**
 * See lib/db/reader.ts. The key is the database's change counter ("ChangeCounter",
 * lib/db/change-counter.ts, docs/decisions/047): moved by every committed write to a
 * domain table, on whichever server it ran. It is read in the same REPEATABLE READ
 * snapshot as the query, so a result is always stored under the counter it belongs to.
 */
const CHANGE_KEY = `SELECT "value"::text || ' ' || "changedAt" AS "snapshot" FROM "ChangeCounter" WHERE "id" = 1`;

export async function queryAllUntilChanged<Row>(query: Sql): Promise<Row[]> {
  const current = reader();
  await current.warm;
  const snapshot = (await current.pool.query<{ snapshot: string }>(CHANGE_KEY)).rows[0]!.snapshot;
  const key = JSON.stringify([query.text, query.params]);
  if (snapshot === current.snapshot) {
    const rows = usedAgain(current.results, key);
    if (rows) return rows as Row[];
  }
  const client = await current.pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const seen = (await client.query<{ snapshot: string }>(CHANGE_KEY)).rows[0]!.snapshot;
    const rows = (await client.query(toQuery(query))).rows as Row[];
    await client.query("COMMIT");
    if (seen !== current.snapshot) {
      current.results.clear();
      current.snapshot = seen;
    }
    keepRecent(current.results, key, rows, RESULTS_KEPT_UNTIL_CHANGED);
    return rows;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A connection of its own for one long read, in one REPEATABLE READ READ ONLY transaction
 * (one snapshot from the first row to the last); batches come from a server-side cursor,
 * so an export of 100k claims never holds more than one batch in memory.
 */
export async function openSnapshotReader(databaseUrl: string = env.DATABASE_URL): Promise<SnapshotReader> {
  const client = new pg.Client(readOnlyConfig(databaseUrl));
  client.on("error", () => undefined);
  await client.connect();
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  // One connection answers one statement at a time. An export reads its claims' related rows
  // while a cursor is open, and callers may ask for several things at once; node-postgres
  // queues overlapping queries only as a deprecated behaviour (gone in pg 9), so they wait
  // their turn here.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(statement: () => Promise<T>): Promise<T> => {
    const result = turn.then(statement, statement);
    turn = result.catch(() => undefined);
    return result;
  };
  const rowsOf = async <Row>(text: string, values?: unknown[]) => (await inTurn(() => client.query(text, values))).rows as Row[];
  const run = <Row>(query: Sql) => {
    const { text, values } = toQuery(query);
    return rowsOf<Row>(text, values);
  };
  let cursors = 0;
  let closed = false;
  return {
    kind: "postgresql",
    all: run,
    one: async <Row>(query: Sql) => (await run<Row>(query))[0],
    // One snapshot has no later change to wait for: nothing to keep.
    allUntilChanged: run,
    async *batches<Row>(query: Sql, size: number) {
      const name = `claimtrail_cursor_${++cursors}`;
      const { text, values } = toQuery(query);
      await rowsOf(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`, values);
      try {
        for (;;) {
          const rows = await rowsOf<Row>(`FETCH ${Math.max(1, Math.floor(size))} FROM ${name}`);
          if (rows.length === 0) return;
          yield rows;
          if (rows.length < size) return;
        }
      } finally {
        if (!closed) await rowsOf(`CLOSE ${name}`).catch(() => undefined);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await inTurn(() => client.query("COMMIT")).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
