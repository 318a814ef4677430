import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import { dispatchConnections } from "@/lib/server/connection-handoff";
import { Heartbeats, isHeartbeat } from "@/lib/server/heartbeat";
import { sendJson } from "@/lib/server/json-answer";

/** Seconds a client is asked to wait while no worker is ready (starting, or replacing one that died). */
const STARTING_RETRY_AFTER_SECONDS = 1;

/** How often the primary looks for a stalled worker. */
const WATCHDOG_MS = 1000;

type DoorOptions = {
  port: number;
  hostname?: string;
  /** A worker silent this long is killed (its replacement is serve's job); 0 never. */
  stallMs: number;
};

/**
 * In the primary: listen on the port once the first worker is ready, hand each connection
 * to the ready workers in turn, and answer liveness from their heartbeats
 * (docs/decisions/068). A worker is ready from its first heartbeat, sent once Next is
 * prepared, until it exits. A worker that has gone quiet (a request holding its event loop)
 * gets no new connections while another is fresh, and is killed once silent for `stallMs`:
 * one stuck request must not take the server's capacity with it for good. `listening`
 * resolves once the port is open; `close` stops taking connections.
 */
export function openPrimaryDoor(options: DoorOptions): { listening: Promise<void>; close: () => void } {
  const heartbeats = new Heartbeats();
  const ready: Worker[] = [];
  let turn = 0;
  const nextWorker = () => {
    const live = ready.filter((worker) => worker.isConnected());
    const fresh = live.filter((worker) => heartbeats.isFresh(worker.id));
    // When none is fresh (a machine too busy for any to report), all of them, rather than none.
    const candidates = fresh.length > 0 ? fresh : live;
    if (candidates.length === 0) return undefined;
    turn = (turn + 1) % candidates.length;
    return candidates[turn];
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
    // Before listening: the port cannot be had (serve stops). After: an accept failed (too
    // many open files, say); that connection is lost, the server goes on.
    front.on("error", (error) => (front.listening ? console.error(`A connection could not be accepted: ${error.message}`) : reject(error)));
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

  const watchdog = setInterval(() => {
    if (options.stallMs <= 0) return;
    for (const worker of ready) {
      const silentMs = heartbeats.silentFor(worker.id);
      if (silentMs <= options.stallMs || worker.isDead()) continue;
      console.error(`Worker ${worker.id} (process ${worker.process.pid}) has not answered for ${Math.round(silentMs / 1000)} s (WORKER_STALL_SECONDS): killing it; a replacement starts.`);
      worker.process.kill("SIGKILL");
    }
  }, WATCHDOG_MS);
  watchdog.unref();
  return {
    listening,
    close: () => {
      clearInterval(watchdog);
      front.close();
    },
  };
}
