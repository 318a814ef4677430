import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import { dispatchConnections } from "@/lib/server/connection-handoff";
import { Heartbeats, isHeartbeat } from "@/lib/server/heartbeat";
import { sendJson } from "@/lib/server/json-answer";

/** Seconds a client is asked to wait while no worker is ready (starting, or replacing one that died). */
const STARTING_RETRY_AFTER_SECONDS = 1;

/**
 * In the primary: listen on the port once the first worker is ready, hand each connection
 * to the ready workers in turn, and answer liveness from their heartbeats
 * (docs/decisions/068). A worker is ready from its first heartbeat, sent once Next is
 * prepared, until it exits. Resolves once listening; `close` stops taking connections.
 */
export function openPrimaryDoor(options: { port: number; hostname?: string }): { listening: Promise<void>; close: () => void } {
  const heartbeats = new Heartbeats();
  const ready: Worker[] = [];
  let turn = 0;
  const nextWorker = () => {
    const live = ready.filter((worker) => worker.isConnected());
    if (live.length === 0) return undefined;
    turn = (turn + 1) % live.length;
    return live[turn];
  };

  const primaryServer = http.createServer((request, response) => {
    // Answered here, never kept open: the connection's next request should reach a worker.
    response.setHeader("Connection", "close");
    response.setHeader("X-Claimtrail-Worker", "primary");
    const path = (request.url ?? "/").split("?")[0];
    if ((request.method === "GET" || request.method === "HEAD") && path === "/api/health") {
      const liveness = heartbeats.liveness();
      return sendJson(response, liveness.status, liveness.body);
    }
    sendJson(response, 503, { error: `The server is starting; try again in ${STARTING_RETRY_AFTER_SECONDS} s.` }, { "Retry-After": String(STARTING_RETRY_AFTER_SECONDS) });
  });
  const front = dispatchConnections({ nextWorker, primaryServer });

  let startListening: () => void = () => {};
  const listening = new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    startListening = () => {
      if (front.listening) return;
      front.listen(options.port, options.hostname, () => {
        console.log(`Listening on ${options.hostname ?? "every address"}, port ${options.port}.`);
        resolve();
      });
    };
  });
  cluster.on("message", (worker, message: unknown) => {
    if (!isHeartbeat(message)) return;
    heartbeats.beat(worker.id, message);
    if (!ready.includes(worker)) ready.push(worker);
    startListening();
  });
  cluster.on("exit", (worker) => {
    const index = ready.indexOf(worker);
    if (index >= 0) ready.splice(index, 1);
    heartbeats.forget(worker.id);
  });
  return { listening, close: () => front.close() };
}
