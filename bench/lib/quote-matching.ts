/**
 * How long lib/sources/quote-matcher.ts takes to find a quote (issue 17's target: a
 * 1,000-character quote in a 50,000-character article in at most 20 ms at p95), for each
 * way a quote can be found:
 * - exact: the article's words as they are;
 * - normalised: the same with straight quotes, hyphens for dashes, a doubled space and
 *   capitals changed;
 * - approximate: the normalised quote with `typos` edits more;
 * - approximate with context: the same with the prefix, suffix and old offset a stored
 *   quote has (re-anchoring);
 * - not found: a passage of another article drawn from the same vocabulary (the dearest
 *   case: the approximate search runs through the whole text at its widest error budget).
 *
 * Each run is measured next to two FLOORS, in the same run and interleaved so that machine
 * noise hits all alike: `String.prototype.indexOf` of the quote (what an exact match cannot
 * beat), and one plain approx-string-match call over the raw article with the matcher's
 * own error budget, without folding or scoring (what an approximate search cannot beat).
 *
 * Times are wall-clock; the matcher's CPU time (process.cpuUsage) is kept beside them,
 * since on a busy shared machine the wall clock also counts the wait for a core.
 * Every run takes a quote from a different place, and every answer is checked (kind and
 * offsets). Used by `npx tsx bench/quote-matching.ts` and by `npm run bench` (part `quotes`).
 */
import approximateSearch from "approx-string-match";
import { approximateErrorBudget, matchQuote, type QuoteMatch } from "@/lib/sources/quote-matcher";
import { Random } from "@/tools/synthetic/random";
import { FILLER_SENTENCES, PLACES } from "@/tools/synthetic/words";
import { fmt, summarise, type Summary } from "../../tools/harness/stats";

export const TARGET_P95_MS = 20;

export type QuoteBenchOptions = { runs: number; warmup: number; seed: number; textLength: number; quoteLength: number; typos: number };
export const DEFAULT_QUOTE_BENCH_OPTIONS: QuoteBenchOptions = { runs: 300, warmup: 30, seed: 1, textLength: 50_000, quoteLength: 1000, typos: 4 };

export type QuoteBenchRow = { case: string; matcher: Summary; matcherCpu: Summary; indexOfFloor: Summary; approximateFloor: Summary; withinTarget: boolean };
export type QuoteBenchResult = { options: QuoteBenchOptions; textLength: number; rows: QuoteBenchRow[]; wrongAnswers: string[]; sink: number };

