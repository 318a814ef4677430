import http from "node:http";
import path from "node:path";
import { freePort, startServer, stopServer, type Server } from "@/bench/lib/server";
import { DATABASE_FILE, E2E_DIR } from "./e2e-env";

/*
 * The browser tests' servers. playwright.config.ts starts the main one (`npm start` on
 * E2E_PORT with its database in E2E_DIR); a test that needs another configuration (e.g.
 * READ_ACCESS=login) starts a second `next start` on the same build and database; a test
 * that needs a page of another site (a notebook) serves one from a plain Node server.
 */

/** A second production server on the main server's build and database, with its own settings. */
export async function startSecondServer(env: Record<string, string | undefined>): Promise<Server> {
  const port = await freePort();
  return startServer({
    databaseFile: path.resolve(DATABASE_FILE),
    port,
    logFile: path.resolve(`${E2E_DIR}-second-server-${port}.log`),
    distDir: process.env.NEXT_DIST_DIR ?? ".next",
    env: { NODE_ENV: "production", PUBLIC_URL: undefined, ORGANISATION_NAME: undefined, ORGANISATION_URL: undefined, CORS_ORIGINS: undefined, ...env },
  });
}

export { stopServer };

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
