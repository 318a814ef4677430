/**
 * `npm run bench -- [--sizes 10000,100000] [--seed 1] [--requests 200] [--warmup 20]
 *                   [--export-runs 3] [--import-runs 3] [--quote-runs 300] [--skip-build]
 *                   [--regenerate] [--only api,page,export,import,quotes,similar]
 *                   [--postgres URL] [--postgres-prefix bench]`
 *
 * Proof at scale (docs/performance.md). For each size:
 * 1. A synthetic database in .tmp/bench/<size>.db (tools/synthetic), regenerated when the
 *    generator, seed or size changed (or with --regenerate).
 * 2. The production build in .next-bench (built when missing or stale) served by
 *    `next start` on the first free port in 3400–3499.
 * 3. Each scenario (bench/lib/scenarios.ts): `--requests` sequential requests after
 *    `--warmup`, interleaved with its FLOOR (the same SQL statements, captured from the
 *    app's own functions, run directly through better-sqlite3 in this process) and the
 *    app's functions called in-process, so machine noise hits all three alike.
 * 4. The full /export/claims.csv against `sqlite3 -csv` running the equivalent query, with
 *    the server's RSS sampled every 50 ms; at 10k, `npm run import` of 10,000 exported
 *    attribution rows into a fresh database. Both skip with a message when absent.
 *
 * `similar` is GET /api/claims/similar (issue 15) next to the same floor: its SQL (the
 * full-text candidates, their texts and quotes, the alias table) run directly.
 *
 * 5. `quotes`, first and without a server or database: matching a 1,000-character quote in
 *    a 50,000-character article (bench/lib/quote-matching.ts), `--quote-runs` runs per way a
 *    quote is found, each next to its floors (indexOf, one plain approx-string-match call).
 *
 * 6. With `--postgres URL` (or BENCH_POSTGRES_URL): the same on PostgreSQL, side by side
 *    (issues 13, 14). For each size the SQLite database is copied (lib/db/copy.ts) into
 *    database `<prefix>_<size>` on that server (reused while its manifest matches), a
 *    second server runs on it, and every query of the set is measured on both, one right
 *    after the other; the PostgreSQL floor is the app's own statements for the query,
 *    captured in a child process (bench/lib/postgres/capture-child.ts) and run directly
 *    through `pg`; the export's floor is `psql --csv` running the equivalent query. The
 *    PostgreSQL answers are checked against SQLite's (same total, same page). The
 *    scenarios (api, page, similar) and the import stay SQLite-only.
 *
 * Results: a table on stdout, and .tmp/bench/results/<time>.{json,md} with every figure,
 * per-statement floor times and query plans.
 */
// First: sets DATABASE_URL before any module below reads lib/env.
import { BENCH_DIR, CURRENT_DATABASE } from "./lib/database-url";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCommandLine, wholeNumberOption } from "../scripts/shared/command-line";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { captureStatements, FloorQuery, openFloorConnection } from "./lib/floor";
import { closeConnections, timedGet } from "../tools/harness/http";
import { measureExport, SQLITE_CLI, sqliteCliFloor, type ExportResult } from "./lib/export";
import { measureImport, type ImportResult } from "./lib/import";
import { DEFAULT_QUOTE_BENCH_OPTIONS, measureQuoteMatching, quoteBenchMarkdown, quoteBenchTable, type QuoteBenchResult } from "./lib/quote-matching";
import { pickFilterValues, scenarios, type Scenario } from "./lib/scenarios";
import { ensureBuild, freePort, PORT_RANGE, portsFrom, ROOT, startServer, stopServer, type Server } from "../tools/harness/server";
import { DirectFloor } from "./lib/direct-floor";
import { generateQuerySet, type SetQuery } from "./lib/query-set";
import { measureSetQuery, setConsoleLine, setTableLines, badness, type SetResult } from "./lib/query-set-run";
import { ensureSyntheticDatabase } from "./lib/synthetic-database";
import { exportSideBySideLines, sideBySideLines, sideBySideSummary } from "./lib/side-by-side";
import { closePostgresSide, measurePostgresQuery, openPostgresSide, type PostgresSide } from "./lib/postgres/side";
import { psqlFloor } from "./lib/postgres/export-floor";
import { fmt, msSince, summarise, type Summary } from "../tools/harness/stats";