export function measureQuoteMatching(options: QuoteBenchOptions): QuoteBenchResult {
  if (options.quoteLength * 4 > options.textLength) throw new Error("the quote length must be at most a quarter of the text length");
  // ---------------------------------------------------------------------------------------
  // The article and the quotes

  const random = new Random(options.seed, "quote-matching");

  /** Words of the synthetic newsroom vocabulary, shuffled into sentences nobody repeats. */
  const VOCABULARY = [...new Set([...FILLER_SENTENCES, ...PLACES].join(" ").replace(/[{}.,]/g, " ").split(/\s+/).filter((w) => w.length > 1))];

  /** An article in newspaper typography: curly quotes and apostrophes, dashes, paragraphs. */
  function article(length: number): string {
    let text = "";
    while (text.length < length) {
      const words = Array.from({ length: random.int(8, 24) }, () => random.pick(VOCABULARY));
      if (random.chance(0.3)) {
        const at = random.int(0, words.length - 3);
        words[at] = `“${words[at]}`;
        words[at + 2] = `${words[at + 2]}”`;
      }
      if (random.chance(0.3)) words[random.int(1, words.length - 1)] += "’s";
      if (random.chance(0.2)) words.splice(random.int(1, words.length - 1), 0, "—");
      const sentence = words.join(" ");
      text += `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.${random.chance(0.15) ? "\n\n" : " "}`;
    }
    return text.slice(0, length);
  }

  /** As people type it: straight quotes, hyphens, a doubled space, one word's capital changed. */
  function retype(quote: string): string {
    let typed = quote.replace(/[“”]/g, '"').replace(/’/g, "'").replace(/—/g, "-");
    const space = typed.indexOf(" ", random.int(0, typed.length - 1));
    if (space !== -1) typed = `${typed.slice(0, space)}  ${typed.slice(space + 1)}`;
    const letter = typed.search(/[a-z]/);
    if (letter !== -1) typed = `${typed.slice(0, letter)}${typed[letter]!.toUpperCase()}${typed.slice(letter + 1)}`;
    if (typed === quote) throw new Error("a retyped quote must differ from the article's words");
    return typed;
  }

  /** `count` typos: letters replaced, dropped or doubled, away from each other. */
  function misspell(quote: string, count: number): string {
    let typed = quote;
    const stride = Math.floor(quote.length / (count + 1));
    for (let i = count; i >= 1; i--) {
      const at = i * stride;
      const edit = random.int(0, 2);
      if (edit === 0) typed = `${typed.slice(0, at)}x${typed.slice(at + 1)}`;
      else if (edit === 1) typed = `${typed.slice(0, at)}${typed.slice(at + 1)}`;
      else typed = `${typed.slice(0, at)}${typed[at]}${typed.slice(at)}`;
    }
    return typed;
  }

  /** A quote-sized slice starting and ending on word boundaries. */
  function placeQuote(text: string): { start: number; end: number } {
    const start = text.indexOf(" ", random.int(0, text.length - options.quoteLength - 100)) + 1;
    const end = text.lastIndexOf(" ", start + options.quoteLength);
    return { start, end };
  }

  const text = article(options.textLength);
  /** Words of another article on the same subjects: the same vocabulary, in no passage of this one. */
  const otherArticle = article(options.textLength);
  function unrelatedQuote(): string {
    const { start } = placeQuote(otherArticle);
    return otherArticle.slice(start, start + options.quoteLength).trim();
  }

  type Case = {
    name: string;
    expect: QuoteMatch["kind"] | null;
    /** The quote and options for run i. */
    inputs: { quote: string; exact: string; start: number; prefix?: string; suffix?: string; hint?: number }[];
  };

  const runsInAll = options.runs + options.warmup;
  const places = Array.from({ length: runsInAll }, () => placeQuote(text));
  const caseInputs = (make: (exact: string, start: number, end: number) => Case["inputs"][number]) =>
    places.map(({ start, end }) => make(text.slice(start, end), start, end));

  const cases: Case[] = [
    { name: "exact", expect: "exact", inputs: caseInputs((exact, start) => ({ quote: exact, exact, start })) },
    { name: "normalised", expect: "normalised", inputs: caseInputs((exact, start) => ({ quote: retype(exact), exact, start })) },
    {
      name: `approximate (${options.typos} typos)`,
      expect: "approximate",
      inputs: caseInputs((exact, start) => ({ quote: misspell(retype(exact), options.typos), exact, start })),
    },
    {
      name: "approximate + context",
      expect: "approximate",
      inputs: caseInputs((exact, start, end) => ({
        quote: misspell(retype(exact), options.typos),
        exact,
        start,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
        hint: start,
      })),
    },
    { name: "not found", expect: null, inputs: places.map(() => ({ quote: unrelatedQuote(), exact: "", start: -1 })) },
  ];

  // ---------------------------------------------------------------------------------------
  // Measuring

  /** The matcher's own error budget for a quote of this length given alone. */
  const FLOOR_MAX_ERRORS = approximateErrorBudget(options.quoteLength);

  const timings = new Map<string, { matcher: number[]; matcherCpu: number[]; indexOf: number[]; approximate: number[] }>(
    cases.map((c) => [c.name, { matcher: [], matcherCpu: [], indexOf: [], approximate: [] }]),
  );
  const wrong: string[] = [];
  /**
   * The matcher keeps the last article it folded (re-anchoring matches one text again and
   * again); each call here gets a text no call had before, so that every run pays for
   * folding, as the first match against an article does. What is appended changes no offset.
   */
  let calls = 0;
  const coldText = () => `${text} ${calls++}`;
  let sink = 0; // keeps results alive so that no call is optimised away

  for (let run = 0; run < runsInAll; run++) {
    for (const testCase of cases) {
      const input = testCase.inputs[run]!;
      const indexOfStart = performance.now();
      sink += text.indexOf(input.quote);
      const indexOfMs = performance.now() - indexOfStart;
      const approximateStart = performance.now();
      sink += approximateSearch(text, input.quote, FLOOR_MAX_ERRORS).length;
      const approximateMs = performance.now() - approximateStart;

      const matchCpuStart = process.cpuUsage();
      const matchStart = performance.now();
      const match = matchQuote(coldText(), input.quote, { prefix: input.prefix, suffix: input.suffix, hint: input.hint });
      const matchMs = performance.now() - matchStart;
      const matchCpu = process.cpuUsage(matchCpuStart);
      sink += match?.start ?? 0;

      // A fast wrong answer is no answer: every run is checked.
      if (testCase.expect === null ? match !== null : match?.kind !== testCase.expect || match.start !== input.start || match.exact !== input.exact) {
        wrong.push(`${testCase.name}, run ${run}: expected ${testCase.expect ?? "no match"} at ${input.start}, got ${match ? `${match.kind} at ${match.start}` : "no match"}`);
      }
      if (run >= options.warmup) {
        const times = timings.get(testCase.name)!;
        times.matcher.push(matchMs);
        times.matcherCpu.push((matchCpu.user + matchCpu.system) / 1000);
        times.indexOf.push(indexOfMs);
        times.approximate.push(approximateMs);
      }
    }
  }

  const rows: QuoteBenchRow[] = cases.map((c) => {
    const times = timings.get(c.name)!;
    const matcher = summarise(times.matcher);
    return {
      case: c.name,
      matcher,
      matcherCpu: summarise(times.matcherCpu),
      indexOfFloor: summarise(times.indexOf),
      approximateFloor: summarise(times.approximate),
      withinTarget: matcher.p95 <= TARGET_P95_MS,
    };
  });
  return { options, textLength: text.length, rows, wrongAnswers: wrong, sink };
}

