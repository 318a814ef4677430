import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { buildFingerprint, buildIsStale, fingerprintFile } from "../../scripts/start/build-fingerprint";
import { killGroup, spawnGroup, tsxCommand } from "./children";
import { treeRssKb } from "./process-tree";
import { timedGet } from "./http";

const require = createRequire(import.meta.url);
const nextCli = require.resolve("next/dist/bin/next");

export const ROOT = process.cwd();
/** The benchmark's own build folder, so it never disturbs anyone's .next. */
export const DIST_DIR = ".next-bench";
export const PORT_RANGE = [3400, 3499] as const;

/**
 * The tools' harness (bench/, load/, the browser tests' second servers): build-if-stale,
 * a free port, the production server in its own process group and its stop.
 *
 * Build the production app into `distDir` (.next-bench by default) when there is no build
 * or the sources changed since (the same fingerprint `npm start` uses). Returns what
 * happened.
 */
export function ensureBuild(options: { logFile: string; skip: boolean; distDir?: string }): string {
  const distDir = options.distDir ?? DIST_DIR;
  process.env.NEXT_DIST_DIR = distDir;
  const hasBuild = existsSync(path.join(ROOT, distDir, "BUILD_ID"));
  if (options.skip && hasBuild) return `reused ${distDir} (--skip-build)`;
  if (!buildIsStale(ROOT)) return `reused ${distDir} (sources unchanged)`;
  const fingerprint = buildFingerprint(ROOT);
  const log = openSync(options.logFile, "w");
  const nextEnvBefore = readIfExists(path.join(ROOT, "next-env.d.ts"));
  const started = Date.now();
  const build = spawnSync(process.execPath, [nextCli, "build"], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  undoBuildEdits(distDir, nextEnvBefore);
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status}); see ${options.logFile}`);
  writeFileSync(fingerprintFile(ROOT), fingerprint);
  return `built ${distDir} in ${((Date.now() - started) / 1000).toFixed(0)} s`;
}

function readIfExists(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/**
 * `next build` with a custom distDir adds `<distDir>/types/**` to tsconfig.json's include
 * and points next-env.d.ts at `<distDir>/types`. Those files are shared with everyone
 * working in the checkout: take back exactly those edits (only the lines naming the bench's
 * build folder, so that anyone else's concurrent change to tsconfig.json stays).
 */
function undoBuildEdits(distDir: string, nextEnvBefore: string | null): void {
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const text = readFileSync(tsconfig, "utf8");
  const lines = text.split("\n");
  const kept = lines.filter((line) => !line.includes(`"${distDir}/`));
  if (kept.length !== lines.length) {
    // The line before a removed last entry may now end with a dangling comma.
    const fixed = kept.join("\n").replace(/,(\s*\n\s*\])/g, "$1");
    writeFileSync(tsconfig, fixed);
  }
  const nextEnv = path.join(ROOT, "next-env.d.ts");
  if (nextEnvBefore !== null && readIfExists(nextEnv)?.includes(`./${distDir}/`)) writeFileSync(nextEnv, nextEnvBefore);
}

/** The first free port of `range` (both ends included; one port to check just that one). */
export async function freePort(range: readonly [number, number] = PORT_RANGE): Promise<number> {
  for (let port = range[0]; port <= range[1]; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(range[0] === range[1] ? `port ${range[0]} is in use` : `No free port in ${range[0]}–${range[1]}`);
}

/**
 * The ports to try from `first` (a tool's --port): up to the end of PORT_RANGE, or the
 * hundred from `first` when it lies beyond that range (a session given other ports).
 */
export function portsFrom(first: number): [number, number] {
  return [first, first > PORT_RANGE[1] ? first + 99 : PORT_RANGE[1]];
}

export type Server = { url: string; pid: number; child: ChildProcess };

/**
 * The production server (scripts/serve.ts, what `npm start` runs after preparing) on the
 * given database (a SQLite file, or any DATABASE_URL such as a PostgreSQL one), in its own process group; resolves once /api/health answers. `distDir` defaults to the benchmark's build; `env` adds to (or, with undefined,
 * removes from) the server's environment, e.g. READ_ACCESS for a browser test's second server.
 * `onLine` sees each line the server prints (the load test watches them for lock errors).
 */
export async function startServer(options: ({ databaseFile: string } | { databaseUrl: string }) & {
  port: number;
  logFile: string;
  distDir?: string;
  env?: Record<string, string | undefined>;
  onLine?: (line: string) => void;
}): Promise<Server> {
  const log = openSync(options.logFile, "a");
  // What `npm start` serves (scripts/serve.ts), minus the preparation: the caller prepared the database and the build.
  const [command, args] = tsxCommand("scripts/serve.ts", ["--hostname", "127.0.0.1"]);
  const child = spawnGroup(command, args, {
    stdio: options.onLine ? ["ignore", "pipe", "pipe"] : ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      DATABASE_URL: "databaseUrl" in options ? options.databaseUrl : `file:${options.databaseFile}`,
      NEXT_DIST_DIR: options.distDir ?? DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      // A fixed secret: otherwise the server writes one next to the database.
      BETTER_AUTH_SECRET: "benchmark-only-secret-not-for-production-use-0000",
      BETTER_AUTH_URL: `http://127.0.0.1:${options.port}`,
      // One process unless the caller asks for more: benchmarks compare like with like.
      WEB_CONCURRENCY: "1",
      ...options.env,
    },
  });
  if (options.onLine) {
    const onLine = options.onLine;
    for (const stream of [child.stdout, child.stderr]) {
      let pending = "";
      stream?.on("data", (chunk: Buffer) => {
        writeSync(log, chunk);
        pending += chunk.toString("utf8");
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) onLine(line);
      });
    }
  }
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${options.logFile}`);
    try {
      const response = await timedGet(`${url}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stopServer({ url, pid: child.pid!, child });
      throw new Error(`the server did not answer within 120 s; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid!, child };
}

export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  killGroup(server.child, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    killGroup(server.child, "SIGKILL");
    await exited;
  }
}

export { treeRssKb };

/** Sample treeRssKb every `intervalMs` until stopped; returns the samples. */
export function sampleRss(pid: number, intervalMs = 50): { stop: () => number[] } {
  const samples: number[] = [treeRssKb(pid)];
  const timer = setInterval(() => samples.push(treeRssKb(pid)), intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(treeRssKb(pid));
      return samples;
    },
  };
}
