import http from "node:http";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { freePort, startServer, stopServer, type Server } from "@/tools/harness/server";
import { treeOpenFiles } from "@/tools/harness/process-tree";
import { apiToken } from "./support/reviewed-claim";
import { DATABASE_FILE, E2E_DIR } from "./support/e2e-env";
import { once, type Answer } from "./support/one-request";

/*
 * Several server processes on one database (scripts/serve.ts): a write through one is read
 * through the other at once, conditional reads hold across processes (the change counter
 * lives in the database), a saturated process sheds reads with 503 + Retry-After while it
 * still takes writes, and the primary, which hands each connection to a process, answers
 * liveness itself. Each request goes on a
 * connection of its own, so the cluster hands consecutive ones to different workers.
 */

/** Asks until a process other than `not` answers (the cluster alternates; a few tries are plenty). */
async function fromAnotherProcess(url: string, not: string, headers: Record<string, string> = {}): Promise<Answer> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await once(url, { headers });
    if (answer.headers["x-claimtrail-worker"] !== not) return answer;
  }
  throw new Error(`every answer came from worker ${not}`);
}

async function start(env: Record<string, string>, onLine?: (line: string) => void): Promise<Server> {
  const port = await freePort([3360, 3399]);
  return startServer({
    databaseFile: path.resolve(DATABASE_FILE),
    port,
    logFile: path.resolve(`${E2E_DIR}-processes-${port}.log`),
    distDir: process.env.NEXT_DIST_DIR ?? ".next",
    env: { NODE_ENV: "production", PUBLIC_URL: undefined, ORGANISATION_NAME: undefined, ORGANISATION_URL: undefined, CORS_ORIGINS: undefined, ...env },
    onLine,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe("two processes on one database", () => {
  let server: Server;
  let token: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await start({ WEB_CONCURRENCY: "2" });
    token = await apiToken("factChecker");
  });

  test.afterAll(async () => {
    await stopServer(server);
  });

  test("a write through one process is read through the other at once, and an ETag from one is checked by the other", async () => {
    const claims = JSON.parse((await once(`${server.url}/api/claims?pageSize=1`)).body) as { items: { id: number }[] };
    const claimId = claims.items[0]!.id;
    const detailUrl = `${server.url}/api/claims/${claimId}`;
    const before = await once(detailUrl);
    const etag = before.headers.etag!;
    expect(etag).toMatch(/^W\//);
    // Unchanged: any process answers 304 to the ETag another gave.
    const unchanged = await fromAnotherProcess(detailUrl, String(before.headers["x-claimtrail-worker"]), { "if-none-match": etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe("");

    const claim = JSON.parse(before.body) as { version: number; status: { key: string } };
    const status = claim.status.key === "in_review" ? "unreviewed" : "in_review";
    const rationale = `Written through one process, read through the other ${Date.now()}`;
    const written = await once(`${detailUrl}/status`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: { status, rationale, evidence: [], version: claim.version } });
    expect(written.status, written.body).toBe(200);
    const writer = String(written.headers["x-claimtrail-worker"]);

    const read = await fromAnotherProcess(detailUrl, writer, { "if-none-match": etag });
    expect(read.headers["x-claimtrail-worker"]).not.toBe(writer);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ status: { key: status }, version: claim.version + 1 });
    expect(read.headers.etag).not.toBe(etag);
  });

  test("a write whose body arrives slowly holds up no other write, in either process", async () => {
    const claimId = (JSON.parse((await once(`${server.url}/api/claims?pageSize=1`)).body) as { items: { id: number }[] }).items[0]!.id;
    const url = `${server.url}/api/claims/${claimId}/annotations`;
    const headers = { authorization: `Bearer ${token}` };
    // Headers and the start of the body now, the rest after SLOW_MS.
    const SLOW_MS = 5_000;
    const body = JSON.stringify({ body: `Sent slowly ${Date.now()}` });
    const slow = new Promise<number>((resolve, reject) => {
      const request = http.request(url, { method: "POST", agent: false, headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), SLOW_MS);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    const writes = await Promise.all(Array.from({ length: 4 }, (_, i) => once(url, { method: "POST", headers, body: { body: `Written meanwhile ${i} ${Date.now()}` } })));
    const took = Date.now() - started;
    for (const write of writes) expect(write.status, write.body).toBe(201);
    expect(new Set(writes.map((write) => write.headers["x-claimtrail-worker"]))).toEqual(new Set(["1", "2"]));
    // Answered while the slow body was still arriving: nothing waited for it.
    expect(took).toBeLessThan(SLOW_MS - 1_000);
    expect(await slow).toBe(201);
  });

  test("each process holds one connection that writes and one that reads, whichever routes ran", async () => {
    const claimId = (JSON.parse((await once(`${server.url}/api/claims?pageSize=1`)).body) as { items: { id: number }[] }).items[0]!.id;
    // A page that reads through Prisma, an API write and the list, on both processes: the
    // pages and the route handlers are separate bundles of the production build, and each
    // once made a Prisma client (a second write connection) of its own.
    // Each request on a connection of its own, and the cluster alternates: two of a kind in
    // a row reach both processes.
    const seen = { page: new Set<string>(), write: new Set<string>() };
    for (let i = 0; i < 6; i++) {
      const page = await once(`${server.url}/claims/${claimId}`);
      expect(page.status).toBe(200);
      seen.page.add(String(page.headers["x-claimtrail-worker"]));
    }
    for (let i = 0; i < 6; i++) {
      const note = await once(`${server.url}/api/claims/${claimId}/annotations`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: { body: `One connection ${i} ${Date.now()}` } });
      expect(note.status, note.body).toBe(201);
      seen.write.add(String(note.headers["x-claimtrail-worker"]));
    }
    expect(seen).toEqual({ page: new Set(["1", "2"]), write: new Set(["1", "2"]) });
    // Two processes: each its read-only reader and its one Prisma connection.
    expect(treeOpenFiles(server.pid, path.resolve(DATABASE_FILE))).toBe(4);
  });

  test("the primary answers liveness from both processes' heartbeats; each process answers readiness itself", async () => {
    const ready = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const live = await once(`${server.url}/api/health`);
      expect(live.status).toBe(200);
      expect(live.headers["x-claimtrail-worker"]).toBe("primary");
      // Closed after the answer: the connection's next request must reach a worker.
      expect(live.headers.connection).toBe("close");
      expect(JSON.parse(live.body)).toEqual({ ok: true, processes: 2 });
      const readiness = await once(`${server.url}/api/health/ready`);
      expect(readiness.status, readiness.body).toBe(200);
      expect(JSON.parse(readiness.body)).toEqual({ ok: true });
      ready.add(String(readiness.headers["x-claimtrail-worker"]));
    }
    expect(ready).toEqual(new Set(["1", "2"]));
  });

  test("a request reaches its process whole, however its bytes are split and whenever they come", async () => {
    const claimId = (JSON.parse((await once(`${server.url}/api/claims?pageSize=1`)).body) as { items: { id: number }[] }).items[0]!.id;
    const { port } = new URL(server.url);
    // The primary reads a connection's first bytes and hands it over: bytes that come just
    // after (a POST's body, the rest of its headers) must reach the worker, not the primary.
    const notes = Array.from({ length: 24 }, (_, i) => {
      const body = JSON.stringify({ body: `Split across packets ${i} ${Date.now()}` });
      const head = `POST /api/claims/${claimId}/annotations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n`;
      // Headers cut in two, then the body, each after a pause of 0–5 ms.
      return rawRequest(Number(port), [head.slice(0, 40), `${head.slice(40)}\r\n`, body], i % 6);
    });
    for (const answer of await Promise.all(notes)) {
      expect(answer.status, answer.text).toBe(201);
      expect(answer.text).toMatch(/X-Claimtrail-Worker: [12]\r\n/i);
    }
    // A health check whose request line comes in two pieces goes to a worker, which answers it too.
    const split = await rawRequest(Number(port), ["GET /api/he", "alth HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"], 50);
    expect(split.status, split.text).toBe(200);
    expect(split.text).toMatch(/X-Claimtrail-Worker: [12]\r\n/i);
    // A connection that sends nothing for a while (a browser's preconnect) is still served.
    const late = await rawRequest(Number(port), ["", `GET /api/claims/${claimId} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`], 1_500);
    expect(late.status, late.text).toBe(200);
  });
});

/** Writes `parts` on one connection, `gapMs` apart, and reads the whole answer (the request asks the server to close). */
function rawRequest(port: number, parts: string[], gapMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on("connect", async () => {
      for (const [index, part] of parts.entries()) {
        if (index > 0) await new Promise((wait) => setTimeout(wait, gapMs));
        if (part) socket.write(part);
      }
    });
  });
}

