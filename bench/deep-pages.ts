/**
 * The first, middle and last page of each list query, on one running server or on two side
 * by side (the code before a change and after it, each on its own copy of one database):
 *
 *   npx tsx bench/deep-pages.ts URL [URL_B] [--queries FILE] [--runs N]
 *
 * FILE holds one query string a line (without `?`, `#` starts a comment); the default,
 * bench/deep-pages.txt, is broad filters of every kind with every sort, with values from
 * the bench's synthetic database (seed 1). For each query the total comes from page 1,
 * asked of every server, then the first, middle and last page, and the page after the
 * middle one, are each asked for `--runs` times (`&facets=false`: the rows and the total, as
 * the bench's "rows" column), alternating between the servers. Printed: the first answer's
 * ms, then the median's. With two servers, a page whose ids or total differ is marked
 * DIFFERENT. Issue 14 asks for every query within budget; the bench's generated set holds
 * few deep pages (docs/performance.md, "Tenth round").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: "string", default: path.join(import.meta.dirname, "deep-pages.txt") }, runs: { type: "string", default: "3" } },
});
const servers = positionals.map((url) => url.replace(/\/$/, ""));
const runs = Number(values.runs);
if (servers.length < 1 || servers.length > 2 || !Number.isInteger(runs) || runs < 1) {
  console.error("Usage: npx tsx bench/deep-pages.ts URL [URL_B] [--queries FILE] [--runs N]");
  process.exit(2);
}
const queries = readFileSync(values.queries, "utf8")
  .split("\n")
  .map((line) => line.replace(/#.*/, "").trim())
  .filter(Boolean);

type Answer = { ms: number; ids: string; total: number };

async function ask(server: string, search: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${server}/api/claims?${search}&facets=false`);
  if (!response.ok) throw new Error(`${server} ${search}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { items: { id: number }[]; total: number };
  return { ms: performance.now() - started, ids: body.items.map((item) => item.id).join(","), total: body.total };
}

const median = (answers: Answer[]) => [...answers].sort((a, b) => a.ms - b.ms)[Math.floor(answers.length / 2)]!.ms.toFixed(1);
const firstAndMedian = (answers: Answer[]) => `${answers[0]!.ms.toFixed(1)} / ${median(answers)}`;

// A server that cannot be reached, or answers a query with an error, ends the run with one line.
process.on("uncaughtException", (error) => {
  console.error(`deep-pages: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

for (const query of queries) {
  // Every server is asked for the total, so that each has seen the query once before its first page is timed.
  const { total } = (await Promise.all(servers.map((server) => ask(server, query))))[0]!;
  const pageSize = Number(new URLSearchParams(query).get("pageSize") ?? 50);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const middle = Math.ceil(pages / 2);
  for (const [label, page] of [["first", 1], ["middle", middle], ["after the middle", Math.min(pages, middle + 1)], ["last", pages]] as const) {
    const search = `${query}&page=${page}`;
    const answers: Answer[][] = servers.map(() => []);
    for (let run = 0; run < runs; run++) for (const [i, server] of servers.entries()) answers[i]!.push(await ask(server, search));
    const differs = answers.length === 2 && (answers[0]![0]!.ids !== answers[1]![0]!.ids || answers[0]![0]!.total !== answers[1]![0]!.total);
    console.log(`${query} | ${label} (page ${page}) | total ${total} | ${answers.map(firstAndMedian).join(" | ")} ms (first / median)${differs ? " | DIFFERENT" : ""}`);
  }
}