async function loadApp() {
  const [{ parseClaimQuery, describeProblems }, { searchClaims }, { loadVocabulary }, { closeReader, sharedReader }, { findSimilarClaims }] = await Promise.all([
    import("@/lib/claims/query/claim-query"),
    import("@/lib/claims/search/claim-page"),
    import("@/lib/vocabulary/queries"),
    import("@/lib/db/reader"),
    import("@/lib/claims/similar/find-similar"),
  ]);
  return { parseClaimQuery, describeProblems, searchClaims, loadVocabulary, closeReader, sharedReader, findSimilarClaims };
}
type App = Awaited<ReturnType<typeof loadApp>>;
const RESULTS_DIR = path.join(BENCH_DIR, "results");
const ALL_PARTS = ["set", "api", "page", "export", "import", "quotes", "similar"] as const;
/** The old six scenarios (api, page) are covered by the query set; they run when asked for. */
const DEFAULT_PARTS = ["set", "export", "import", "quotes", "similar"] as const;
type Part = (typeof ALL_PARTS)[number];

const USAGE = `Usage: npm run bench -- [--quick] [--sizes 10000,100000] [--seed N] [--requests N] [--set-requests N] [--facet-floor-runs N] [--match TEXT[|TEXT…]] [--random N] [--warmup N] [--export-runs N] [--import-runs N] [--quote-runs N] [--port N] [--skip-build] [--regenerate] [--only set,api,page,export,import,quotes,similar] [--postgres URL] [--postgres-prefix NAME]

--postgres URL        also measure the set and the export on PostgreSQL, side by side with SQLite
                      (default: BENCH_POSTGRES_URL when set). URL names any database of a server
                      whose role may create databases: the bench makes <prefix>_<size> there.
--postgres-prefix     the name the PostgreSQL databases start with (default: bench)`;

type Options = {
  sizes: number[];
  seed: number;
  requests: number;
  setRequests: number;
  facetFloorRuns: number;
  /** Only the queries of the set whose name contains this. */
  match: string;
  /** Random queries added to the set (bench/lib/query-set.ts, randomQueries). */
  random: number;
  warmup: number;
  port: number;
  exportRuns: number;
  importRuns: number;
  quoteRuns: number;
  skipBuild: boolean;
  regenerate: boolean;
  only: Set<Part>;
  /** A PostgreSQL server to measure on too, side by side (null: SQLite alone). */
  postgres: string | null;
  postgresPrefix: string;
};

