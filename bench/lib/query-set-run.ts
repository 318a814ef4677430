import os from "node:os";
import { closeConnections, timedGet, timedGetUntil } from "../../tools/harness/http";
import type { SetQuery } from "./query-set";
import type { Server } from "../../tools/harness/server";
import { fmt, msSince, summarise, type Summary } from "../../tools/harness/stats";

/**
 * Each query of the set measured four ways, interleaved request by request so machine
 * noise hits all alike (issue 14):
 * - rows: GET /api/claims?…&facets=false (the page of claims and the total); with
 *   `changeDatabase`, also the first such request after a write, since a ranked search
 *   keeps its first ids and total until the next write (decision 072) and the repeated
 *   requests alone would show only what it kept;
 * - facets: GET /api/claims/facets?… (and which facets it left out under the time limit);
 * - page: GET /claims?… until the HTML holding the rows (`id="results"`) has arrived, and
 *   until the whole response (the facet panel streams after the rows);
 * - the floors of rows and facets, in this process: on SQLite the question written by hand
 *   (bench/lib/direct-floor.ts), on PostgreSQL the app's own statements run directly
 *   (bench/lib/postgres/floor.ts).
 */
export type SetResult = {
  query: SetQuery;
  total: number;
  /** The claims of the app's page, in its order. */
  ids: number[];
  /** The total the answer is checked against: the hand-written floor's on SQLite, SQLite's answer on PostgreSQL. */
  referenceTotal: number;
  /** Whether the app's page holds the reference's claims in the reference's order. */
  sameOrder: boolean;
  rows: Summary;
  /** The rows asked for right after a write (changeDatabase), when the run made one. */
  rowsAfterWrite: Summary | null;
  facets: Summary;
  page: Summary;
  pageFull: Summary;
  rowsFloor: Summary;
  facetsFloor: Summary;
  /** Facets left out by the time limit, with how many of the measured requests left each out. */
  missing: Record<string, number>;
  loadAverage: [number, number];
  plans: string[][];
};

/** Targets at 100k claims, and the rows' at a million (issue 14). */
export const SET_TARGETS = { rowsP95: 40, searchRowsP95: 30, facetsP95: 100, pageP95: 100, rowsP95AtMillion: 100 } as const;

/** The rows target of a query at `size` claims: searches have their own at 100k; at a million every query has the same. */
export const rowsTarget = (query: SetQuery, size: number) =>
  size >= 1_000_000 ? SET_TARGETS.rowsP95AtMillion : query.group === "search" || new URLSearchParams(query.search).has("q") ? SET_TARGETS.searchRowsP95 : SET_TARGETS.rowsP95;

/**
 * facetFloorRuns: measured runs of the facet floor (it keeps nothing between runs and takes
 * seconds over a large database). changeDatabase: commits a write to the server's database
 * (moving its change counter, as any write does), for the rows measured after a write.
 */
export type SetRunOptions = { requests: number; warmup: number; facetFloorRuns: number; changeDatabase?: () => unknown };

/** A floor of a query of the set: its rows part and its facets part, each run in full per call (sync or async). */
export interface SetFloor {
  runRows(): unknown;
  runFacets(): unknown;
  plans(): string[][] | Promise<string[][]>;
}

/** The answer the app's must equal: a wrong plan may be fast. */
export type SetReference = { total: number; ids: readonly number[] };