/** The results as an aligned text table (one line per case), for stdout. */
export function quoteBenchTable(rows: readonly QuoteBenchRow[]): string[] {
  const header = ["case", "p50", "p95", "max", "cpu p50", "cpu p95", "indexOf p50", "p95", "approx-string-match p50", "p95", "p95 ≤ target"];
  const table = rows.map((r) => [r.case, ...cells(r), r.withinTarget ? "yes" : "NO"]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  return [header, ...table].map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
}

/** The results as a Markdown table, for the `npm run bench` report. */
export function quoteBenchMarkdown(result: QuoteBenchResult): string[] {
  const { options } = result;
  return [
    `Quote matching: ${options.quoteLength}-character quotes in a ${result.textLength}-character article, ${options.runs} runs per case after ${options.warmup} warm-up (seed ${options.seed}); ms. Floors, interleaved in the same run: \`indexOf\` of the quote, and one approx-string-match call over the raw article with the matcher's error budget. Target: matcher p95 ≤ ${TARGET_P95_MS} ms.${result.wrongAnswers.length > 0 ? ` **${result.wrongAnswers.length} wrong answers.**` : " Every answer checked: right."}`,
    "",
    "| case | matcher p50 | p95 | max | CPU p50 | CPU p95 | indexOf p50 / p95 | approx-string-match p50 / p95 | p95 ≤ 20 ms |",
    "|---|---|---|---|---|---|---|---|---|",
    ...result.rows.map((r) => {
      const c = cells(r);
      return `| ${r.case} | ${c.slice(0, 5).join(" | ")} | ${c[5]} / ${c[6]} | ${c[7]} / ${c[8]} | ${r.withinTarget ? "yes" : "NO"} |`;
    }),
  ];
}

const cells = (r: QuoteBenchRow) =>
  [r.matcher.median, r.matcher.p95, r.matcher.max, r.matcherCpu.median, r.matcherCpu.p95, r.indexOfFloor.median, r.indexOfFloor.p95, r.approximateFloor.median, r.approximateFloor.p95].map((ms) => fmt(ms, 2));
