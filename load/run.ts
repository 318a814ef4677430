/**
 * Load test: readers and concurrent writers against the production server, on loopback.
 *
 *   npm run load -- [--duration 30] [--connections 50 | 1,10,50,100] [--writers 20]
 *                   [--web-concurrency N] [--port 35xx] [--claims 3000] [--skip-build]
 *                   [--budget 1500] [--postgres URL] [--servers 1]
 *
 * 1. Prepares a fresh database in .tmp/load (migrations, the seed article replaced by
 *    --claims synthetic claims from tools/synthetic, seed 42), a fact-checker account and
 *    one API token per writer (through the same code as `npm run users`).
 *    With --postgres URL the run is on PostgreSQL instead: the database `<name>_load` on
 *    the server and role of URL (`<name>` is the database URL names, which is never
 *    touched) is dropped if an earlier run left it, created empty, and the SQLite database
 *    just prepared is copied into it with `npm run db:copy` (which migrates it); the role
 *    needs CREATEDB. It is kept after the run, as .tmp/load is, for a look at what the run
 *    wrote.
 * 2. Builds into .next-load when the build is missing or stale, and starts --servers
 *    production servers (default 1; scripts/serve.ts, as `npm start` does) on that one
 *    database, each with --web-concurrency processes (default: one per core; 1 is the
 *    single process of before) on 127.0.0.1 (first free ports in 3500–3599), with their
 *    output in .tmp/load/server.log (server-2.log, … for the others).
 * 3. For each number in --connections, one stage of --duration seconds: autocannon (that
 *    many connections, split across the servers: one autocannon per server) on a mix of
 *    read endpoints, a health probe per server, and the server process trees' CPU from
 *    /proc, WHILE --writers writers loop over annotations and status changes through the
 *    JSON API. A status change reads the claim's version first; a 409 is the expected
 *    outcome of a race and is retried with the version the 409 reports, not counted as an
 *    error. Status changes target a few "hot" claims so that races really happen. With
 *    several servers each writer moves from server to server, reading a claim's version on
 *    one and changing its status on the next (load/servers.ts).
 * 4. Stops the servers and checks: no 5xx (but 503s that carry Retry-After: shed reads,
 *    lib/server/overload.ts, counted apart), no timeouts or connection errors, no lock
 *    error in any response or server log line (SQLITE_BUSY / "database is locked"; on
 *    PostgreSQL serialization failures, deadlocks and lock timeouts: SQLSTATE 40001,
 *    40P01, 55P03), every acknowledged write is in the database exactly once and nothing
 *    else is, each hot claim's version grew by exactly its number of status changes (no
 *    lost update), and the database is consistent (tests/support/consistency.ts).
 *
 * Prints a summary (also written to .tmp/load/summary.json); exits 1 when a check fails,
 * 2 on bad arguments, 3 when the time budget runs out. The server is killed on every exit.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCommandLine, wholeNumberOption } from "../scripts/shared/command-line";
import autocannon from "autocannon";
import { ensureBuild, freePort, startServer, stopServer, type Server } from "../tools/harness/server";
import { openQueryConnection } from "../tools/harness/database";
import { databaseName, recreateDatabase } from "../tools/harness/postgres";
import { databaseUrlNamed } from "../tests/setup/postgres-names";
import { percentile } from "../tools/harness/stats";
import { checkConsistency } from "../tests/support/consistency";
import { killAllChildren, killChildrenOnExit, runChild, tsxCommand } from "../tools/harness/children";
import { treeCpuSeconds, treeOpenFiles } from "../tools/harness/process-tree";
import { Random } from "@/tools/synthetic/random";
import { attributionsCsv, LOAD_SEED, loadSyntheticClaims } from "./fixtures";
import { readPathChooser, readVocabulary, type ReadKind, type Vocabulary } from "./read-mix";
import type { ProbeResult } from "./health-probe";
import { combineReadCounts, splitAcross, writerRoute, type ReadCounts } from "./servers";
import { LOAD_BUILD_LOG as BUILD_LOG, LOAD_DATABASE_FILE as DATABASE_FILE, LOAD_DIR, LOAD_DIST_DIR as DIST_DIR, LOAD_PORT_RANGE as PORT_RANGE } from "./load-files";

const ROOT = process.cwd();
/** The first server's log; the others' are server-2.log, server-3.log, … */
const serverLog = (index: number) => path.join(LOAD_DIR, index === 0 ? "server.log" : `server-${index + 1}.log`);
const SUMMARY_FILE = path.join(LOAD_DIR, "summary.json");
const WRITER_EMAIL = "load-writer@claimtrail.test";
/**
 * Lock contention as it can surface. SQLite: its own words, and the Prisma adapter's
 * translation of SQLITE_BUSY ("SocketTimeout", shown as "Operation has timed out", P1008),
 * which never mentions SQLITE_BUSY at all. PostgreSQL: a serialization failure (40001), a
 * deadlock (40P01) or a lock not obtained in time (55P03), in PostgreSQL's words or
 * Prisma's (P2034). Neither database ever says the other's, so one pattern serves both.
 */
const BUSY =
  /SQLITE_BUSY|database is locked|Operation has timed out|SocketTimeout|P1008|could not serialize access|deadlock detected|lock timeout|could not obtain lock|write conflict or a deadlock|\bP2034\b|\b40001\b|\b40P01\b|\b55P03\b/i;
/** How the summary names what BUSY finds, on each database. */
const LOCK_ERRORS = { sqlite: `SQLITE_BUSY / "database is locked"`, postgresql: "serialization failures / deadlocks / lock timeouts (40001, 40P01, 55P03)" } as const;
/** Server log lines worth reporting even when they are not lock errors. */
const SERVER_ERROR = /API route failed|Unhandled|uncaught|P20\d\d|Transaction API error|Error: /i;

/**
 * Client-side limit per request. Long enough that every request answered during the run
 * is counted with its real status (a timeout would hide a 5xx), short enough to bound the
 * run: autocannon drops its in-flight requests when the duration ends, and writers finish
 * at most one request each after it.
 */
const REQUEST_TIMEOUT_S = 120;

const USAGE = `Usage: npm run load -- [--duration S] [--connections N[,N…]] [--writers N] [--web-concurrency N] [--port P] [--claims N] [--skip-build] [--budget S] [--import-rows N] [--postgres URL] [--servers N]

  --postgres URL  run on PostgreSQL: the database <name>_load on URL's server and role
                  (<name> is URL's database, left untouched) is dropped, created and filled
                  with a copy of the prepared SQLite database; the role needs CREATEDB
  --servers N     start N servers (each --web-concurrency processes) on the one database,
                  readers split across them, writers moving between them (default 1)`;

