import { fmt, type Summary } from "../../tools/harness/stats";
import type { ExportResult } from "./export";
import type { SetResult } from "./query-set-run";

/**
 * The query set on SQLite and PostgreSQL side by side (issues 13 and 14): each query's
 * p50 / p95 on both, each over its own database's floor, and PostgreSQL's p95 over
 * SQLite's, the goal being at most 2×.
 */
export const POSTGRES_GOAL_RATIO = 2;

type Pair = { sqlite: SetResult; postgres: SetResult };
export const PARTS = ["rows", "facets", "page"] as const;
type Part = (typeof PARTS)[number];
const FLOOR_OF: Record<Part, "rowsFloor" | "facetsFloor" | null> = { rows: "rowsFloor", facets: "facetsFloor", page: null };

export const postgresRatio = (pair: Pair, part: Part) => pair.postgres[part].p95 / pair.sqlite[part].p95;

/** The largest PostgreSQL ÷ SQLite ratio of a query's parts: the table's order, worst first. */
export const worstRatio = (pair: Pair) => Math.max(...PARTS.map((part) => postgresRatio(pair, part)));

export function pairResults(sqlite: readonly SetResult[], postgres: readonly SetResult[]): Pair[] {
  const byName = new Map(postgres.map((result) => [result.query.name, result]));
  return sqlite.flatMap((result) => {
    const twin = byName.get(result.query.name);
    return twin ? [{ sqlite: result, postgres: twin }] : [];
  });
}

const cell = (summary: Summary, floor: Summary | null) => `${fmt(summary.median)} / ${fmt(summary.p95)}${floor ? ` (${(summary.p95 / floor.p95).toFixed(1)}×)` : ""}`;

/** p50 and p95 ratios: with few requests on a busy machine the p95 is close to the slowest request, the p50 steadier. */
function ratioCell(pair: Pair, part: Part): string {
  const ratio = postgresRatio(pair, part);
  const median = pair.postgres[part].median / pair.sqlite[part].median;
  return `${median.toFixed(1)}× / ${ratio > POSTGRES_GOAL_RATIO ? `**${ratio.toFixed(1)}×**` : `${ratio.toFixed(1)}×`}`;
}

/**
 * A search sorted by relevance: ranked by bm25 on SQLite and by ts_rank on PostgreSQL
 * (docs/decisions/047), so the same matches come in another order and the first page
 * may hold others.
 */
export function rankedByRelevance(search: string): boolean {
  const params = new URLSearchParams(search);
  const sort = params.get("sort");
  return Boolean(params.get("q")?.trim()) && (sort === null || sort.replace(/^-/, "") === "relevance");
}

/** Whether PostgreSQL's answer is SQLite's: the same total, the same page in the same order. */
export function sameAnswer(pair: Pair): string {
  const { postgres } = pair;
  if (postgres.total !== postgres.referenceTotal) return `**no**: ${postgres.total} vs ${postgres.referenceTotal}`;
  if (postgres.sameOrder) return "yes";
  return rankedByRelevance(postgres.query.search) ? "same total; ranked otherwise (047)" : "**page differs**";
}

function missingCell(result: SetResult): string {
  return Object.entries(result.missing).map(([facet, n]) => `${facet} ${n}/${result.facets.n}`).join(", ") || "–";
}

export function sideBySideLines(size: number, sqlite: readonly SetResult[], postgres: readonly SetResult[]): string[] {
  const pairs = pairResults(sqlite, postgres).sort((a, b) => worstRatio(b) - worstRatio(a));
  const parts = (pair: Pair) =>
    PARTS.map((part) => {
      const floor = FLOOR_OF[part];
      return `${cell(pair.sqlite[part], floor && pair.sqlite[floor])} | ${cell(pair.postgres[part], floor && pair.postgres[floor])} | ${ratioCell(pair, part)}`;
    }).join(" | ");
  return [
    "| claims | query | matches | same answer | rows SQLite | rows PostgreSQL | PG ÷ SQLite p50 / p95 | facets SQLite | facets PostgreSQL | PG ÷ SQLite p50 / p95 | /claims rows SQLite | /claims rows PostgreSQL | PG ÷ SQLite p50 / p95 | facets left out (SQLite; PostgreSQL) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...pairs.map(
      (pair) =>
        `| ${size.toLocaleString("en")} | ${pair.sqlite.query.name} | ${pair.sqlite.total.toLocaleString("en")} | ${sameAnswer(pair)} | ${parts(pair)} | ${missingCell(pair.sqlite)}; ${missingCell(pair.postgres)} |`,
    ),
  ];
}

/** How many queries are over the goal in any part, for the console. */
export function sideBySideSummary(sqlite: readonly SetResult[], postgres: readonly SetResult[]): string {
  const pairs = pairResults(sqlite, postgres);
  const over = pairs.filter((pair) => worstRatio(pair) > POSTGRES_GOAL_RATIO);
  const differing = pairs.filter((pair) => sameAnswer(pair).startsWith("**"));
  const ranked = pairs.filter((pair) => sameAnswer(pair).startsWith("same total"));
  return `${pairs.length} queries on both: ${over.length} with PostgreSQL over ${POSTGRES_GOAL_RATIO}× SQLite's p95 in some part; ${differing.length} with a different answer; ${ranked.length} searches by relevance with the same total, ranked otherwise`;
}

/** The export on both databases, each next to its own shell's floor. */
export function exportSideBySideLines(size: number, sqlite: ExportResult | null, postgres: ExportResult | null): string[] {
  const describe = (e: ExportResult | null) => (!e ? "–" : "skipped" in e ? `skipped: ${e.skipped}` : `${fmt(e.time.median, 0)} ms (${Math.round(e.rowsPerSecond).toLocaleString("en")} rows/s), ${e.cli.label} ${fmt(e.cli.time.median, 0)} ms, ${e.ratio.toFixed(1)}× floor, RSS +${e.rssGrowthMb.toFixed(0)} MB`);
  const ratio = sqlite && postgres && !("skipped" in sqlite) && !("skipped" in postgres) ? `${(postgres.time.median / sqlite.time.median).toFixed(1)}×` : "–";
  return [`| ${size.toLocaleString("en")} | export claims.csv | ${describe(sqlite)} | ${describe(postgres)} | ${ratio} |`];
}
