/**
 * `npx tsx bench/quote-matching.ts [--runs 300] [--warmup 30] [--seed 1]
 *                                  [--text-length 50000] [--quote-length 1000] [--typos 4]`
 *
 * The quote-matching benchmark on its own (bench/lib/quote-matching.ts says what it
 * measures; `npm run bench` runs it too, as the part `quotes`). Results: a table on stdout
 * and .tmp/bench/results/quote-matching-<time>.json; the exit code is 1 when an answer was
 * wrong or a p95 missed the target.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_QUOTE_BENCH_OPTIONS as DEFAULTS, measureQuoteMatching, quoteBenchTable, TARGET_P95_MS } from "./lib/quote-matching";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: String(DEFAULTS.runs) },
    warmup: { type: "string", default: String(DEFAULTS.warmup) },
    seed: { type: "string", default: String(DEFAULTS.seed) },
    "text-length": { type: "string", default: String(DEFAULTS.textLength) },
    "quote-length": { type: "string", default: String(DEFAULTS.quoteLength) },
    typos: { type: "string", default: String(DEFAULTS.typos) },
  },
});
const positiveInteger = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, not ${values[name]}`);
  return value;
};
const options = {
  runs: positiveInteger("runs"),
  warmup: positiveInteger("warmup"),
  seed: positiveInteger("seed"),
  textLength: positiveInteger("text-length"),
  quoteLength: positiveInteger("quote-length"),
  typos: positiveInteger("typos"),
};

const result = measureQuoteMatching(options);

const machine = { node: process.version, cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`, load: os.loadavg().map((l) => l.toFixed(2)).join(" ") };
console.log(`Quote matching: ${options.quoteLength}-character quotes in a ${result.textLength}-character article, ${options.runs} runs each after ${options.warmup} warm-up (seed ${options.seed})`);
console.log(`Node ${machine.node}, ${machine.cpus}, load ${machine.load}. Target: p95 ≤ ${TARGET_P95_MS} ms. Times in ms:`);
console.log("wall-clock, and the matcher's CPU time (what it costs when the machine is shared and it waits for a core).\n");
for (const line of quoteBenchTable(result.rows)) console.log(line);

const resultsDir = path.join(import.meta.dirname, "..", ".tmp", "bench", "results");
mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, `quote-matching-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(resultsFile, JSON.stringify({ machine, targetP95Ms: TARGET_P95_MS, ...result }, null, 2));
console.log(`\nResults: ${path.relative(process.cwd(), resultsFile)}`);

if (result.wrongAnswers.length > 0) {
  console.error(`\n${result.wrongAnswers.length} wrong answers, for example:\n${result.wrongAnswers.slice(0, 5).join("\n")}`);
  process.exitCode = 1;
}
if (result.rows.some((r) => !r.withinTarget)) process.exitCode = 1;
