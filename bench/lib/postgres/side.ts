import path from "node:path";
import { freePort, portsFrom, startServer, stopServer, type Server } from "../../../tools/harness/server";
import { measureSetQuery, type SetResult, type SetRunOptions } from "../query-set-run";
import type { SetQuery } from "../query-set";
import type { Manifest } from "../synthetic-database";
import type { CapturedQuery } from "./capture";
import { capturePostgresStatements } from "./capture-statements";
import { ensurePostgresTwin } from "./database";
import { PostgresFloor } from "./floor";

/**
 * The PostgreSQL side of one size: the SQLite database's twin (bench/lib/postgres/database.ts),
 * a second production server on it, and the app's statements for every query of the set,
 * captured once before measuring.
 */
export type PostgresSide = { url: string; server: Server; captured: Map<string, CapturedQuery>; note: string };

export async function openPostgresSide(options: {
  serverUrl: string;
  prefix: string;
  sqliteFile: string;
  manifest: Manifest;
  regenerate: boolean;
  port: number;
  scratchDir: string;
  queries: readonly SetQuery[];
}): Promise<PostgresSide> {
  const twin = await ensurePostgresTwin(options);
  const captured = await capturePostgresStatements(twin.url, options.queries.map((query) => query.search), options.scratchDir);
  const port = await freePort(portsFrom(options.port));
  const server = await startServer({ databaseUrl: twin.url, port, logFile: path.join(options.scratchDir, `server-postgresql-${options.manifest.claims}.log`) });
  return { url: twin.url, server, captured, note: `${twin.note}; next start on ${server.url} (pid ${server.pid})` };
}

/** One query of the set on PostgreSQL, its answer checked against SQLite's (the same total, the same page). */
export async function measurePostgresQuery(side: PostgresSide, query: SetQuery, onSqlite: SetResult, options: SetRunOptions): Promise<SetResult> {
  const captured = side.captured.get(query.search);
  if (!captured) throw new Error(`no captured statements for ${query.search}`);
  const floor = await PostgresFloor.open(side.url, captured);
  try {
    // The write behind "after a write" goes to the SQLite file; this side is measured on repeated requests alone.
    return await measureSetQuery(query, side.server, floor, { total: onSqlite.total, ids: onSqlite.ids }, { ...options, changeDatabase: undefined });
  } finally {
    await floor.close();
  }
}

export const closePostgresSide = (side: PostgresSide) => stopServer(side.server);
