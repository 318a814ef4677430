/**
 * CPU per request of each kind of read in the load test's mix, where `npm run load` gives it
 * only for the mix as a whole:
 *
 *   npm run load:cost -- [--duration 15] [--connections 4] [--dist-dir .next-load] [--rounds 2]
 *
 * One production server of one process (scripts/serve.ts, WEB_CONCURRENCY=1) with shedding
 * off, on the database the last `npm run load` prepared (.tmp/load/claimtrail.db; run it
 * once first). For each kind (the JSON API's single claims, searches and lists, the claim
 * list page, and the whole mix: load/read-mix.ts) it sends --connections readers for
 * --duration seconds and divides the server's CPU (its process tree, from /proc) by the
 * requests answered. No writers: their share is the load test's. The floor, measured the
 * same way in the same run, is readiness (`/api/health/ready`), which the process's front
 * door answers before Next (lib/server/front-door.ts): what one HTTP exchange costs the
 * process at that moment. These machines are shared and their speed moves between runs;
 * compare runs by each kind's cost over the floor's as well as by the cost itself.
 * --rounds repeats the whole set, so that a drift of the machine shows.
 *
 * --dist-dir serves another build of the app: build the code before a change into a folder
 * of its own to set the two side by side on one machine and database.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { parseCommandLine, wholeNumberOption } from "../scripts/shared/command-line";
import { ensureBuild, freePort, startServer, stopServer } from "../tools/harness/server";
import { treeCpuSeconds } from "../tools/harness/process-tree";
import { killChildrenOnExit } from "../tools/harness/children";
import { readPathChooser, readVocabulary, type ReadKind } from "./read-mix";
import { LOAD_BUILD_LOG, LOAD_DATABASE_FILE as DATABASE_FILE, LOAD_DIR, LOAD_DIST_DIR, LOAD_PORT_RANGE } from "./load-files";


const USAGE = `Usage: npm run load:cost -- [--duration S] [--connections N] [--dist-dir DIR] [--rounds N]

  CPU ms per request of each kind of read in the load test's mix, one server process, no
  writers, on the database of the last \`npm run load\` (.tmp/load/claimtrail.db).
  --duration S     seconds per kind (default 15)
  --connections N  readers at once (default 4)
  --dist-dir DIR   the build to serve (default .next-load, built when stale)
  --rounds N       measure every kind N times over (default 2)`;

type Kind = ReadKind | "mix" | "floor";
const KINDS: readonly Kind[] = ["floor", "detail", "search", "list", "html", "mix"];

/** A request path of the kind asked for, drawn from the load test's own mix. */
function pathChooser(kind: Kind, choose: ReturnType<typeof readPathChooser>): () => string {
  if (kind === "floor") return () => "/api/health/ready";
  if (kind === "mix") return () => choose().path;
  return () => {
    for (;;) {
      const next = choose();
      if (next.kind === kind) return next.path;
    }
  };
}

async function measure(url: string, pid: number, connections: number, duration: number, nextPath: () => string) {
  const before = treeCpuSeconds(pid) ?? 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, method: "GET", path: nextPath() }) }],
  });
  const cpuSeconds = (treeCpuSeconds(pid) ?? 0) - before;
  const answered = result.requests.total;
  return { answered, non2xx: result.non2xx, perSecond: answered / duration, cpuMsPerRequest: answered > 0 ? (cpuSeconds * 1000) / answered : null, p50: result.latency.p50 };
}

async function main() {
  const commandLine = parseCommandLine(process.argv.slice(2), USAGE, {
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "4" },
    "dist-dir": { type: "string", default: LOAD_DIST_DIR },
    rounds: { type: "string", default: "2" },
  });
  if ("exitCode" in commandLine) process.exit(commandLine.exitCode);
  const { values } = commandLine;
  const duration = wholeNumberOption("duration", values.duration, USAGE, 1);
  const connections = wholeNumberOption("connections", values.connections, USAGE, 1);
  const rounds = wholeNumberOption("rounds", values.rounds, USAGE, 1);
  const distDir = values["dist-dir"];
  if (!existsSync(DATABASE_FILE)) {
    console.error(`No ${path.relative(process.cwd(), DATABASE_FILE)}: run \`npm run load\` once first, which prepares it.`);
    process.exit(1);
  }
  killChildrenOnExit("load:cost");
  const built = distDir === LOAD_DIST_DIR ? ensureBuild({ logFile: LOAD_BUILD_LOG, skip: false, distDir }) : `served ${distDir} as it is`;
  const vocabulary = await readVocabulary(DATABASE_FILE);
  const port = await freePort(LOAD_PORT_RANGE);
  const server = await startServer({
    databaseFile: DATABASE_FILE,
    port,
    logFile: path.join(LOAD_DIR, "cost-server.log"),
    distDir,
    // One process, every request served: the cost of answering, not of refusing.
    env: { WEB_CONCURRENCY: "1", SHED_MAX_IN_FLIGHT: "100000", SHED_QUEUE_MS: "600000", SHED_EVENT_LOOP_DELAY_MS: "60000" },
  });
  try {
    console.log(`load:cost — ${vocabulary.claimIds.length} claims, build ${distDir} (${built}), ${connections} connections, ${duration} s per kind, ${rounds} round(s)\n`);
    console.log(`${"round".padEnd(6)}${"kind".padEnd(8)}${"answered".padStart(9)}${"non-2xx".padStart(9)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"CPU ms/req".padStart(12)}`);
    for (let round = 1; round <= rounds; round++) {
      for (const kind of KINDS) {
        const choose = readPathChooser(vocabulary);
        // A warm-up of a few seconds first: the first requests of a kind compile its code.
        await measure(server.url, server.pid, connections, Math.min(3, duration), pathChooser(kind, choose));
        const m = await measure(server.url, server.pid, connections, duration, pathChooser(kind, choose));
        const cost = m.cpuMsPerRequest === null ? "–" : m.cpuMsPerRequest.toFixed(m.cpuMsPerRequest < 1 ? 3 : 2);
        console.log(`${String(round).padEnd(6)}${kind.padEnd(8)}${String(m.answered).padStart(9)}${String(m.non2xx).padStart(9)}${m.perSecond.toFixed(0).padStart(8)}${String(m.p50).padStart(8)}${cost.padStart(12)}`);
      }
    }
  } finally {
    await stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
