import Database from "better-sqlite3";
import pg from "pg";
import { databaseKindOf, sqliteFilePath } from "@/lib/env";
import { rebuildAllClaimSearchSync } from "@/lib/search/rebuild";
import { clientConfig, describeServer, unavailable } from "@/lib/db/postgres/connection";
import { typeParsers } from "@/lib/db/postgres/values";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";

/**
 * `npm run db:copy`: everything in one database copied into another, SQLite to PostgreSQL
 * or back (docs/deploy.md, docs/decisions/049). Every table of the data model, in an order
 * that satisfies the foreign keys, ids kept; the target's id counters advanced past the
 * source's (an id once used stays used: claim tombstones rely on it); the search index and
 * derived columns rebuilt on the target with its own triggers' logic. The whole copy is one
 * transaction on the target, which must be migrated and hold no data. Migration records,
 * the search index and the trigger bookkeeping tables are the target's own and not copied.
 */
export const COPIED_TABLES = [
  "user",
  "Source",
  "Actor",
  "ActorAlias",
  "Topic",
  "Status",
  "Claim",
  "Attribution",
  "AttributionVia",
  "session",
  "account",
  "verification",
  "rateLimit",
  "ApiToken",
  "StatusChange",
  "AccuracyChange",
  "Annotation",
  "ClaimTombstone",
  "ClaimMerge",
  "AuditLog",
] as const;

/** Tables whose integer id comes from a counter (AUTOINCREMENT on SQLite, a sequence on PostgreSQL). */
const COUNTED_IDS = ["Source", "Actor", "ActorAlias", "Topic", "Status", "Claim", "Attribution", "StatusChange", "AccuracyChange", "Annotation", "AuditLog"] as const;

/** Why a copy refuses to start: printed as one line by the command. */
export class CopyRefused extends DatabaseUnavailableError {}

type Row = Record<string, unknown>;
type ColumnKind = "boolean" | "timestamp" | "other";