type Options = {
  duration: number;
  /** One stage per entry, in order, each --duration seconds long. */
  connections: number[];
  writers: number;
  webConcurrency: number;
  port: number | null;
  claims: number;
  skipBuild: boolean;
  budget: number;
  importRows: number;
  /** The PostgreSQL database the run creates and uses, or null for SQLite (.tmp/load). */
  postgresUrl: string | null;
  /** --postgres as given (the server, role and name the run's database is named after). */
  postgresArgument: string | null;
  servers: number;
};

function parseOptions(argv: string[]): Options {
  const commandLine = parseCommandLine(argv, USAGE, {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    writers: { type: "string", default: "20" },
    "web-concurrency": { type: "string", default: String(os.availableParallelism()) },
    port: { type: "string" },
    claims: { type: "string", default: "3000" },
    "skip-build": { type: "boolean", default: false },
    "import-rows": { type: "string", default: "0" },
    budget: { type: "string" },
    postgres: { type: "string" },
    servers: { type: "string", default: "1" },
  });
  if ("exitCode" in commandLine) process.exit(commandLine.exitCode);
  const { values } = commandLine;
  const int = (name: string, value: string | undefined, min: number, max: number) => wholeNumberOption(name, value ?? "", USAGE, min, max);
  const duration = int("duration", values.duration, 1, 3600);
  const connections = (values.connections ?? "").split(",").map((value) => int("connections", value.trim(), 1, 1000));
  return {
    duration,
    connections,
    webConcurrency: int("web-concurrency", values["web-concurrency"], 1, 64),
    writers: int("writers", values.writers, 0, 200),
    port: values.port === undefined ? null : int("port", values.port, 1024, 65535),
    claims: int("claims", values.claims, 0, 200_000),
    skipBuild: values["skip-build"] ?? false,
    importRows: int("import-rows", values["import-rows"], 0, 100_000),
    postgresUrl: values.postgres === undefined ? null : loadDatabaseUrl(values.postgres),
    postgresArgument: values.postgres ?? null,
    servers: int("servers", values.servers, 1, 16),
    // Default: time for a cold build on a busy 2-core machine, the run, and the checks.
    budget: values.budget === undefined ? 20 * 60 + duration * 2 * connections.length : int("budget", values.budget, 30, 24 * 3600),
  };
}

/** `<name>_load` on the server of `url`: the run drops and creates it, so it must never be the database `url` names. */
function loadDatabaseUrl(url: string): string {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    console.error(`--postgres must be a postgresql:// URL\n${USAGE}`);
    process.exit(2);
  }
  return databaseUrlNamed(url, `${databaseName(url) || "claimtrail"}_load`);
}

killChildrenOnExit("load");

/** The environment of the scripts run on the SQLite file (preparation, accounts; the copy to PostgreSQL). */
const SCRIPT_ENV = { ...process.env, DATABASE_URL: `file:${DATABASE_FILE}`, NODE_ENV: "production" as const };

/** The database the servers use and the checks read: the SQLite file, or the PostgreSQL database of --postgres. */
const databaseOf = (options: Options) => options.postgresUrl ?? DATABASE_FILE;
/** SCRIPT_ENV on the database of the run (a concurrent import). */
const runEnv = (options: Options) => ({ ...SCRIPT_ENV, DATABASE_URL: options.postgresUrl ?? `file:${DATABASE_FILE}` });
/** The URL with its password left out, for the summary. */
const withoutPassword = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1@");

// ---------------------------------------------------------------------------
// Preparation
// ---------------------------------------------------------------------------

async function prepareDatabase(): Promise<void> {
  rmSync(LOAD_DIR, { recursive: true, force: true });
  mkdirSync(LOAD_DIR, { recursive: true });
  await runChild("Preparing the database", tsxCommand("scripts/db/prepare.ts"), SCRIPT_ENV, 180_000);
}

/**
 * --postgres: the prepared SQLite database (claims, accounts, tokens) copied into a new
 * PostgreSQL database as an operator moves one (docs/deploy.md), then the planner's
 * statistics gathered, as a migrated SQLite file gets them.
 */
async function copyToPostgres(url: string): Promise<void> {
  await recreateDatabase(url);
  await runChild("Copying the database to PostgreSQL", tsxCommand("scripts/db/copy.ts", ["--to", url]), SCRIPT_ENV, 300_000);
  const db = await openQueryConnection(url);
  try {
    await db.run("ANALYZE");
  } finally {
    await db.close();
  }
}

/** The PostgreSQL backends serving the servers' connections (the app names its own "claimtrail"; the tools' are "claimtrail-tools"). */
async function postgresBackends(url: string): Promise<number[]> {
  const db = await openQueryConnection(url);
  try {
    return await db.column<number>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claimtrail'`);
  } finally {
    await db.close();
  }
}

/**
 * CPU seconds of the servers' PostgreSQL backends, by backend: the work the database does
 * for them happens there, outside the servers' process trees. Readable only when
 * PostgreSQL runs on this machine (else empty). A backend that ends within a stage (an idle
 * pool connection closed) takes its seconds with it, so the figure is a lower bound.
 */
async function postgresBackendCpu(url: string): Promise<Map<number, number>> {
  const seconds = new Map<number, number>();
  for (const pid of await postgresBackends(url)) {
    const cpu = treeCpuSeconds(pid);
    if (cpu !== null) seconds.set(pid, cpu);
  }
  return seconds;
}

/** CPU seconds the backends of `after` used since `before` (a backend new since then: all of its seconds). */
function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number | null {
  if (after.size === 0) return null;
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** "2 servers of 1 process each", "1 server process", "4 server processes". */
function serversText(options: Options): string {
  const noun = `process${options.webConcurrency === 1 ? "" : "es"}`;
  return options.servers === 1 ? `${options.webConcurrency} server ${noun}` : `${options.servers} servers of ${options.webConcurrency} ${noun} each`;
}

async function createWriterTokens(count: number): Promise<{ userId: string; tokens: string[] }> {
  const stdout = await runChild("Creating the writer account and tokens", tsxCommand("load/setup-users.ts", [WRITER_EMAIL, String(Math.max(1, count))]), SCRIPT_ENV, 120_000);
  const line = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as { userId: string; tokens: string[] };
}

type ServerWatch = { busyLines: string[]; errorLines: string[] };

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

function latencySummary(samples: number[]) {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(samples.length > 0 ? Math.max(...samples) : NaN),
  };
}

