import Database from "better-sqlite3";
import { READER_CACHE_KIB, READER_MMAP_BYTES } from "../../lib/db/sqlite-settings";

/**
 * The floor of a claim query: the very SQL statements the app runs for it (captured while
 * the app's own functions run), executed directly through better-sqlite3 on a connection
 * of the benchmark's own, each statement prepared once. Nothing else: no parsing, no
 * hydration into records, no serialisation, no HTTP.
 */
export type CapturedStatement = { text: string; params: unknown[]; mode: "all" | "get" };

type Runner = (this: Database.Statement, ...params: unknown[]) => unknown;

/**
 * Run `work` and return every statement it executed through better-sqlite3, in order,
 * with its parameters. Records executions (Statement#all/#get), not preparations, so it
 * sees statements the app prepared earlier and keeps in a cache.
 */
export async function captureStatements(work: () => Promise<void>): Promise<CapturedStatement[]> {
  const probe = new Database(":memory:");
  const prototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<"all" | "get", Runner>;
  probe.close();
  const original = { all: prototype.all, get: prototype.get };
  const log: CapturedStatement[] = [];
  for (const mode of ["all", "get"] as const) {
    prototype[mode] = function (this: Database.Statement, ...params: unknown[]) {
      log.push({ text: this.source, params, mode });
      return original[mode].apply(this, params);
    };
  }
  try {
    await work();
  } finally {
    prototype.all = original.all;
    prototype.get = original.get;
  }
  if (log.length === 0) throw new Error("Captured no SQL statements: did the app stop reading through better-sqlite3?");
  return log;
}

/**
 * The floor's connection: read-only, with the page cache and memory map a long-lived
 * reader can have (so the floor is the best case for the SQL, whatever the app's
 * connection settings).
 */
export function openFloorConnection(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return db;
}

export class FloorQuery {
  private readonly statements: { statement: Database.Statement; params: unknown[]; mode: "all" | "get" }[];

  constructor(
    private readonly db: Database.Database,
    private readonly captured: readonly CapturedStatement[],
  ) {
    this.statements = captured.map((c) => ({ statement: db.prepare(c.text), params: c.params, mode: c.mode }));
  }

  get count(): number {
    return this.statements.length;
  }

  /** Run every statement once, materialising all rows as the app does. Returns the row count. */
  run(): number {
    let rows = 0;
    for (const { statement, params, mode } of this.statements) {
      if (mode === "get") rows += statement.get(...params) === undefined ? 0 : 1;
      else rows += statement.all(...params).length;
    }
    return rows;
  }

  /** Median time of each statement over `iterations` runs, with its plan: where the floor's time goes. */
  profile(iterations = 20): { ms: number; rows: number; text: string; plan: string[] }[] {
    return this.statements.map(({ statement, params, mode }, index) => {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < iterations; i++) {
        const start = process.hrtime.bigint();
        rows = mode === "get" ? (statement.get(...params) === undefined ? 0 : 1) : statement.all(...params).length;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      const text = this.captured[index]!.text;
      const plan = (this.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((row) => row.detail);
      return { ms: times[Math.floor(times.length / 2)]!, rows, text: text.replace(/\s+/g, " ").trim(), plan };
    });
  }
}