test.describe("a stuck process", () => {
  let server: Server;
  /** Worker id → process id, from each worker's "ready" line. */
  const processes = new Map<string, number>();
  const STALL_SECONDS = 14;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await start({ WEB_CONCURRENCY: "2", WORKER_STALL_SECONDS: String(STALL_SECONDS) }, (line) => {
      const ready = /\[worker (\d+) · process (\d+)\] ready/.exec(line);
      if (ready) processes.set(ready[1]!, Number(ready[2]));
    });
  });

  test.afterAll(async () => {
    // Whatever happened, nothing stays stopped.
    for (const pid of processes.values()) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {
        // gone
      }
    }
    await stopServer(server);
  });

  test("gets no new connections once silent, is replaced, and liveness holds meanwhile", async () => {
    test.setTimeout(120_000);
    await expect.poll(() => processes.size, { timeout: 30_000 }).toBe(2);
    // A process whose event loop is held (a request stuck in synchronous work) looks like
    // this from outside: it takes connections and answers nothing.
    process.kill(processes.get("1")!, "SIGSTOP");
    const stoppedAt = Date.now();
    // Silent for more than 10 s: no longer fresh.
    await sleep(11_000);
    const live = await once(`${server.url}/api/health`);
    expect(live.status, live.body).toBe(200);
    expect(JSON.parse(live.body)).toEqual({ ok: true, processes: 1 });
    for (let i = 0; i < 4; i++) {
      const answer = await once(`${server.url}/api/claims?pageSize=1`);
      expect(answer.status).toBe(200);
      expect(answer.headers["x-claimtrail-worker"]).toBe("2");
    }
    // Past WORKER_STALL_SECONDS the primary kills it and starts a replacement (worker 3).
    await expect.poll(() => processes.has("3"), { timeout: 60_000 }).toBe(true);
    expect(Date.now() - stoppedAt).toBeGreaterThan(STALL_SECONDS * 1000);
    await expect.poll(async () => JSON.parse((await once(`${server.url}/api/health`)).body) as unknown, { timeout: 30_000 }).toEqual({ ok: true, processes: 2 });
    const workers = new Set<string>();
    for (let i = 0; i < 4; i++) workers.add(String((await once(`${server.url}/api/claims?pageSize=1`)).headers["x-claimtrail-worker"]));
    expect(workers).toEqual(new Set(["2", "3"]));
  });
});

