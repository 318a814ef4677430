import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { stampClientAddress } from "@/lib/http/client-address";
import { checkDatabase, readinessProblems } from "@/lib/http/health";
import { proxyMatcher } from "@/lib/http/trusted-proxies";
import { sendJson } from "@/lib/server/json-answer";
import { describeOverload, type OverloadGuard } from "@/lib/server/overload";
import { trackResponseWrites } from "@/lib/server/response-writes";

/** Seconds a shed client is asked to wait before trying again. */
export const SHED_RETRY_AFTER_SECONDS = 1;

const isTrustedProxy = proxyMatcher(env.TRUSTED_PROXIES);

const HEALTH = "/api/health";
const READY = "/api/health/ready";

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Every request of a server process passes here before Next (scripts/serve.ts):
 * - stamps the client's address in a header only it sets (lib/http/client-address.ts): the
 *   socket's peer, or the client a trusted proxy (TRUSTED_PROXIES) forwarded for;
 * - answers the health checks itself, so a probe never waits behind Next's routing and
 *   rendering and is never shed: liveness (`/api/health`: the process is up and its
 *   database answers a read) and readiness (`/api/health/ready`: it can also write);
 * - sheds new GET/HEAD reads with 503 + Retry-After while the process is saturated
 *   (lib/server/overload.ts); writes, health checks and static assets always go through;
 * - says which process answered (`X-Claimtrail-Worker`), for the logs and the tests;
 * - tracks the writes to each response, so that a page can start blocking work after
 *   what it has rendered has left (lib/server/response-writes.ts).
 */
export function frontDoor(options: { handle: Handle; guard: OverloadGuard; worker: string }): Handle {
  const { handle, guard, worker } = options;
  return async (request, response) => {
    stampClientAddress(request.headers, request.socket.remoteAddress, isTrustedProxy);
    response.setHeader("X-Claimtrail-Worker", worker);

    const path = (request.url ?? "/").split("?")[0]!;
    const method = request.method ?? "GET";
    const isRead = method === "GET" || method === "HEAD";
    if (isRead && path === HEALTH) return liveness(response);
    if (isRead && path === READY) return readiness(response);

    const overload = isRead && !path.startsWith("/_next/") ? guard.reason() : null;
    if (overload) {
      guard.noteShed();
      return shed(request, response, path, describeOverload(overload));
    }

    // Reads in flight are the queue that shedding keeps short; writes, never shed, mostly
    // wait for their write turn rather than for the CPU, so they are not counted.
    if (isRead) {
      guard.enter();
      let counted = true;
      const leave = () => {
        if (!counted) return;
        counted = false;
        guard.leave();
      };
      response.once("finish", leave);
      response.once("close", leave);
    }
    await trackResponseWrites(response, () => handle(request, response));
  };
}

async function liveness(response: ServerResponse): Promise<void> {
  try {
    await checkDatabase();
    sendJson(response, 200, { ok: true });
  } catch (error) {
    console.error("Health check failed:", error);
    sendJson(response, 503, { error: "The database does not answer." });
  }
}

async function readiness(response: ServerResponse): Promise<void> {
  const problems = await readinessProblems();
  if (problems.length > 0) return sendJson(response, 503, { ok: false, error: "The database cannot take writes.", problems });
  sendJson(response, 200, { ok: true });
}

function shed(request: IncomingMessage, response: ServerResponse, path: string, why: string): void {
  const headers = { "Retry-After": String(SHED_RETRY_AFTER_SECONDS), "Cache-Control": "no-store", "X-Claimtrail-Shed": why };
  const message = `The server is busy (${why}); try again in ${SHED_RETRY_AFTER_SECONDS} s.`;
  // API clients and the export files get JSON like every other API error; people get a line of text.
  if (path.startsWith("/api/") || path.startsWith("/export/")) return sendJson(response, 503, { error: message }, headers);
  response.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", ...headers });
  response.end(request.method === "HEAD" ? undefined : `${message}\n`);
}