const increment = (counts: Record<string, number>, key: string | number, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

// ---------------------------------------------------------------------------
// Readers (autocannon) and writers (fetch)
// ---------------------------------------------------------------------------

type ReadStats = {
  byKind: Record<ReadKind, { count: number; non2xx: number; latencies: number[] }>;
  /** autocannon's request errors by code (connection resets and the like; timeouts are counted apart). */
  errorCodes: Record<string, number>;
  latencies: number[];
  /** The same for the 2xx answers alone: what a served read took (shed answers are fast and would hide it). */
  okLatencies: number[];
  busyBodies: number;
  busySamples: string[];
  /** 503 answers with Retry-After: reads shed by a saturated process (lib/server/overload.ts). */
  shed: number;
  /** 503 answers without Retry-After: failures like any other 5xx. */
  unavailableWithoutRetryAfter: number;
};

function newReadStats(): ReadStats {
  const kind = () => ({ count: 0, non2xx: 0, latencies: [] as number[] });
  return { byKind: { list: kind(), search: kind(), detail: kind(), html: kind() }, errorCodes: {}, latencies: [], okLatencies: [], busyBodies: 0, busySamples: [], shed: 0, unavailableWithoutRetryAfter: 0 };
}

/** Starts autocannon; the instance is a thenable resolving to its result (so do not `await` it before the writers start). */
function runReaders(base: string, options: Options, connections: number, vocabulary: Vocabulary, stats: ReadStats): autocannon.Instance {
  const choose = readPathChooser(vocabulary);
  let lastKind: ReadKind = "list";
  let lastOk = false;
  const instance = autocannon({
    url: base,
    connections,
    duration: options.duration,
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        method: "GET",
        setupRequest: (request, context) => {
          const next = choose();
          context.kind = next.kind;
          return { ...request, method: "GET", path: next.path };
        },
        onResponse: (status, body, context, headers) => {
          lastKind = (context.kind as ReadKind | undefined) ?? "list";
          lastOk = status >= 200 && status < 300;
          const kind = stats.byKind[lastKind];
          kind.count += 1;
          if (status < 200 || status >= 300) kind.non2xx += 1;
          if (status === 503) {
            const retryAfter = Object.entries(headers ?? {}).some(([name, value]) => name.toLowerCase() === "retry-after" && /^\d+$/.test(String(value)));
            if (retryAfter) stats.shed += 1;
            else stats.unavailableWithoutRetryAfter += 1;
          }
          if (BUSY.test(body)) {
            stats.busyBodies += 1;
            if (stats.busySamples.length < 5) stats.busySamples.push(`${status} ${body.slice(0, 300)}`);
          }
        },
      },
    ],
  });
  instance.on("reqError", (error: Error & { code?: string }) => increment(stats.errorCodes, error.code ?? error.message));
  // 'response' follows onResponse synchronously for the same request, so lastKind is its kind.
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    stats.latencies.push(responseTime);
    if (lastOk) stats.okLatencies.push(responseTime);
    stats.byKind[lastKind].latencies.push(responseTime);
  });
  return instance;
}

type WriteStats = {
  sent: { annotations: number; statusChanges: number };
  acknowledged: { annotations: number; statusChanges: number };
  retries409: number;
  abandonedAfter409: number;
  failures: Record<string, number>;
  failureSamples: string[];
  busyBodies: number;
  latencies: number[];
  sentMarkers: Set<string>;
  acknowledgedMarkers: Set<string>;
  /** Writes the server answered with a definite refusal (4xx other than a 409 race, or 5xx): none of them may be in the database. */
  refusedMarkers: Set<string>;
  /** Writes whose request got no answer: the database decides whether they happened. */
  unknownMarkers: Set<string>;
  versionReads: number;
  /** Version reads a busy server shed (503 + Retry-After) and the writer asked again after waiting. */
  shedReadRetries: number;
};

type CallResult = { status: number; text: string };

/**
 * One request of a writer. A read (the version before a status change) that a busy server
 * sheds with 503 + Retry-After is asked again after waiting, as a client should; writes are
 * never shed, so a 503 on a write is an answer like any other.
 */
async function call(stats: WriteStats, method: "GET" | "POST", url: string, token: string, body?: unknown): Promise<CallResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await callOnce(stats, method, url, token, body);
    if (method !== "GET" || result.status !== 503 || result.retryAfter === null || attempt >= 20) return result;
    stats.shedReadRetries += 1;
    await new Promise((resolve) => setTimeout(resolve, result.retryAfter! * 1000));
  }
}

async function callOnce(stats: WriteStats, method: "GET" | "POST", url: string, token: string, body?: unknown): Promise<CallResult & { retryAfter: number | null }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
    });
    const text = await response.text();
    stats.latencies.push(performance.now() - started);
    if (BUSY.test(text)) stats.busyBodies += 1;
    const retryAfter = response.headers.get("retry-after");
    return { status: response.status, text, retryAfter: retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null };
  } catch (error) {
    return { status: 0, text: String(error), retryAfter: null };
  }
}

function recordFailure(stats: WriteStats, what: string, result: CallResult, marker?: string) {
  if (marker) (result.status === 0 ? stats.unknownMarkers : stats.refusedMarkers).add(marker);
  increment(stats.failures, result.status === 0 ? `${what}: no response` : `${what}: ${result.status}`);
  if (stats.failureSamples.length < 10) stats.failureSamples.push(`${what} → ${result.status} ${result.text.slice(0, 300)}`);
}

const MAX_ATTEMPTS = 50;