interface Source {
  /** Rows of `table` in batches, in primary-key order. */
  rows(table: string): AsyncIterable<Row[]>;
  /** The counter of each table with one: the highest id ever given out. */
  counters(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

interface Target {
  /** Tables that already hold rows (the copy refuses them). */
  nonEmptyTables(): Promise<string[]>;
  begin(): Promise<void>;
  insert(table: string, rows: Row[]): Promise<void>;
  /** Advance the id counters to at least `counters` and past every copied id; rebuild the search index. */
  finish(counters: Map<string, number>): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

const BATCH = 500;
/** The copy pauses the target's triggers with this row (decision 003); the rebuild stands in for them. */
const PAUSE = "db:copy";

/** Primary-key order of every copied table (AttributionVia has a composite key, ClaimTombstone its claim's id). */
function orderOf(table: string): string {
  if (table === "AttributionVia") return `"attributionId", "position"`;
  if (table === "ClaimTombstone" || table === "ClaimMerge") return `"claimId"`;
  return `"id"`;
}

// ---------------------------------------------------------------------------------------
// SQLite

function sqliteSource(databaseUrl: string): Source {
  const db = new Database(sqliteFilePath(databaseUrl), { readonly: true, fileMustExist: true });
  // One read transaction for the whole copy: every table from the same moment.
  db.prepare("BEGIN").run();
  return {
    async *rows(table) {
      let batch: Row[] = [];
      for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${orderOf(table)}`).iterate() as IterableIterator<Row>) {
        batch.push(row);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async counters() {
      const rows = db.prepare(`SELECT "name", "seq" FROM sqlite_sequence`).all() as { name: string; seq: number }[];
      return new Map(rows.map((row) => [row.name, Number(row.seq)]));
    },
    async close() {
      if (db.inTransaction) db.prepare("COMMIT").run();
      db.close();
    },
  };
}

function sqliteTarget(databaseUrl: string): Target {
  const db = new Database(sqliteFilePath(databaseUrl), { fileMustExist: true });
  const kinds = new Map<string, Map<string, ColumnKind>>();
  const kindsOf = (table: string) => {
    let columns = kinds.get(table);
    if (!columns) {
      const info = db.prepare(`SELECT "name", "type" FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[];
      columns = new Map(info.map((column) => [column.name, /BOOLEAN/i.test(column.type) ? "boolean" : /DATETIME/i.test(column.type) ? "timestamp" : "other"]));
      kinds.set(table, columns);
    }
    return columns;
  };
  const value = (kind: ColumnKind | undefined, raw: unknown) => {
    if (raw === null || raw === undefined) return null;
    if (kind === "boolean") return raw === true || raw === 1 ? 1 : 0;
    return raw;
  };
  return {
    async nonEmptyTables() {
      return COPIED_TABLES.filter((table) => db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined);
    },
    async begin() {
      db.prepare("BEGIN IMMEDIATE").run();
      db.prepare(`INSERT INTO "search_sync_pause" ("reason") VALUES (?)`).run(PAUSE);
    },
    async insert(table, rows) {
      const columns = Object.keys(rows[0]!);
      const kindsHere = kindsOf(table);
      const statement = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const row of rows) statement.run(...columns.map((column) => value(kindsHere.get(column), row[column])));
    },
    async finish(counters) {
      rebuildAllClaimSearchSync(db);
      db.prepare(`DELETE FROM "search_sync_pause" WHERE "reason" = ?`).run(PAUSE);
      // Explicit ids moved sqlite_sequence to the highest copied id; the source may have used higher ones.
      for (const [table, counter] of counters) {
        db.prepare(`UPDATE sqlite_sequence SET "seq" = max("seq", ?) WHERE "name" = ?`).run(counter, table);
        db.prepare(`INSERT INTO sqlite_sequence ("name", "seq") SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE "name" = ?)`).run(table, counter, table);
      }
    },
    async commit() {
      db.prepare("COMMIT").run();
    },
    async rollback() {
      if (db.inTransaction) db.prepare("ROLLBACK").run();
    },
    async close() {
      db.close();
    },
  };
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

async function connect(databaseUrl: string, options: pg.ClientConfig = {}): Promise<pg.Client> {
  const client = new pg.Client({ ...clientConfig(databaseUrl), ...options });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw unavailable(databaseUrl, error);
  }
  return client;
}

async function postgresSource(databaseUrl: string): Promise<Source> {
  // Values as SQLite holds them (lib/db/postgres/values.ts): the SQLite target stores them as they come.
  const client = await connect(databaseUrl, { types: typeParsers });
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  let cursors = 0;
  return {
    async *rows(table) {
      const cursor = `copy_${++cursors}`;
      await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT * FROM "${table}" ORDER BY ${orderOf(table)}`);
      for (;;) {
        const { rows } = await client.query<Row>(`FETCH ${BATCH} FROM ${cursor}`);
        if (rows.length === 0) break;
        yield rows;
      }
      await client.query(`CLOSE ${cursor}`);
    },
    async counters() {
      const counters = new Map<string, number>();
      for (const table of COUNTED_IDS) {
        const { rows } = await client.query<{ value: number }>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS "value" FROM "${table}_id_seq"`);
        counters.set(table, Number(rows[0]?.value ?? 0));
      }
      return counters;
    },
    async close() {
      await client.query("COMMIT").catch(() => undefined);
      await client.end();
    },
  };
}

