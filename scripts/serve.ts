/**
 * Serve the production build from WEB_CONCURRENCY processes sharing PORT (node:cluster):
 * SQLite in WAL mode lets several processes read at once and serialises their writes
 * (busy_timeout), so a second core serves a second stream of requests. Each worker runs
 * Next's programmatic server behind lib/server/front-door.ts (client address, readiness,
 * load shedding). The primary holds the port: it hands each connection to a worker and
 * answers liveness itself from the workers' heartbeats (lib/server/primary-door.ts); it
 * starts the workers, replaces one that dies or stalls, and stops them all on
 * SIGINT/SIGTERM. `npm start` prepares the database and the build once, then calls
 * `serve`; the load test and browser tests' second servers run this file directly on a
 * prepared database and build. (docs/decisions/050, 068)
 */
import cluster from "node:cluster";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";
import { checkDatabase } from "@/lib/http/health";
import { receiveConnections } from "@/lib/server/connection-handoff";
import { frontDoor } from "@/lib/server/front-door";
import { startHeartbeat } from "@/lib/server/heartbeat";
import { OverloadGuard } from "@/lib/server/overload";
import { openPrimaryDoor } from "@/lib/server/primary-door";
import { runWriteGate } from "@/lib/server/write-gate";
import { workerExecArgv } from "@/lib/server/worker-flags";

/** More deaths than this within RESTART_WINDOW_MS means the workers cannot start: stop instead of looping. */
const MAX_RESTARTS = 10;
const RESTART_WINDOW_MS = 60_000;
/** How long stopping workers may take before they are killed. */
const STOP_GRACE_MS = 10_000;

export async function serve(options: { hostname?: string } = {}): Promise<void> {
  if (cluster.isPrimary) return primary(options.hostname);
  return worker(options.hostname);
}

function primary(hostname: string | undefined): Promise<void> {
  // Workers run this file (with the same tsx loader and conditions), whoever called serve().
  // What `next start` set: the workers inherit it (Next reads NODE_ENV; lib/env.ts too).
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  cluster.setupPrimary({
    exec: fileURLToPath(import.meta.url),
    args: hostname ? ["--hostname", hostname] : [],
    // The primary's flags (tsx's loader) plus a larger young generation (lib/server/worker-flags.ts).
    execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS),
  });
  const count = env.WEB_CONCURRENCY;
  console.log(`Serving on port ${env.PORT} from ${count} process${count === 1 ? "" : "es"} (WEB_CONCURRENCY; primary ${process.pid}).`);
  let stopping = false;
  const deaths: number[] = [];
  runWriteGate();
  const door = openPrimaryDoor({ port: env.PORT, hostname, stallMs: env.WORKER_STALL_SECONDS * 1000 });
  door.listening.catch((error: unknown) => {
    console.error(`Cannot listen on port ${env.PORT}: ${error instanceof Error ? error.message : String(error)}`);
    void stop(1);
  });
  for (let i = 0; i < count; i++) cluster.fork();

  cluster.on("exit", (dead, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - RESTART_WINDOW_MS) deaths.shift();
    console.error(`Worker ${dead.id} (process ${dead.process.pid}) died (${signal ?? `exit ${code}`}); starting a replacement.`);
    if (deaths.length > MAX_RESTARTS) {
      console.error(`${deaths.length} workers died within ${RESTART_WINDOW_MS / 1000} s: stopping.`);
      void stop(1);
      return;
    }
    cluster.fork();
  });

  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    door.close();
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    const exited = Promise.all(workers.map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once("exit", () => resolve())))));
    for (const w of workers) w.process.kill("SIGTERM");
    const timer = setTimeout(() => {
      for (const w of workers) if (!w.isDead()) w.process.kill("SIGKILL");
    }, STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    process.exit(exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
  return new Promise(() => {});
}

async function worker(hostname: string | undefined): Promise<void> {
  const id = String(cluster.worker?.id ?? 1);
  // Loaded here, not at the top: the primary never serves, and Next's server is large.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port: env.PORT, hostname });
  await app.prepare();
  const guard = new OverloadGuard({ maxEventLoopDelayMs: env.SHED_EVENT_LOOP_DELAY_MS, maxInFlight: env.SHED_MAX_IN_FLIGHT, maxQueueMs: env.SHED_QUEUE_MS });
  const nextHandle = app.getRequestHandler();
  const handle = frontDoor({ guard, worker: id, handle: (request, response) => nextHandle(request, response) });
  const server = http.createServer((request, response) => {
    const started = performance.now();
    // Writes are few and worth a line each: which process took them, how it went.
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.once("finish", () => console.log(`[worker ${id} · process ${process.pid}] ${request.method} ${request.url} ${response.statusCode} ${Math.round(performance.now() - started)} ms`));
    }
    handle(request, response).catch((error: unknown) => {
      console.error(`[worker ${id}] request failed:`, error);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end();
    });
  });
  // Reads shed are summed up once a second instead of a line each.
  const shedLog = setInterval(() => {
    const shed = guard.takeShedCount();
    if (shed > 0) console.warn(`[worker ${id} · process ${process.pid}] busy: answered ${shed} reads 503 in the last second`);
  }, 1000);
  shedLog.unref();

  const stopReceiving = receiveConnections(server);
  // The first heartbeat tells the primary this process is ready for connections.
  const stopHeartbeat = startHeartbeat(() => checkDatabase());
  console.log(`[worker ${id} · process ${process.pid}] ready`);

  let stopping = false;
  const stop = () => {
    // The signal to stop often comes twice: once to the whole process group (Ctrl-C in a
    // terminal, systemd's default KillMode, the test harness) and once more forwarded by
    // the primary. A second must not end the process before the requests in progress
    // have finished, as it would once no listener were left for it.
    if (stopping) return;
    stopping = true;
    guard.stop();
    stopHeartbeat();
    // Finish the requests in progress, then leave; the primary kills a worker that takes too long.
    void stopReceiving()
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// Run directly (the load test, a second test server), or as a worker forked by serve().
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--hostname");
  serve({ hostname: at > 0 ? process.argv[at + 1] : undefined }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
