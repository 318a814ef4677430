import type { ServerResponse } from "node:http";

/**
 * A JSON answer written straight to Node's response, for what the server processes answer
 * before the app (health checks, shed reads): never cached, never sniffed. Free of database
 * imports, so the cluster's primary can use it too.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
  // Node leaves the body out of an answer to HEAD itself.
  response.end(text);
}