async function postgresTarget(databaseUrl: string): Promise<Target> {
  const client = await connect(databaseUrl);
  const kinds = new Map<string, Map<string, ColumnKind>>();
  const kindsOf = async (table: string) => {
    let columns = kinds.get(table);
    if (!columns) {
      const { rows } = await client.query<{ column_name: string; data_type: string }>(
        `SELECT "column_name", "data_type" FROM information_schema.columns WHERE "table_schema" = current_schema() AND "table_name" = $1`,
        [table],
      );
      columns = new Map(rows.map((row) => [row.column_name, row.data_type === "boolean" ? "boolean" : row.data_type.startsWith("timestamp") ? "timestamp" : "other"]));
      kinds.set(table, columns);
    }
    return columns;
  };
  const value = (kind: ColumnKind | undefined, raw: unknown) => {
    if (raw === null || raw === undefined) return null;
    if (kind === "boolean") return raw === true || raw === 1 || raw === 1n;
    // SQLite holds Prisma's text form ("…+00:00"); a number would be milliseconds since 1970.
    if (kind === "timestamp") return typeof raw === "number" ? new Date(raw).toISOString().replace("Z", "") : String(raw).replace(/(Z|\+00:00)$/, "");
    return typeof raw === "bigint" ? raw.toString() : raw;
  };
  return {
    async nonEmptyTables() {
      const tables: string[] = [];
      for (const table of COPIED_TABLES) if ((await client.query(`SELECT 1 FROM "${table}" LIMIT 1`)).rowCount) tables.push(table);
      return tables;
    },
    async begin() {
      await client.query("BEGIN");
      await client.query(`INSERT INTO "search_sync_pause" ("reason") VALUES ($1)`, [PAUSE]);
    },
    async insert(table, rows) {
      const columns = Object.keys(rows[0]!);
      const kindsHere = await kindsOf(table);
      const params: unknown[] = [];
      const tuples = rows.map((row) => `(${columns.map((column) => `$${params.push(value(kindsHere.get(column), row[column]))}`).join(", ")})`);
      await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, params);
    },
    async finish(counters) {
      // Statistics of the just-filled tables first: without them the rebuild's per-claim
      // statements were planned for empty tables (sequential scans of every attribution
      // for each claim), and the rebuild grew with the square of the size (10k claims
      // 23 s; 100k more than 25 minutes). ANALYZE may run inside the transaction.
      await client.query(`ANALYZE ${COPIED_TABLES.map((table) => `"${table}"`).join(", ")}`);
      await client.query(`SELECT "claimtrail_refresh_claim"("id") FROM "Claim"`);
      await client.query(`DELETE FROM "search_sync_pause" WHERE "reason" = $1`, [PAUSE]);
      for (const table of COUNTED_IDS) {
        const { rows } = await client.query<{ highest: number | null }>(`SELECT max("id") AS "highest" FROM "${table}"`);
        const next = Math.max(counters.get(table) ?? 0, Number(rows[0]?.highest ?? 0));
        // setval(…, n, true): the next id is n + 1; a table never used starts at 1.
        if (next > 0) await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), $1, true)`, [next]);
      }
    },
    async commit() {
      await client.query("COMMIT");
    },
    async rollback() {
      await client.query("ROLLBACK").catch(() => undefined);
    },
    async close() {
      await client.end();
    },
  };
}

// ---------------------------------------------------------------------------------------

function describe(databaseUrl: string): string {
  return databaseKindOf(databaseUrl) === "postgresql" ? `PostgreSQL ${describeServer(databaseUrl)}` : `SQLite ${sqliteFilePath(databaseUrl)}`;
}

export type CopyResult = { rows: Record<string, number>; durationMs: number };

/**
 * Copy every row of `from` into `to` (both migrated; `to` holding no data), in one
 * transaction on the target: on any failure the target is left as it was.
 */
export async function copyDatabase(from: string, to: string): Promise<CopyResult> {
  if (from === to) throw new CopyRefused("The source and the target are the same database.");
  const started = performance.now();
  const source = databaseKindOf(from) === "postgresql" ? await postgresSource(from) : sqliteSource(from);
  try {
    const target = databaseKindOf(to) === "postgresql" ? await postgresTarget(to) : sqliteTarget(to);
    try {
      const occupied = await target.nonEmptyTables();
      if (occupied.length > 0) {
        throw new CopyRefused(`The target (${describe(to)}) already holds data (${occupied.join(", ")}): copy into a new, empty database.`);
      }
      const rows: Record<string, number> = {};
      await target.begin();
      try {
        for (const table of COPIED_TABLES) {
          rows[table] = 0;
          for await (const batch of source.rows(table)) {
            await target.insert(table, batch);
            rows[table] += batch.length;
          }
        }
        await target.finish(await source.counters());
        await target.commit();
      } catch (error) {
        await target.rollback();
        throw error;
      }
      return { rows, durationMs: Math.round(performance.now() - started) };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