test.describe("a saturated process", () => {
  let server: Server;
  let token: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // Saturated on purpose: one request in flight is the limit.
    server = await start({ WEB_CONCURRENCY: "1", SHED_MAX_IN_FLIGHT: "1" });
    token = await apiToken("factChecker");
  });

  test.afterAll(async () => {
    await stopServer(server);
  });

  test("answers new reads 503 with Retry-After, and still takes every write and answers its health check", async () => {
    const claimId = (JSON.parse((await once(`${server.url}/api/claims?pageSize=1`)).body) as { items: { id: number }[] }).items[0]!.id;
    // Pages take long enough to render that the next connections arrive while one is in flight.
    const reads = Array.from({ length: 30 }, (_, i) => once(`${server.url}${i % 2 === 0 ? "/claims" : "/api/claims?q=the"}`));
    const writes = Array.from({ length: 3 }, (_, i) =>
      once(`${server.url}/api/claims/${claimId}/annotations`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: { body: `Written while busy ${i} ${Date.now()}` } }),
    );
    const health = once(`${server.url}/api/health`);
    const answers = await Promise.all(reads);
    const shed = answers.filter((answer) => answer.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
    for (const answer of shed) {
      expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
      expect(answer.body).toMatch(/The server is busy/);
    }
    for (const write of await Promise.all(writes)) expect(write.status, write.body).toBe(201);
    const live = await health;
    expect(live.status).toBe(200);
    // Answered by the primary, which no read keeps busy.
    expect(live.headers["x-claimtrail-worker"]).toBe("primary");
  });
});

test.describe("stopping", () => {
  test("a write in progress when the whole process group is told to stop is finished, answered and kept", async () => {
    test.setTimeout(120_000);
    const server = await start({ WEB_CONCURRENCY: "1" });
    try {
      const token = await apiToken("factChecker");
      const claimId = (JSON.parse((await once(`${server.url}/api/claims?pageSize=1`)).body) as { items: { id: number }[] }).items[0]!.id;
      const text = `Finished while stopping ${Date.now()}`;
      const body = JSON.stringify({ body: text });
      // Headers and the start of the body now, the rest once the stop signals have come.
      const write = new Promise<number>((resolve, reject) => {
        const request = http.request(
          `${server.url}/api/claims/${claimId}/annotations`,
          { method: "POST", agent: false, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        request.on("error", reject);
        request.write(body.slice(0, 10));
        setTimeout(() => request.end(body.slice(10)), 1_500);
      });
      await sleep(300);
      // SIGTERM to the whole group: the worker gets it, and the primary forwards one more.
      const stopped = stopServer(server);
      expect(await write).toBe(201);
      await stopped;
      const db = new Database(path.resolve(DATABASE_FILE), { readonly: true });
      try {
        expect(db.prepare(`SELECT count(*) FROM "Annotation" WHERE "body" = ?`).pluck().get(text)).toBe(1);
      } finally {
        db.close();
      }
    } finally {
      await stopServer(server);
    }
  });
});