export async function measureSetQuery(
  query: SetQuery,
  server: Server,
  floor: SetFloor,
  reference: SetReference,
  options: SetRunOptions,
): Promise<SetResult> {
  const suffix = query.search ? `?${query.search}` : "";
  const rowsUrl = `${server.url}/api/claims?${query.search}${query.search ? "&" : ""}facets=false`;
  const facetsUrl = `${server.url}/api/claims/facets${suffix}`;
  const pageUrl = `${server.url}/claims${suffix}`;
  // A kept-alive socket left idle while the other database was measured may be closed by
  // its server just as it is reused (ECONNRESET): start each query on a new connection.
  closeConnections();

  const check = await timedGet(rowsUrl);
  if (check.status !== 200) throw new Error(`${rowsUrl} answered ${check.status}: ${check.body.toString("utf8").slice(0, 300)}`);
  const answer = JSON.parse(check.body.toString("utf8")) as { total: number; items: { id: number }[] };
  const total = answer.total;
  const ids = answer.items.map((item) => item.id);
  const sameOrder = ids.join() === reference.ids.join();

  const times = { rows: [] as number[], rowsAfterWrite: [] as number[], facets: [] as number[], page: [] as number[], pageFull: [] as number[], rowsFloor: [] as number[], facetsFloor: [] as number[] };
  const missing: Record<string, number> = {};
  const load1 = os.loadavg()[0]!;
  for (let i = 0; i < options.warmup + options.requests; i++) {
    const measuring = i >= options.warmup;
    let start = process.hrtime.bigint();
    await floor.runRows();
    if (measuring) times.rowsFloor.push(msSince(start));
    // The facet floor keeps nothing between runs and takes seconds over the whole database
    // at 100k: a few runs say enough, and the set stays within its time.
    if (i < options.warmup + options.facetFloorRuns) {
      start = process.hrtime.bigint();
      await floor.runFacets();
      if (measuring) times.facetsFloor.push(msSince(start));
    }

    const rows = await timedGet(rowsUrl);
    if (rows.status !== 200) throw new Error(`${rowsUrl} answered ${rows.status}`);
    const facets = await timedGet(facetsUrl);
    if (facets.status !== 200) throw new Error(`${facetsUrl} answered ${facets.status}`);
    const page = await timedGetUntil(pageUrl, 'id="results"');
    if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}`);
    if (!measuring) continue;
    times.rows.push(rows.ms);
    times.facets.push(facets.ms);
    times.page.push(Number.isNaN(page.markerMs) ? page.ms : page.markerMs);
    times.pageFull.push(page.ms);
    for (const facet of (JSON.parse(facets.body.toString("utf8")) as { missing: string[] }).missing) missing[facet] = (missing[facet] ?? 0) + 1;
  }
  // After the others, so that none of them follows a write: a write clears what the server
  // keeps (the whole-database counts too) and SQLite's page caches, and the next request of
  // any kind pays for it. Then each part once more, unmeasured, so that the next query finds
  // the server and the floor's connection as this one did.
  if (options.changeDatabase) {
    for (let i = 0; i < options.requests; i++) {
      await options.changeDatabase();
      const afterWrite = await timedGet(rowsUrl);
      if (afterWrite.status !== 200) throw new Error(`${rowsUrl} answered ${afterWrite.status}`);
      times.rowsAfterWrite.push(afterWrite.ms);
    }
    await floor.runRows();
    await timedGet(facetsUrl);
    await timedGetUntil(pageUrl, 'id="results"');
  }
  return {
    query,
    total,
    ids,
    referenceTotal: reference.total,
    sameOrder,
    rows: summarise(times.rows),
    rowsAfterWrite: options.changeDatabase ? summarise(times.rowsAfterWrite) : null,
    facets: summarise(times.facets),
    page: summarise(times.page),
    pageFull: summarise(times.pageFull),
    rowsFloor: summarise(times.rowsFloor),
    facetsFloor: summarise(times.facetsFloor),
    missing,
    loadAverage: [load1, os.loadavg()[0]!],
    plans: await floor.plans(),
  };
}

/** How far over its targets at `size` claims a query is (the largest ratio of p95 to target): the report's order, worst first. */
export function badness(result: SetResult, size: number): number {
  return Math.max(rowsP95(result) / rowsTarget(result.query, size), result.facets.p95 / SET_TARGETS.facetsP95, result.page.p95 / SET_TARGETS.pageP95);
}

/** The rows' p95, the first request after a write included: a target holds for both. */
const rowsP95 = (result: SetResult) => Math.max(result.rows.p95, result.rowsAfterWrite?.p95 ?? 0);
const afterWrite = (result: SetResult) => (result.rowsAfterWrite ? `${fmt(result.rowsAfterWrite.median)} / ${fmt(result.rowsAfterWrite.p95)}` : "–");

const ratio = (measured: Summary, floor: Summary) => `${(measured.p95 / floor.p95).toFixed(1)}×`;
const mark = (p95: number, target: number, applies: boolean) => (p95 <= target ? "" : applies ? " **over**" : " (over)");

export function setTableLines(size: number, results: readonly SetResult[]): string[] {
  // The issue sets every target at 100k, and at a million only the rows'.
  const rowsApply = size >= 100_000;
  const applies = rowsApply && size < 1_000_000;
  const sorted = [...results].sort((a, b) => badness(b, size) - badness(a, size));
  return [
    "| claims | query | matches | rows p50 / p95 | after a write | ÷ floor | facets p50 / p95 | ÷ floor | missing facets | /claims rows p50 / p95 (whole) | query string |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...sorted.map((r) => {
      const missing = Object.entries(r.missing).map(([facet, n]) => `${facet} ${n}/${r.facets.n}`).join(", ") || "–";
      const totals = (r.total === r.referenceTotal ? r.total.toLocaleString("en") : `${r.total} (floor **${r.referenceTotal}**)`) + (r.sameOrder ? "" : " (page **differs** from the floor's)");
      return (
        `| ${size.toLocaleString("en")} | ${r.query.name} | ${totals} | ${fmt(r.rows.median)} / ${fmt(r.rows.p95)}${mark(r.rows.p95, rowsTarget(r.query, size), rowsApply)} ` +
        `| ${afterWrite(r)}${r.rowsAfterWrite ? mark(r.rowsAfterWrite.p95, rowsTarget(r.query, size), rowsApply) : ""} | ${ratio(r.rows, r.rowsFloor)} ` +
        `| ${fmt(r.facets.median)} / ${fmt(r.facets.p95)}${mark(r.facets.p95, SET_TARGETS.facetsP95, applies)} | ${ratio(r.facets, r.facetsFloor)} | ${missing} ` +
        `| ${fmt(r.page.median)} / ${fmt(r.page.p95)}${mark(r.page.p95, SET_TARGETS.pageP95, applies)} (${fmt(r.pageFull.p95)}) | \`${r.query.search || "(none)"}\` |`
      );
    }),
  ];
}

/** One line for the console while the set runs. */
export function setConsoleLine(r: SetResult): string {
  return (
    `${r.query.name.slice(0, 44).padEnd(44)} ${String(r.total).padStart(7)}  rows ${fmt(r.rows.median)}/${fmt(r.rows.p95)} (floor ${fmt(r.rowsFloor.p95)})` +
    `${r.rowsAfterWrite ? ` after a write ${fmt(r.rowsAfterWrite.median)}/${fmt(r.rowsAfterWrite.p95)}` : ""}  ` +
    `facets ${fmt(r.facets.median)}/${fmt(r.facets.p95)} (floor ${fmt(r.facetsFloor.p95)})${Object.keys(r.missing).length ? ` missing ${Object.keys(r.missing).join(",")}` : ""}  page ${fmt(r.page.p95)} (${fmt(r.pageFull.p95)})` +
    (r.total === r.referenceTotal ? "" : `  TOTAL DIFFERS: expected ${r.referenceTotal}`) +
    (r.sameOrder ? "" : "  PAGE DIFFERS from the expected")
  );
}
