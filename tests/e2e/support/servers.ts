import http from "node:http";
import Database from "better-sqlite3";
import path from "node:path";
import { freePort, startServer, stopServer, type Server } from "@/tools/harness/server";
import { DATABASE_FILE, E2E_DIR, NO_LATENCY_SHEDDING } from "./e2e-env";

/*
 * The browser tests' servers. playwright.config.ts starts the main one (`npm start` on
 * E2E_PORT with its database in E2E_DIR); a test that needs another configuration (e.g.
 * READ_ACCESS=login) starts a second `next start` on the same build and database; a test
 * that needs a page of another site (a notebook) serves one from a plain Node server.
 */

/**
 * A second production server on the main server's build and database (or, with
 * `databaseFile`, on a database of its own, e.g. a copy made with copyMainDatabase), with
 * its own settings.
 */
export async function startSecondServer(env: Record<string, string | undefined>, databaseFile = DATABASE_FILE): Promise<Server> {
  const port = await freePort();
  return startServer({
    databaseFile: path.resolve(databaseFile),
    port,
    logFile: path.resolve(`${E2E_DIR}-second-server-${port}.log`),
    distDir: process.env.NEXT_DIST_DIR ?? ".next",
    env: { NODE_ENV: "production", PUBLIC_URL: undefined, ORGANISATION_NAME: undefined, ORGANISATION_URL: undefined, CORS_ORIGINS: undefined, ...NO_LATENCY_SHEDDING, ...env },
  });
}

export { stopServer };

/**
 * A consistent copy of the main server's database as it is now (SQLite's online backup),
 * for a server whose counters must not be shared with the main one's: the copy starts with
 * no rate-limit counts (the main server's sign-ins come from this same address).
 */
export async function copyMainDatabase(name: string): Promise<string> {
  const file = path.resolve(`${E2E_DIR}-${name}.db`);
  const source = new Database(path.resolve(DATABASE_FILE), { readonly: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
  const copy = new Database(file);
  try {
    copy.prepare(`DELETE FROM "rateLimit"`).run();
  } finally {
    copy.close();
  }
  return file;
}

export type PageServer = { origin: string; close: () => Promise<void> };

/** A one-page site on 127.0.0.1 (another origin than localhost:E2E_PORT), standing in for a browser notebook. */
export async function startPageServer(html = "<!doctype html><title>Notebook</title><h1>Notebook</h1>"): Promise<PageServer> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