/** One writer's loop; `bases` are the servers' URLs, taken in turn (load/servers.ts). */
async function runWriter(index: number, token: string, bases: readonly string[], vocabulary: Vocabulary, runId: string, stage: number, stopAt: number, stats: WriteStats) {
  const random = new Random(index, "writer");
  const pick = <T>(items: readonly T[]): T => random.pick(items);
  let n = 0;
  while (performance.now() < stopAt) {
    n += 1;
    const route = writerRoute(index, Math.floor(n / 2), bases.length);
    const base = bases[route.read]!;
    // The status change goes to the next server: what this one read must hold there too.
    const writeBase = bases[route.write]!;
    if (n % 2 === 1) {
      const claimId = pick(vocabulary.claimIds);
      const marker = `load ${runId} c${stage} w${index} a${n}`;
      stats.sent.annotations += 1;
      stats.sentMarkers.add(marker);
      const result = await call(stats, "POST", `${base}/api/claims/${claimId}/annotations`, token, { body: marker });
      if (result.status === 201) {
        stats.acknowledged.annotations += 1;
        stats.acknowledgedMarkers.add(marker);
      } else recordFailure(stats, "annotation", result, marker);
      continue;
    }
    const claimId = pick(vocabulary.hotClaimIds);
    const read = await call(stats, "GET", `${base}/api/claims/${claimId}`, token);
    stats.versionReads += 1;
    if (read.status !== 200) {
      recordFailure(stats, "claim read", read);
      continue;
    }
    let current = JSON.parse(read.text) as { version: number; status: { key: string } };
    let version = current.version;
    let statusKey = current.status.key;
    const marker = `load ${runId} c${stage} w${index} s${n}`;
    stats.sent.statusChanges += 1;
    stats.sentMarkers.add(marker);
    for (let attempt = 1; ; attempt++) {
      const next = pick(vocabulary.statusKeys.filter((key) => key !== statusKey));
      const result = await call(stats, "POST", `${writeBase}/api/claims/${claimId}/status`, token, { status: next, rationale: marker, evidence: [], version });
      if (result.status === 200) {
        stats.acknowledged.statusChanges += 1;
        stats.acknowledgedMarkers.add(marker);
        break;
      }
      if (result.status !== 409) {
        recordFailure(stats, "status change", result, marker);
        break;
      }
      // Lost the race: nothing was written. Retry on the version the refusal reports.
      stats.retries409 += 1;
      if (attempt >= MAX_ATTEMPTS || performance.now() > stopAt + 60_000) {
        stats.abandonedAfter409 += 1;
        break;
      }
      const refusal = JSON.parse(result.text) as { current?: { version?: number; status?: string } };
      if (typeof refusal.current?.version === "number") {
        version = refusal.current.version;
        statusKey = refusal.current.status ?? statusKey;
      } else {
        const again = await call(stats, "GET", `${writeBase}/api/claims/${claimId}`, token);
        stats.versionReads += 1;
        if (again.status !== 200) {
          recordFailure(stats, "claim read", again);
          break;
        }
        current = JSON.parse(again.text) as typeof current;
        version = current.version;
        statusKey = current.status.key;
      }
    }
  }
}

/**
 * The health probe of one stage (load/health-probe.ts), in a process of its own so that its
 * timings are the server's, not this process's event loop, busy with the readers and writers.
 */
async function probeHealth(bases: readonly string[], stopAt: number): Promise<ProbeResult> {
  const until = Date.now() + (stopAt - performance.now());
  const output = await runChild("health probe", tsxCommand("load/health-probe.ts", ["--until", String(Math.round(until)), "--timeout", String(REQUEST_TIMEOUT_S), ...bases]), process.env, stopAt - performance.now() + (REQUEST_TIMEOUT_S + 30) * 1000);
  return JSON.parse(output) as ProbeResult;
}

type ImportOutcome = { rows: number; startedAfterSeconds: number; seconds: number; exitCode: number | null; output: string };

/**
 * `--import-rows N`: a third of the way into the run, import an N-row attributions CSV with
 * the import command (a second process writing the same database, as an operator would
 * while the server runs).
 */
async function runImportDuringLoad(options: Options, runId: string, topicKeys: readonly string[]): Promise<ImportOutcome> {
  const delay = (options.duration * 1000) / 3;
  await new Promise((resolve) => setTimeout(resolve, delay));
  const file = path.join(LOAD_DIR, "import.csv");
  writeFileSync(file, attributionsCsv(options.importRows, `imp${runId}`, topicKeys));
  const started = performance.now();
  let output = "";
  let exitCode: number | null = 0;
  try {
    output = await runChild("The concurrent import", tsxCommand("scripts/import.ts", [file]), runEnv(options), 10 * 60_000);
  } catch (error) {
    output = (error as Error).message;
    exitCode = 1;
  }
  return { rows: options.importRows, startedAfterSeconds: Math.round(delay / 100) / 10, seconds: Math.round((performance.now() - started) / 100) / 10, exitCode, output: output.trim().slice(-500) };
}

// ---------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------

type HotClaimState = { id: number; version: number; statusId: number; lastStatusChangeId: number };

type ClaimState = { version: number; statusId: number };
const CLAIM_STATE = `SELECT "version", "statusId" FROM "Claim" WHERE "id" = ?`;

async function hotClaimStates(database: string, ids: number[]): Promise<HotClaimState[]> {
  const db = await openQueryConnection(database);
  try {
    const states: HotClaimState[] = [];
    for (const id of ids) {
      const [claim] = await db.all<ClaimState>(CLAIM_STATE, [id]);
      const [last] = await db.column<number>(`SELECT coalesce(max("id"), 0) FROM "StatusChange" WHERE "claimId" = ?`, [id]);
      states.push({ id, version: claim!.version, statusId: claim!.statusId, lastStatusChangeId: last ?? 0 });
    }
    return states;
  } finally {
    await db.close();
  }
}