function parseOptions(): Options {
  const commandLine = parseCommandLine(process.argv.slice(2), USAGE, {
    sizes: { type: "string", default: "10000,100000" },
    seed: { type: "string", default: "1" },
    quick: { type: "boolean", default: false },
    requests: { type: "string", default: "200" },
    "set-requests": { type: "string", default: "40" },
    // At a million claims the facet floor takes 1–30 s a run: one run says enough there.
    // Default 3, or 1 with --quick (see below).
    "facet-floor-runs": { type: "string" },
    match: { type: "string", default: "" },
    random: { type: "string", default: "20" },
    port: { type: "string", default: String(PORT_RANGE[0]) },
    warmup: { type: "string", default: "20" },
    "export-runs": { type: "string", default: "3" },
    "import-runs": { type: "string", default: "3" },
    "quote-runs": { type: "string", default: String(DEFAULT_QUOTE_BENCH_OPTIONS.runs) },
    "skip-build": { type: "boolean", default: false },
    regenerate: { type: "boolean", default: false },
    only: { type: "string" },
    postgres: { type: "string" },
    "postgres-prefix": { type: "string", default: "bench" },
  });
  if ("exitCode" in commandLine) process.exit(commandLine.exitCode);
  const { values } = commandLine;
  const int = (name: string, value: string, min: number) => wholeNumberOption(name, value, USAGE, min);
  // --quick: the query set alone at 100k, 5 requests each after 1 warm-up (under 3 minutes on a quiet machine; the p95 of 5 samples is their maximum),
  // and one measured run of the facet floor: its runs over the whole database took a third of
  // the quick set's time with three, and a floor is a reference, not a target.
  const quick = values.quick ?? false;
  const only = new Set((values.only ?? (quick ? "set" : DEFAULT_PARTS.join(","))).split(",").map((part) => part.trim()) as Part[]);
  for (const part of only) {
    if (!ALL_PARTS.includes(part)) {
      console.error(`--only takes ${ALL_PARTS.join(", ")}\n${USAGE}`);
      process.exit(2);
    }
  }
  return {
    sizes: (quick && values.sizes === "10000,100000" ? "100000" : values.sizes).split(",").map((size) => int("sizes", size.trim(), 1)),
    seed: int("seed", values.seed, 0),
    requests: int("requests", values.requests, 1),
    match: values.match ?? "",
    random: int("random", values.random, 0),
    setRequests: quick ? 5 : int("set-requests", values["set-requests"], 1),
    facetFloorRuns: int("facet-floor-runs", values["facet-floor-runs"] ?? (quick ? "1" : "3"), 1),
    warmup: quick ? 1 : int("warmup", values.warmup, 0),
    port: int("port", values.port, 1),
    exportRuns: int("export-runs", values["export-runs"], 1),
    importRuns: int("import-runs", values["import-runs"], 1),
    quoteRuns: int("quote-runs", values["quote-runs"], 1),
    skipBuild: values["skip-build"] ?? false,
    regenerate: values.regenerate ?? false,
    only,
    postgres: values.postgres ?? process.env.BENCH_POSTGRES_URL ?? null,
    postgresPrefix: values["postgres-prefix"],
  };
}

// ---------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Claim list scenarios
// ---------------------------------------------------------------------------

type QueryResult = {
  scenario: Scenario;
  statements: number;
  floor: Summary;
  inProcess: Summary | null;
  http: Summary;
  bytes: number;
  total: number;
  loadAverage: [number, number];
  profile: ReturnType<FloorQuery["profile"]>;
};

/** What GET /api/claims and the /claims page do before rendering, through the app's own functions. */
async function runAppQuery(app: App, search: string, scenario?: Scenario): Promise<{ total: number; items: { id: number }[] }> {
  if (scenario?.kind === "similar") {
    const params = new URLSearchParams(search);
    const items = await app.findSimilarClaims(app.sharedReader, params.get("text") ?? "", { limit: Number(params.get("limit") ?? 5) });
    return { total: items.length, items };
  }
  const vocabulary = await app.loadVocabulary();
  const parsed = app.parseClaimQuery(new URLSearchParams(search), vocabulary);
  if (!parsed.ok) throw new Error(app.describeProblems(parsed.problems));
  return app.searchClaims(parsed.query, vocabulary, { facets: true });
}

async function measureScenario(app: App, scenario: Scenario, server: Server, floorDb: Database.Database, options: Options): Promise<QueryResult> {
  const search = scenario.path.includes("?") ? scenario.path.slice(scenario.path.indexOf("?") + 1) : "";
  await runAppQuery(app, search, scenario); // prepared-statement caches, if the app has them, are warm before capturing
  let expected = null as Awaited<ReturnType<typeof runAppQuery>> | null;
  const captured = await captureStatements(async () => {
    expected = await runAppQuery(app, search, scenario);
  });
  if (!expected) throw new Error("the app query returned nothing");
  const mine = expected;
  const floor = new FloorQuery(floorDb, captured);
  const url = `${server.url}${scenario.path}`;
  const inProcess = scenario.kind !== "page";

  // The server answers, with the same result as the app's functions in this process.
  const check = await timedGet(url);
  if (check.status !== 200) throw new Error(`${scenario.path} answered ${check.status}: ${check.body.toString("utf8").slice(0, 300)}`);
  if (scenario.kind !== "page") {
    const body = JSON.parse(check.body.toString("utf8")) as { total?: number; items: { id: number }[] };
    if ((body.total ?? body.items.length) !== mine.total || body.items.map((i) => i.id).join() !== mine.items.map((i) => i.id).join()) {
      throw new Error(`${scenario.path}: the server's answer differs from the app functions' (total ${body.total} vs ${mine.total})`);
    }
  } else if (!check.contentType.startsWith("text/html")) {
    throw new Error(`${scenario.path} answered ${check.contentType}, not HTML`);
  }

  const floorTimes: number[] = [];
  const appTimes: number[] = [];
  const httpTimes: number[] = [];
  const load1 = os.loadavg()[0]!;
  for (let i = 0; i < options.warmup + options.requests; i++) {
    const measuring = i >= options.warmup;
    let start = process.hrtime.bigint();
    floor.run();
    if (measuring) floorTimes.push(msSince(start));
    if (inProcess) {
      start = process.hrtime.bigint();
      JSON.stringify(await runAppQuery(app, search, scenario));
      if (measuring) appTimes.push(msSince(start));
    }
    const response = await timedGet(url);
    if (response.status !== 200) throw new Error(`${scenario.path} answered ${response.status}`);
    if (measuring) httpTimes.push(response.ms);
  }
  return {
    scenario,
    statements: floor.count,
    floor: summarise(floorTimes),
    inProcess: inProcess ? summarise(appTimes) : null,
    http: summarise(httpTimes),
    bytes: check.bytes,
    total: mine.total,
    loadAverage: [load1, os.loadavg()[0]!],
    profile: floor.profile(),
  };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

type SizeResult = {
  size: number;
  database: string;
  set: SetResult[];
  queries: QueryResult[];
  export: ExportResult | null;
  import: ImportResult | null;
  /** The same on PostgreSQL, when asked for (--postgres). */
  postgres: { database: string; set: SetResult[]; export: ExportResult | null } | null;
};

const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

function queryRows(result: SizeResult): string[] {
  return result.queries.map((q) => {
    const ratio = q.http.median / q.floor.median;
    const target = q.scenario.target;
    const applies = target && result.size >= 100_000;
    const checks = target
      ? [`p95 ≤ ${target.p95Ms} ms: ${applies ? verdict(q.http.p95 <= target.p95Ms) : q.http.p95 <= target.p95Ms ? "(met)" : "(over)"}`]
      : ["–"];
    if (target?.floorRatio) checks.push(`≤ ${target.floorRatio}× floor: ${applies ? verdict(ratio <= target.floorRatio) : ratio <= target.floorRatio ? "(met)" : "(over)"}`);
    const app = q.inProcess ? `${fmt(q.inProcess.median)} / ${fmt(q.inProcess.p95)}` : "–";
    return `| ${result.size.toLocaleString("en")} | ${q.scenario.name} | ${q.total} | ${fmt(q.floor.median)} / ${fmt(q.floor.p95)} | ${app} | ${fmt(q.http.median)} / ${fmt(q.http.p95)} | ${ratio.toFixed(1)}× / ${(q.http.p95 / q.floor.p95).toFixed(1)}× | ${checks.join("; ")} |`;
  });
}

function exportRows(result: SizeResult): string[] {
  const e = result.export;
  if (!e) return [];
  if ("skipped" in e) return [`| ${result.size.toLocaleString("en")} | export claims.csv | skipped: ${e.skipped} |||||`];
  const applies = result.size >= 100_000;
  const mark = (ok: boolean) => (applies ? verdict(ok) : ok ? "(met)" : "(over)");
  return [
    `| ${result.size.toLocaleString("en")} | export claims.csv | ${e.rows} rows, ${(e.runs[0]!.bytes / 1e6).toFixed(1)} MB | ${fmt(e.cli.time.median, 0)} ms (${e.cli.label}) | ${fmt(e.time.median, 0)} ms (${Math.round(e.rowsPerSecond).toLocaleString("en")} rows/s) | ${e.ratio.toFixed(1)}× | ≥ 50,000 rows/s: ${mark(e.rowsPerSecond >= 50_000)}; ≤ 1.5× CLI: ${mark(e.ratio <= 1.5)}; RssAnon of the server's process tree +${e.rssGrowthMb.toFixed(0)} MB ≤ 100 MB: ${mark(e.rssGrowthMb <= 100)} |`,
  ];
}

function importRows(result: SizeResult): string[] {
  const i = result.import;
  if (!i) return [];
  if ("skipped" in i) return [`| ${result.size.toLocaleString("en")} | import 10,000 rows | skipped: ${i.skipped} |||||`];
  if (i.exitCode !== 0) return [`| ${result.size.toLocaleString("en")} | import ${i.rows} rows | FAILED (exit ${i.exitCode}): ${i.output.split("\n")[0]} |||||`];
  return [
    `| ${result.size.toLocaleString("en")} | import ${i.rows.toLocaleString("en")} rows | into an empty database | start-up alone ${fmt(i.startup.median, 0)} ms | ${fmt(i.time.median, 0)} ms (median of ${i.time.n}; max ${fmt(i.time.max, 0)}) | – | ≤ 10 s: ${verdict(i.time.max <= 10_000)} |`,
  ];
}

function markdown(results: SizeResult[], quotes: QuoteBenchResult | null, machine: Record<string, string>, options: Options): string {
  const lines = [
    `# Benchmark ${new Date().toISOString()}`,
    "",
    ...Object.entries(machine).map(([key, value]) => `- ${key}: ${value}`),
    `- command: npm run bench -- --sizes ${options.sizes.join(",")} --seed ${options.seed} --requests ${options.requests} --set-requests ${options.setRequests} --facet-floor-runs ${options.facetFloorRuns} --warmup ${options.warmup} --quote-runs ${options.quoteRuns} --only ${[...options.only].join(",")}${options.postgres ? ` --postgres <url> --postgres-prefix ${options.postgresPrefix}` : ""}`,
    "",
    ...(results.length === 0
      ? []
      : [
          "Latency in ms as median / p95 over the measured requests. Floor: the same SQL statements, captured from the app's functions, run directly through better-sqlite3 in the bench process (read-only connection, mmap_size 2 GiB, cache_size 64 MiB: the app reader's settings, each statement prepared once). In-process: the app's functions (loadVocabulary, parseClaimQuery, searchClaims with facets) plus JSON.stringify, no HTTP. Ratio: HTTP ÷ floor (median / p95). Targets apply at 100k, and the rows' (100 ms for every query) at a million; elsewhere an overrun is shown in brackets.",
          "",
          "| claims | scenario | matches | floor | in-process | HTTP | HTTP ÷ floor | targets |",
          "|---|---|---|---|---|---|---|---|",
          ...results.flatMap(queryRows),
          "",
          "| claims | measure | size | floor | measured | ratio | targets |",
          "|---|---|---|---|---|---|---|",
          ...results.flatMap((r) => [...exportRows(r), ...importRows(r)]),
          "",
        ]),
    ...results.flatMap((r) =>
      r.set.length === 0
        ? []
        : [
            `## Query set at ${r.size.toLocaleString("en")} claims, worst first`,
            "",
            "Milliseconds, p50 / p95 over the measured requests. rows: GET /api/claims?…&facets=false; after a write: the same, each right after a write to the database (a ranked search keeps its first ids and total until the next write, decision 072); facets: GET /api/claims/facets?…; /claims rows: until the HTML holding the rows (`id=\"results\"`) arrived, in brackets the whole streamed page. ÷ floor: p95 over the p95 of the same question written directly in SQL (bench/lib/direct-floor.ts). Targets at 100k: rows ≤ 40 (search ≤ 30), facets ≤ 100, /claims rows ≤ 100.",
            "",
            ...setTableLines(r.size, r.set),
            "",
          ],
    ),
    ...results.flatMap((r) =>
      !r.postgres
        ? []
        : [
            `## SQLite and PostgreSQL side by side at ${r.size.toLocaleString("en")} claims, worst PostgreSQL ÷ SQLite first`,
            "",
            "Milliseconds, p50 / p95, in brackets p95 over the p95 of its database's floor (SQLite: the question written by hand, bench/lib/direct-floor.ts; PostgreSQL: the app's own statements for it, captured and run directly through `pg`, bench/lib/postgres/floor.ts). PG ÷ SQLite: PostgreSQL's p50 over SQLite's p50, and p95 over p95; the goal is at most 2× (bold when the p95 is over). Same answer: PostgreSQL's total and page equal SQLite's.",
            "",
            ...(r.set.length > 0 ? sideBySideLines(r.size, r.set, r.postgres.set) : []),
            "",
            "| claims | measure | SQLite | PostgreSQL | PG ÷ SQLite |",
            "|---|---|---|---|---|",
            ...exportSideBySideLines(r.size, r.export, r.postgres.export),
            "",
          ],
    ),
    ...(quotes ? [...quoteBenchMarkdown(quotes), ""] : []),
  ];
  for (const result of results) {
    for (const q of [...result.set].sort((a, b) => badness(b, result.size) - badness(a, result.size))) {
      lines.push(`## ${result.size.toLocaleString("en")} claims: ${q.query.name} — \`${q.query.search}\``, "", `Load average ${q.loadAverage.map((l) => l.toFixed(2)).join(" → ")}. Floor plans (rows: page, total; then facets):`, "");
      for (const plan of q.plans) lines.push(`- ${plan.join("; ")}`);
      lines.push("");
    }
    for (const q of result.postgres?.set ?? []) {
      lines.push(`## ${result.size.toLocaleString("en")} claims on PostgreSQL: ${q.query.name} — \`${q.query.search}\``, "", `Load average ${q.loadAverage.map((l) => l.toFixed(2)).join(" → ")}. The app's statements run per request (rows, then facets), each with its EXPLAIN ANALYZE:`, "");
      for (const [statement, ...plan] of q.plans) lines.push("```", statement!, ...plan, "```", "");
    }
    for (const q of result.queries) {
      lines.push(`## ${result.size.toLocaleString("en")} claims: ${q.scenario.name} — ${q.scenario.path}`, "", `${q.scenario.description}. ${q.statements} statements; load average ${q.loadAverage.map((l) => l.toFixed(2)).join(" → ")}.`, "");
      lines.push("| floor ms (median of 20) | rows | statement | plan |", "|---|---|---|---|");
      for (const s of q.profile) lines.push(`| ${fmt(s.ms, 2)} | ${s.rows} | \`${s.text.slice(0, 400).replace(/\|/g, "\\|")}\` | ${s.plan.join("<br>").replace(/\|/g, "\\|")} |`);
      lines.push("");
    }
  }
  return lines.join("\n");
}

/** A query of the set whose page is "last" or "middle", with that page number written in (found from the floor's total). */
function withPageResolved(query: SetQuery, sizeOf: (search: string) => { total: number; pageSize: number }): SetQuery {
  if (!query.page) return query;
  const { total, pageSize } = sizeOf(query.search);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const params = new URLSearchParams(query.search);
  params.set("page", String(query.page === "last" ? pages : Math.ceil(pages / 2)));
  return { ...query, search: params.toString() };
}

// ---------------------------------------------------------------------------

function exportConsoleLine(database: string, e: ExportResult): string {
  return "skipped" in e
    ? `export on ${database}: skipped (${e.skipped})`
    : `export claims.csv on ${database}: ${e.rows} rows in ${fmt(e.time.median, 0)} ms (${Math.round(e.rowsPerSecond)} rows/s), ${e.cli.label} ${fmt(e.cli.time.median, 0)} ms (${e.cli.rows} rows), ×${e.ratio.toFixed(2)}, RSS +${e.rssGrowthMb.toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const options = parseOptions();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const sqliteCli = spawnSync(SQLITE_CLI, ["-version"], { encoding: "utf8" }).stdout?.trim().split(" ")[0] ?? "missing";
  const machine: Record<string, string> = {
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    "SQLite (better-sqlite3)": (new Database(":memory:").prepare("SELECT sqlite_version() AS v").get() as { v: string }).v,
    "SQLite (CLI)": sqliteCli,
    "load average at start": os.loadavg().map((l) => l.toFixed(2)).join(" "),
  };
  console.log(Object.entries(machine).map(([k, v]) => `${k}: ${v}`).join("\n"));

  // Quote matching needs neither database nor server: measured first, on a quieter machine.
  let quotes: QuoteBenchResult | null = null;
  if (options.only.has("quotes")) {
    console.log("\n== quote matching ==");
    quotes = measureQuoteMatching({ ...DEFAULT_QUOTE_BENCH_OPTIONS, runs: options.quoteRuns, warmup: Math.min(DEFAULT_QUOTE_BENCH_OPTIONS.warmup, options.quoteRuns), seed: options.seed });
    for (const line of quoteBenchTable(quotes.rows)) console.log(line);
    if (quotes.wrongAnswers.length > 0) console.log(`${quotes.wrongAnswers.length} WRONG answers, e.g. ${quotes.wrongAnswers[0]}`);
  }

  const needsServer = ["set", "api", "page", "similar", "export", "import"].some((part) => options.only.has(part as Part));
  if (needsServer) console.log(ensureBuild({ logFile: path.join(BENCH_DIR, "build.log"), skip: options.skipBuild }));

  const app = await loadApp();
  const results: SizeResult[] = [];
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  for (const size of needsServer ? options.sizes : []) {
    console.log(`\n== ${size.toLocaleString("en")} claims ==`);
    const database = ensureSyntheticDatabase(size, options.seed, options.regenerate);
    console.log(database.note);
    const port = await freePort(portsFrom(options.port));
    const server = await startServer({ databaseFile: database.file, port, logFile: path.join(BENCH_DIR, `server-${size}.log`) });
    console.log(`next start on ${server.url} (pid ${server.pid})`);
    await app.closeReader();
    rmSync(CURRENT_DATABASE, { force: true });
    symlinkSync(path.basename(database.file), CURRENT_DATABASE);
    const floorDb = openFloorConnection(database.file);
    const result: SizeResult = { size, database: database.file, set: [], queries: [], export: null, import: null, postgres: null };
    const vocabulary = await app.loadVocabulary();
    const parse = (search: string) => {
      const parsed = app.parseClaimQuery(new URLSearchParams(search), vocabulary);
      if (!parsed.ok) throw new Error(`${search}: ${app.describeProblems(parsed.problems)}`);
      return parsed.query;
    };
    const queries = options.only.has("set")
      ? generateQuerySet(floorDb, options.seed, options.random)
          .filter((query) => options.match.split("|").some((part) => query.name.includes(part)))
          .map((query) => withPageResolved(query, (search) => ({ total: new DirectFloor(floorDb, parse(search)).runRows(), pageSize: parse(search).pageSize })))
      : [];
    let postgres: PostgresSide | null = null;
    try {
      if (options.postgres) {
        postgres = await openPostgresSide({ serverUrl: options.postgres, prefix: options.postgresPrefix, sqliteFile: database.file, manifest: database.manifest, regenerate: options.regenerate, port: options.port, scratchDir: BENCH_DIR, queries });
        result.postgres = { database: postgres.url.replace(/\/\/[^@]*@/, "//"), set: [], export: null };
        console.log(postgres.note);
      }
      if (options.only.has("set")) {
        const setOptions = { requests: options.setRequests, warmup: Math.min(options.warmup, 5), facetFloorRuns: options.facetFloorRuns, changeDatabase: changeCounterMover(database.file) };
        console.log(`query set: ${queries.length} queries, ${options.setRequests} requests each after ${setOptions.warmup} warm-up${postgres ? ", on SQLite then on PostgreSQL" : ""}`);
        for (const query of queries) {
          const floor = new DirectFloor(floorDb, parse(query.search));
          const measured = await measureSetQuery(query, server, floor, { total: floor.runRows(), ids: floor.pageIds() }, setOptions);
          result.set.push(measured);
          console.log(setConsoleLine(measured));
          if (postgres && result.postgres) {
            const onPostgres = await measurePostgresQuery(postgres, query, measured, setOptions);
            result.postgres.set.push(onPostgres);
            console.log(`  PostgreSQL: ${setConsoleLine(onPostgres)}`);
          }
        }
        console.log(`\nWorst first:\n${setTableLines(size, result.set).slice(0, 12).join("\n")}`);
        if (result.postgres) console.log(`\n${sideBySideSummary(result.set, result.postgres.set)}\n${sideBySideLines(size, result.set, result.postgres.set).slice(0, 12).join("\n")}`);
      }
      const values = pickFilterValues(floorDb);
      for (const scenario of scenarios(values)) {
        if (!options.only.has(scenario.kind)) continue;
        const q = await measureScenario(app, scenario, server, floorDb, options);
        result.queries.push(q);
        console.log(
          `${scenario.name.padEnd(20)} matches ${String(q.total).padStart(6)}  floor ${fmt(q.floor.median)}/${fmt(q.floor.p95)}  ` +
            `${q.inProcess ? `in-process ${fmt(q.inProcess.median)}/${fmt(q.inProcess.p95)}  ` : ""}HTTP ${fmt(q.http.median)}/${fmt(q.http.p95)} ms  ` +
            `(×${(q.http.median / q.floor.median).toFixed(1)})`,
        );
      }
      if (options.only.has("export")) {
        result.export = await measureExport(server, sqliteCliFloor(database.file), path.join(BENCH_DIR, `cli-${size}.csv`), options.exportRuns);
        console.log(exportConsoleLine("SQLite", result.export));
        if (postgres && result.postgres) {
          result.postgres.export = await measureExport(postgres.server, psqlFloor(postgres.url), path.join(BENCH_DIR, `psql-${size}.csv`), options.exportRuns);
          console.log(exportConsoleLine("PostgreSQL", result.postgres.export));
        }
      }
      if (options.only.has("import") && size === 10_000) {
        result.import = await measureImport(server, BENCH_DIR, 10_000, options.importRuns);
        const i = result.import;
        console.log("skipped" in i ? `import: skipped (${i.skipped})` : i.exitCode !== 0 ? `import FAILED (exit ${i.exitCode}):\n${i.output}` : `import ${i.rows} rows: ${fmt(i.time.median, 0)} ms median, ${fmt(i.time.max, 0)} ms max (start-up ${fmt(i.startup.median, 0)} ms): ${i.output}`);
      }
    } finally {
      if (postgres) await closePostgresSide(postgres);
      await stopServer(server);
      closeConnections();
      floorDb.close();
      await app.closeReader();
    }
    results.push(result);
    writeResults(stamp, results, quotes, machine, options);
  }

  const report = writeResults(stamp, results, quotes, machine, options);
  console.log(`\n${report.split("\n## ")[0]}`);
  console.log(`Full report: ${path.relative(ROOT, path.join(RESULTS_DIR, `${stamp}.md`))}`);
}

/** The report and the figures so far; written after each size too, so that a run stopped at 100k keeps its 10k. */
function writeResults(stamp: string, results: SizeResult[], quotes: QuoteBenchResult | null, machine: Record<string, string>, options: Options): string {
  machine["load average at end"] = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const report = markdown(results, quotes, machine, options);
  writeFileSync(path.join(RESULTS_DIR, `${stamp}.md`), report);
  writeFileSync(path.join(RESULTS_DIR, `${stamp}.json`), JSON.stringify({ machine, options: { ...options, only: [...options.only] }, results, quotes }, null, 2));
  return report;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Commits a write to the benchmark database the server reads, as any write does: the change
 * counter moves on (the ETags' validator), and with it SQLite's data_version, so the server
 * keeps nothing from before. Nothing a query answers changes.
 */
function changeCounterMover(file: string): () => void {
  const writer = new Database(file, { fileMustExist: true, timeout: 5000 });
  const move = writer.prepare(`UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "id" = 1`);
  return () => {
    move.run();
  };
}