async function verifyWrites(database: string, userId: string, runId: string, writes: WriteStats, before: HotClaimState[]) {
  const db = await openQueryConnection(database);
  try {
    const annotationBodies = await db.column<string>(`SELECT "body" FROM "Annotation" WHERE "authorId" = ?`, [userId]);
    const rationales = await db.column<string>(`SELECT "rationale" FROM "StatusChange" WHERE "userId" = ?`, [userId]);
    const found = [...annotationBodies, ...rationales];
    const foundSet = new Set(found);
    const duplicates = found.length - foundSet.size;
    const acknowledgedMissing = [...writes.acknowledgedMarkers].filter((marker) => !foundSet.has(marker));
    const foundUnacknowledged = found.filter((marker) => !writes.acknowledgedMarkers.has(marker));
    const foundRefused = found.filter((marker) => writes.refusedMarkers.has(marker));
    const foundUnknown = found.filter((marker) => writes.unknownMarkers.has(marker));
    const foundNeverSent = found.filter((marker) => !writes.sentMarkers.has(marker) || !marker.startsWith(`load ${runId} `));
    const auditEntries = await db.all<{ action: string; n: number }>(
      `SELECT "action", count(*) AS n FROM "AuditLog" WHERE "userId" = ? AND "action" IN ('create', 'set_status') GROUP BY "action"`,
      [userId],
    );
    const audit = Object.fromEntries(auditEntries.map((row) => [row.action, row.n]));

    // No lost update: each hot claim's version grew by exactly its number of status changes,
    // and every change starts from the status the previous one left.
    const lostUpdates: string[] = [];
    for (const claim of before) {
      const now = (await db.all<ClaimState>(CLAIM_STATE, [claim.id]))[0]!;
      const changes = await db.all<{ fromStatusId: number; toStatusId: number }>(
        `SELECT "fromStatusId", "toStatusId" FROM "StatusChange" WHERE "claimId" = ? AND "id" > ? ORDER BY "id"`,
        [claim.id, claim.lastStatusChangeId],
      );
      if (now.version - claim.version !== changes.length) {
        lostUpdates.push(`claim ${claim.id}: version ${claim.version} → ${now.version} but ${changes.length} status changes`);
      }
      let expectedFrom = claim.statusId;
      for (const change of changes) {
        if (change.fromStatusId !== expectedFrom) {
          lostUpdates.push(`claim ${claim.id}: a change from status ${change.fromStatusId} follows one that left ${expectedFrom}`);
          break;
        }
        expectedFrom = change.toStatusId;
      }
      if (changes.length > 0 && expectedFrom !== now.statusId) lostUpdates.push(`claim ${claim.id}: status ${now.statusId} is not the last change's ${expectedFrom}`);
    }
    return {
      foundInDatabase: { annotations: annotationBodies.length, statusChanges: rationales.length },
      duplicates,
      acknowledgedMissing: acknowledgedMissing.length,
      acknowledgedMissingSamples: acknowledgedMissing.slice(0, 5),
      foundUnacknowledged: foundUnacknowledged.length,
      foundRefused: foundRefused.length,
      foundUnknown: foundUnknown.length,
      foundNeverSent: foundNeverSent.length,
      auditLog: { annotationCreates: audit.create ?? 0, statusChanges: audit.set_status ?? 0 },
      lostUpdates,
    };
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const packageName = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name?: string }).name;
  if (packageName !== "claimtrail") throw new Error("run the load test from the repository root");

  const watchdog = setTimeout(() => {
    console.error(`load: the time budget of ${options.budget} s ran out; killing the servers`);
    killAllChildren();
    process.exit(3);
  }, options.budget * 1000);
  // Fires only if something still keeps the process alive when the budget is spent.
  watchdog.unref();

  const runId = Date.now().toString(36);
  console.log(
    `load: run ${runId}: ${options.connections.join(", ")} reader connections (${options.duration} s each) and ${options.writers} writers; ${serversText(options)}`,
  );
  const started = Date.now();
  await prepareDatabase();
  const added = loadSyntheticClaims(DATABASE_FILE, options.claims);
  const writer = await createWriterTokens(options.writers);
  if (options.postgresUrl) await copyToPostgres(options.postgresUrl);
  const database = databaseOf(options);
  const where = options.postgresUrl ? withoutPassword(options.postgresUrl) : path.relative(ROOT, DATABASE_FILE);
  console.log(`load: database ready in ${Math.round((Date.now() - started) / 1000)} s (${where}, ${added.claims > 0 ? `${added.claims} synthetic claims, seed ${LOAD_SEED}` : "the seed article"})`);

  if (options.skipBuild && !existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) throw new Error(`--skip-build: there is no build in ${DIST_DIR}`);
  process.stdout.write(`load: build in ${DIST_DIR} (log: ${path.relative(ROOT, BUILD_LOG)})… `);
  const build = ensureBuild({ logFile: BUILD_LOG, skip: options.skipBuild, distDir: DIST_DIR });
  console.log(build);
  const watch: ServerWatch = { busyLines: [], errorLines: [] };
  const servers: Server[] = [];
  // One after the other: each takes the first port still free once the one before listens.
  for (let index = 0; index < options.servers; index++) {
    const port = await freePort(options.port === null ? PORT_RANGE : [options.port + index, options.port + index]);
    const server = await startServer({
      ...(options.postgresUrl ? { databaseUrl: options.postgresUrl } : { databaseFile: DATABASE_FILE }),
      port,
      logFile: serverLog(index),
      distDir: DIST_DIR,
      env: { WEB_CONCURRENCY: String(options.webConcurrency) },
      onLine: (line) => {
        if (BUSY.test(line)) watch.busyLines.push(line);
        else if (SERVER_ERROR.test(line)) watch.errorLines.push(line);
      },
    });
    servers.push(server);
    console.log(`load: server ${index + 1} of ${options.servers} up on ${server.url} (build ${build}; log: ${path.relative(ROOT, serverLog(index))})`);
  }
  const bases = servers.map((server) => server.url);
  const stopServers = () => Promise.all(servers.map((server) => stopServer(server)));

  let summary: Record<string, unknown>;
  let failures: string[];
  try {
    const vocabulary = await readVocabulary(database);
    // Warm up every route in every process of every server, so the run measures serving
    // rather than first-request loading: several connections at once, which the cluster spreads.
    const warm = readPathChooser(vocabulary);
    await Promise.all(
      bases.flatMap((base) =>
        Array.from({ length: 2 * options.webConcurrency }, async () => {
          for (let i = 0; i < 30; i++) await fetch(`${base}${warm().path}`).then((r) => r.arrayBuffer()).catch(() => undefined);
        }),
      ),
    );

    // Open the writers' keep-alive connections now, to every server: under a saturated
    // event loop a NEW connection waits many seconds to be accepted (see
    // docs/operations.md), which would measure connection set-up rather than writing.
    await Promise.all(
      writer.tokens
        .slice(0, options.writers)
        // A connection the server closed while idle can fail here: the writer opens another when it starts.
        .flatMap((token) => bases.map((base) => fetch(`${base}/api/claims/${vocabulary.hotClaimIds[0]}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer()).catch(() => undefined))),
    );
    const before = await hotClaimStates(database, vocabulary.hotClaimIds);
    const writes: WriteStats = {
      sent: { annotations: 0, statusChanges: 0 },
      acknowledged: { annotations: 0, statusChanges: 0 },
      retries409: 0,
      abandonedAfter409: 0,
      failures: {},
      failureSamples: [],
      busyBodies: 0,
      latencies: [],
      sentMarkers: new Set(),
      acknowledgedMarkers: new Set(),
      refusedMarkers: new Set(),
      unknownMarkers: new Set(),
      versionReads: 0,
      shedReadRetries: 0,
    };
    const loadAverageBefore = os.loadavg()[0]!;
    const runnerCpuBefore = process.cpuUsage();
    const runStarted = performance.now();
    const stages: StageSummary[] = [];
    const allReads: ReadStats[] = [];
    const readResults: ReadCounts[] = [];
    // The servers' process trees together; null when /proc cannot tell.
    const serversCpuSeconds = () => {
      const each = servers.map((server) => treeCpuSeconds(server.pid));
      return each.some((seconds) => seconds === null) ? null : each.reduce((total: number, seconds) => total + seconds!, 0);
    };
    let importOutcome: ImportOutcome | null = null;
    for (const [stage, connections] of options.connections.entries()) {
      if (options.connections.length > 1) console.log(`load: stage ${stage + 1} of ${options.connections.length}: ${connections} reader connections for ${options.duration} s`);
      const reads = newReadStats();
      const writeLatenciesBefore = writes.latencies.length;
      const stageLoadAverage = os.loadavg()[0]!;
      const serverCpuBefore = serversCpuSeconds();
      const databaseCpuBefore = options.postgresUrl ? await postgresBackendCpu(options.postgresUrl) : null;
      const stageStarted = performance.now();
      const stopAt = stageStarted + options.duration * 1000;
      // One autocannon per server, the connections split between them (a server given none gets no autocannon).
      const readerRuns = splitAcross(connections, bases.length)
        .map((share, index) => (share > 0 ? (runReaders(bases[index]!, options, share, vocabulary, reads) as PromiseLike<autocannon.Result>) : null))
        .filter((run) => run !== null);
      const probeRun = probeHealth(bases, stopAt);
      // The concurrent import, when asked for, runs once: during the first stage.
      const importRun = options.importRows > 0 && stage === 0 ? runImportDuringLoad(options, runId, vocabulary.topicKeys) : Promise.resolve(null);
      const writerRuns = writer.tokens.slice(0, options.writers).map((token, index) => runWriter(index + 1, token, bases, vocabulary, runId, stage + 1, stopAt, writes));
      const [readResultsOfServers] = await Promise.all([Promise.all(readerRuns), ...writerRuns]);
      const readResult = combineReadCounts(readResultsOfServers);
      importOutcome = (await importRun) ?? importOutcome;
      const probe = await probeRun;
      const elapsed = (performance.now() - stageStarted) / 1000;
      const serverCpuAfter = serversCpuSeconds();
      const databaseCpuSeconds = options.postgresUrl && databaseCpuBefore ? backendCpuSince(databaseCpuBefore, await postgresBackendCpu(options.postgresUrl)) : null;
      allReads.push(reads);
      readResults.push(readResult);
      const stageWriteLatencies = writes.latencies.slice(writeLatenciesBefore);
      const readTotal = readResult["1xx"] + readResult["2xx"] + readResult["3xx"] + readResult["4xx"] + readResult["5xx"];
      const cpuSeconds = serverCpuBefore === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpuBefore;
      stages.push({
        connections,
        durationSeconds: Math.round(elapsed * 10) / 10,
        loadAverage1m: Math.round(stageLoadAverage * 10) / 10,
        reads: {
          requests: readTotal,
          throughputPerSecond: Math.round(readTotal / elapsed),
          okPerSecond: Math.round(readResult["2xx"] / elapsed),
          latencyMs: latencySummary(reads.latencies),
          okLatencyMs: latencySummary(reads.okLatencies),
          byKind: Object.fromEntries(Object.entries(reads.byKind).map(([kind, k]) => [kind, { requests: k.count, non2xx: k.non2xx, latencyMs: latencySummary(k.latencies) }])),
          non2xxByStatus: Object.fromEntries(Object.entries(readResult.statusCodeStats).filter(([status]) => !status.startsWith("2")).map(([status, value]) => [status, value.count])),
          shed503WithRetryAfter: reads.shed,
          "5xx": readResult["5xx"] - reads.shed,
          errors: readResult.errors,
          errorCodes: reads.errorCodes,
          timeouts: readResult.timeouts,
        },
        healthProbe: { ...latencySummary(probe.latencies), slowest: probe.slowest },
        writes: { requests: stageWriteLatencies.length, requestsPerSecond: Math.round(stageWriteLatencies.length / elapsed), latencyMs: latencySummary(stageWriteLatencies) },
        // Cores the server's processes used together; CPU per request over reads and write-path requests alike.
        serverCpuCores: cpuSeconds === null ? null : Math.round((cpuSeconds / elapsed) * 100) / 100,
        serverCpuMsPerRequest: cpuSeconds === null ? null : Math.round(((cpuSeconds * 1000) / Math.max(1, readTotal + stageWriteLatencies.length)) * 10) / 10,
        // PostgreSQL only (SQLite works inside the servers' processes): the backends' cores and CPU per request, a lower bound.
        ...(databaseCpuSeconds === null
          ? {}
          : {
              postgresCpuCores: Math.round((databaseCpuSeconds / elapsed) * 100) / 100,
              postgresCpuMsPerRequest: Math.round(((databaseCpuSeconds * 1000) / Math.max(1, readTotal + stageWriteLatencies.length)) * 10) / 10,
            }),
      });
    }
    const elapsed = (performance.now() - runStarted) / 1000;
    const runnerCpu = process.cpuUsage(runnerCpuBefore);
    const serverConnections = options.postgresUrl
      ? (await postgresBackends(options.postgresUrl)).length
      : servers.reduce((total, server) => total + treeOpenFiles(server.pid, DATABASE_FILE), 0);

    await stopServers();
    const verification = await verifyWrites(database, writer.userId, runId, writes, before);
    const consistency = await checkConsistency(database);

    const writeStatusCounts: Record<string, number> = {};
    for (const [key, count] of Object.entries(writes.failures)) increment(writeStatusCounts, key.split(": ")[1] ?? key, count);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const shedTotal = sum(allReads.map((reads) => reads.shed));
    // A 503 with Retry-After is a shed read, answered at once on purpose; any other 5xx is a failure.
    const read5xx = sum(readResults.map((result) => result["5xx"])) - shedTotal;
    const readErrors = sum(readResults.map((result) => result.errors));
    const readTimeouts = sum(readResults.map((result) => result.timeouts));
    const read2xx = sum(readResults.map((result) => result["2xx"]));
    const write5xx = Object.entries(writeStatusCounts).filter(([status]) => /^5\d\d$/.test(status)).reduce((total, [, count]) => total + count, 0);
    const busyBodies = sum(allReads.map((reads) => reads.busyBodies)) + writes.busyBodies;
    const sentTotal = writes.sent.annotations + writes.sent.statusChanges;
    const acknowledgedTotal = writes.acknowledged.annotations + writes.acknowledged.statusChanges;
    const foundTotal = verification.foundInDatabase.annotations + verification.foundInDatabase.statusChanges;

    summary = {
      run: runId,
      command: `npm run load -- --duration ${options.duration} --connections ${options.connections.join(",")} --writers ${options.writers} --web-concurrency ${options.webConcurrency} --claims ${options.claims}${options.servers > 1 ? ` --servers ${options.servers}` : ""}${options.postgresArgument ? ` --postgres ${withoutPassword(options.postgresArgument)}` : ""}`,
      database: options.postgresUrl ? `PostgreSQL ${withoutPassword(options.postgresUrl)}` : `SQLite ${path.relative(ROOT, DATABASE_FILE)}`,
      claimsInDatabase: consistency.counts.Claim,
      machine: {
        cpus: os.cpus().length,
        // Other processes compete for the same cores; a high load average means slower numbers.
        loadAverage1mBefore: Math.round(loadAverageBefore * 10) / 10,
        loadAverage1mAfter: Math.round(os.loadavg()[0]! * 10) / 10,
        servers: options.servers,
        serverProcesses: options.webConcurrency * options.servers,
        // SQLite: Prisma's connection plus the read-only one (lib/db/sqlite.ts) per worker, and the primary's from preparing.
        // PostgreSQL: the servers' connections in pg_stat_activity (Prisma's pool and the read pool of each worker).
        serverDatabaseConnections: serverConnections,
        loadGeneratorCpuCores: Math.round(((runnerCpu.user + runnerCpu.system) / 1e6 / elapsed) * 100) / 100,
      },
      build,
      durationSeconds: Math.round(elapsed * 10) / 10,
      stages,
      writes: {
        sent: { total: sentTotal, ...writes.sent },
        acknowledged: { total: acknowledgedTotal, ...writes.acknowledged },
        foundInDatabase: { total: foundTotal, ...verification.foundInDatabase },
        retries409: writes.retries409,
        abandonedAfter50Conflicts: writes.abandonedAfter409,
        versionReads: writes.versionReads,
        shedVersionReadsRetried: writes.shedReadRetries,
        requestsPerSecond: Math.round(writes.latencies.length / elapsed),
        latencyMs: latencySummary(writes.latencies),
        failuresByStatus: writes.failures,
        failureSamples: writes.failureSamples,
        acknowledgedMissing: verification.acknowledgedMissing,
        foundButNotAcknowledged: verification.foundUnacknowledged,
        withoutAnswer: { sent: writes.unknownMarkers.size, foundInDatabase: verification.foundUnknown },
        refusedButFound: verification.foundRefused,
        foundNeverSent: verification.foundNeverSent,
        duplicates: verification.duplicates,
        auditLog: verification.auditLog,
        lostUpdates: verification.lostUpdates,
      },
      lockErrors: {
        kind: LOCK_ERRORS[options.postgresUrl ? "postgresql" : "sqlite"],
        responseBodies: busyBodies,
        serverLogLines: watch.busyLines.length,
        samples: [...allReads.flatMap((reads) => reads.busySamples), ...watch.busyLines.slice(0, 5)],
      },
      serverErrorLines: { count: watch.errorLines.length, samples: watch.errorLines.slice(0, 10) },
      concurrentImport: importOutcome,
      consistency: { ok: consistency.ok, problems: consistency.problems },
    };

    failures = [];
    if (read5xx + write5xx > 0) failures.push(`${read5xx + write5xx} responses were 5xx other than shed reads (reads ${read5xx}, writes ${write5xx})`);
    const without = sum(allReads.map((reads) => reads.unavailableWithoutRetryAfter));
    if (without > 0) failures.push(`${without} reads were answered 503 without Retry-After`);
    if (readErrors > 0 || readTimeouts > 0) failures.push(`readers saw ${readErrors} errors (${readTimeouts} timeouts)`);
    const noResponse = Object.entries(writes.failures).filter(([key]) => key.endsWith("no response")).reduce((total, [, count]) => total + count, 0);
    if (noResponse > 0) failures.push(`${noResponse} write-path requests got no response`);
    if (busyBodies + watch.busyLines.length > 0) {
      failures.push(`${LOCK_ERRORS[options.postgresUrl ? "postgresql" : "sqlite"]}: ${busyBodies} responses, ${watch.busyLines.length} server log lines`);
    }
    if (verification.acknowledgedMissing > 0) failures.push(`${verification.acknowledgedMissing} acknowledged writes are missing from the database`);
    if (verification.foundRefused > 0) failures.push(`${verification.foundRefused} writes the server refused are in the database anyway`);
    if (verification.foundUnacknowledged - verification.foundUnknown > 0) {
      failures.push(`${verification.foundUnacknowledged - verification.foundUnknown} writes are in the database but were never acknowledged`);
    }
    if (verification.foundNeverSent > 0) failures.push(`${verification.foundNeverSent} rows by the load user were never sent in this run`);
    if (verification.duplicates > 0) failures.push(`${verification.duplicates} writes are in the database more than once`);
    if (verification.auditLog.annotationCreates !== writes.acknowledged.annotations || verification.auditLog.statusChanges !== writes.acknowledged.statusChanges) {
      failures.push(`the audit log disagrees with the acknowledged writes (${JSON.stringify(verification.auditLog)})`);
    }
    if (verification.lostUpdates.length > 0) failures.push(`lost updates: ${verification.lostUpdates.join("; ")}`);
    if (!consistency.ok) failures.push(`the database is not consistent: ${consistency.problems.join("; ")}`);
    if (read2xx === 0) failures.push("no read succeeded");
    if (importOutcome && importOutcome.exitCode !== 0) failures.push(`the concurrent import failed (exit ${importOutcome.exitCode}): ${importOutcome.output.slice(-300)}`);
    if (options.writers > 0 && acknowledgedTotal === 0) failures.push("no write succeeded");
    if (writes.abandonedAfter409 > 0) failures.push(`${writes.abandonedAfter409} status changes lost ${MAX_ATTEMPTS} races in a row`);
    const otherWriteFailures = Object.values(writes.failures).reduce((total, count) => total + count, 0);
    if (otherWriteFailures > 0 && failures.length === 0) failures.push(`${otherWriteFailures} writes failed: ${JSON.stringify(writes.failures)}`);
    summary.checks = failures.length === 0 ? "all passed" : failures;
  } finally {
    await stopServers();
    clearTimeout(watchdog);
  }

  writeFileSync(SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
  printSummary(summary);
  console.log(`\nload: summary written to ${path.relative(ROOT, SUMMARY_FILE)}`);
  if (failures.length > 0) {
    console.error(`\nload: FAILED\n  - ${failures.join("\n  - ")}`);
    process.exitCode = 1;
  } else {
    console.log("\nload: all checks passed");
  }
}

type LatencySummary = ReturnType<typeof latencySummary>;

/** One stage of the run: a number of reader connections for --duration seconds. */
type StageSummary = {
  connections: number;
  durationSeconds: number;
  loadAverage1m: number;
  reads: {
    requests: number;
    throughputPerSecond: number;
    okPerSecond: number;
    latencyMs: LatencySummary;
    /** The 2xx answers alone. */
    okLatencyMs: LatencySummary;
    byKind: Record<string, { requests: number; non2xx: number; latencyMs: LatencySummary }>;
    non2xxByStatus: Record<string, number>;
    shed503WithRetryAfter: number;
    "5xx": number;
    errors: number;
    errorCodes: Record<string, number>;
    timeouts: number;
  };
  healthProbe: LatencySummary & { slowest: { atSecond: number; ms: number }[] };
  writes: { requests: number; requestsPerSecond: number; latencyMs: LatencySummary };
  serverCpuCores: number | null;
  serverCpuMsPerRequest: number | null;
  postgresCpuCores?: number;
  postgresCpuMsPerRequest?: number;
};

function printSummary(summary: Record<string, unknown>) {
  const s = summary as {
    durationSeconds: number;
    claimsInDatabase: number;
    stages: StageSummary[];
    database: string;
    machine: { cpus: number; loadAverage1mBefore: number; loadAverage1mAfter: number; servers: number; serverProcesses: number; serverDatabaseConnections: number | null; loadGeneratorCpuCores: number };
    writes: {
      sent: { total: number; annotations: number; statusChanges: number };
      acknowledged: { total: number; annotations: number; statusChanges: number };
      foundInDatabase: { total: number; annotations: number; statusChanges: number };
      retries409: number;
      requestsPerSecond: number;
      latencyMs: LatencySummary;
      failuresByStatus: Record<string, number>;
      acknowledgedMissing: number;
      foundButNotAcknowledged: number;
      duplicates: number;
      lostUpdates: string[];
    };
    lockErrors: { kind: string; responseBodies: number; serverLogLines: number };
    serverErrorLines: { count: number };
    consistency: { ok: boolean; problems: string[] };
  };
  const lat = (l: LatencySummary) => `p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`;
  console.log(
    `\n=== Load test summary (${s.database}, ${s.claimsInDatabase} claims; ${s.machine.servers > 1 ? `${s.machine.servers} servers, ` : ""}${s.machine.serverProcesses} server process${s.machine.serverProcesses === 1 ? "" : "es"}; ${s.machine.cpus} CPUs, load average ${s.machine.loadAverage1mBefore} → ${s.machine.loadAverage1mAfter}) ===`,
  );
  const row = (cells: (string | number | null)[]) => cells.map((cell, i) => String(cell ?? "?").padStart(i === 0 ? 5 : 9)).join(" ");
  console.log(row(["conns", "reads/s", "2xx/s", "shed 503", "5xx", "p50 ms", "p95 ms", "p99 ms", "2xx p95", "cores", "CPU ms/req", "health50", "health95", "writes/s", "load avg"]));
  for (const stage of s.stages) {
    const r = stage.reads;
    console.log(
      row([stage.connections, r.throughputPerSecond, r.okPerSecond, r.shed503WithRetryAfter, r["5xx"], r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.okLatencyMs.p95, stage.serverCpuCores, stage.serverCpuMsPerRequest, stage.healthProbe.p50, stage.healthProbe.p95, stage.writes.requestsPerSecond, stage.loadAverage1m]),
    );
  }
  for (const stage of s.stages) {
    console.log(`\n${stage.connections} connections (${stage.durationSeconds} s): reads ${lat(stage.reads.latencyMs)}; 2xx reads ${lat(stage.reads.okLatencyMs)}`);
    for (const [kind, k] of Object.entries(stage.reads.byKind)) console.log(`  ${kind.padEnd(7)} ${String(k.requests).padStart(7)} requests, non-2xx ${k.non2xx}; ${lat(k.latencyMs)}`);
    console.log(`  non-2xx by status: ${JSON.stringify(stage.reads.non2xxByStatus)}; errors: ${stage.reads.errors} ${JSON.stringify(stage.reads.errorCodes)} (timeouts ${stage.reads.timeouts})`);
    console.log(`  health probe (GET /api/health, one at a time): ${lat(stage.healthProbe)}`);
    console.log(`  write-path requests ${stage.writes.requestsPerSecond} req/s; ${lat(stage.writes.latencyMs)}`);
    if (stage.postgresCpuCores !== undefined) console.log(`  PostgreSQL backends (not in "cores" above): ${stage.postgresCpuCores} cores, ${stage.postgresCpuMsPerRequest} CPU ms per request`);
  }
  console.log(`\nWrites: sent ${s.writes.sent.total} (annotations ${s.writes.sent.annotations}, status changes ${s.writes.sent.statusChanges})`);
  console.log(`  acknowledged ${s.writes.acknowledged.total} (annotations ${s.writes.acknowledged.annotations}, status changes ${s.writes.acknowledged.statusChanges})`);
  console.log(`  found in database ${s.writes.foundInDatabase.total} (annotations ${s.writes.foundInDatabase.annotations}, status changes ${s.writes.foundInDatabase.statusChanges})`);
  console.log(`  409 retries ${s.writes.retries409}; failures by status ${JSON.stringify(s.writes.failuresByStatus)}`);
  console.log(`  acknowledged but missing ${s.writes.acknowledgedMissing}; found but not acknowledged ${s.writes.foundButNotAcknowledged}; duplicates ${s.writes.duplicates}; lost updates ${s.writes.lostUpdates.length}`);
  console.log(`${s.lockErrors.kind}: ${s.lockErrors.responseBodies} responses, ${s.lockErrors.serverLogLines} server log lines; other server error lines: ${s.serverErrorLines.count}`);
  const imported = (summary as { concurrentImport?: ImportOutcome | null }).concurrentImport;
  if (imported) console.log(`Concurrent import: ${imported.rows} rows from ${imported.startedAfterSeconds} s, took ${imported.seconds} s, exit ${imported.exitCode}: ${imported.output.split("\n").at(-1)}`);
  console.log(`Consistency: ${s.consistency.ok ? "ok" : s.consistency.problems.join("; ")}`);
  console.log(`Load generator ${s.machine.loadGeneratorCpuCores} cores; server database connections ${s.machine.serverDatabaseConnections ?? "?"}`);
}

main().catch((error: unknown) => {
  // fetch's own message is just "fetch failed": the reason is in its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  console.error(`load: ${error instanceof Error ? error.message : String(error)}${cause}`);
  killAllChildren();
  process.exitCode = 1;
});
