import approximateSearch, { type Match as ApproximateMatch } from "approx-string-match";
import { occurrencesOf } from "@/lib/sources/anchoring";
import { foldTypography, originalRange, wholeCharacters, type FoldedText } from "@/lib/sources/typography-fold";
import { splitsSurrogatePair } from "@/lib/sources/utf16";
import { wholeWords } from "@/lib/sources/word-boundaries";

/**
 * Find the passage of an article that a quote means, as Hypothesis anchors annotations
 * (docs/decisions/025-quote-matching.md): the quote word for word first; then the same
 * after typographic folding (quotes, apostrophes, dashes, whitespace, case: see
 * typography-fold.ts); then approximately, by edit distance (approx-string-match, Myers'
 * bit-parallel algorithm). Candidates are ranked by how like the quote they are, how
 * like the expected prefix and suffix their surroundings are, and how near the expected
 * position they start.
 *
 * Whatever the stage, the result is the article's own words (`exact` is always
 * text.slice(start, end)) at UTF-16 offsets that never split a surrogate pair: a caller
 * offers or stores those, never the quote as typed.
 *
 * Pure: no database, runs in the browser as well as on the server.
 */

export type QuoteMatchKind = "exact" | "normalised" | "approximate";

export type QuoteMatch = {
  /** The article's own words: text.slice(start, end). */
  exact: string;
  start: number;
  end: number;
  /** 0–1: how sure the match is (1 = these exact words, in the expected context and place). */
  score: number;
  /** exact: the quote as given; normalised: the same but for typography; approximate: with edits. */
  kind: QuoteMatchKind;
};

/** What is known of where the quote stood. Empty strings count as unknown. */
export type QuoteContext = {
  /** The text expected just before the quote (a stored quotePrefix, up to 32 characters). */
  prefix?: string;
  /** The text expected just after the quote. */
  suffix?: string;
  /** The offset where the quote is expected to start (a stored quoteStart): a tie-breaker. */
  hint?: number;
};

export type MatchQuoteOptions = QuoteContext & {
  /** Matches scoring below this are not returned. Defaults to DEFAULT_MIN_SCORE. */
  minScore?: number;
};

/**
 * The lowest score worth offering. With no context the score is the quote's similarity,
 * about 1 − (edits ÷ quote length): 0.7 lets through "some years later" for "Many years
 * later" (4 edits in 16) and a few typos in a sentence, and refuses unrelated text.
 */
export const DEFAULT_MIN_SCORE = 0.7;

/**
 * Weights of the score's parts, as Hypothesis weighs them: the quote counts most, its
 * surroundings next, the position only enough to choose between otherwise equal matches.
 * Parts that are unknown (no prefix given, say) are left out of the average, so a quote
 * alone scores by its own similarity.
 */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/**
 * What differing only in typography costs: a normalised match ranks just below an exact
 * one, an approximate one below both, and the score says that the words are not the ones given.
 */
const TYPOGRAPHY_PENALTY = 0.01;

/**
 * Most edits an approximate search allows, whatever the quote's length: the search costs
 * time in proportion to it (O(errors/32 × text length)), and a quote that needs more
 * edits than this is not the passage meant. Hypothesis uses the same bound.
 */
const MAX_SEARCH_ERRORS = 256;

/** The first approximate search's error budget: one 32-bit block of the bit-parallel search. */
const FIRST_PASS_ERRORS = 32;

/** How many times the approximate search looks again when the context disagrees (see approximateRounds). */
const APPROXIMATE_ROUNDS_WITH_CONTEXT = 3;

type Candidate = { start: number; end: number; kind: QuoteMatchKind; similarity: number; score: number };

/** The best match for `quote` in `text`, or null when none scores `minScore` or more. */
export function matchQuote(text: string, quote: string, options: MatchQuoteOptions = {}): QuoteMatch | null {
  if (text.length === 0 || quote.length === 0) return null;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const context = knownContext(text, options);

  // Each stage is tried only if the earlier ones found nothing that reaches minScore with
  // its context: an exact occurrence elsewhere must not beat the edited passage whose
  // surroundings match. A candidate whose own words are close enough stays acceptable
  // even where its surroundings differ: context helps to choose, never vetoes the words.
  let best: Candidate | null = null;
  const consider = (candidates: Iterable<Omit<Candidate, "score">>): boolean => {
    for (const candidate of candidates) {
      const score = scoreCandidate(text, candidate, context);
      if (Math.max(score, candidate.similarity) < minScore) continue;
      if (best === null || score > best.score) best = { ...candidate, score };
    }
    return best !== null && best.score >= minScore;
  };
  const answer = (): QuoteMatch | null =>
    best && { exact: text.slice(best.start, best.end), start: best.start, end: best.end, score: best.score, kind: best.kind };

  if (consider(exactCandidates(text, quote))) return answer();

  const foldedQuote = foldTypography(quote).text.trim();
  if (foldedQuote.length === 0) return answer();
  const foldedText = foldedArticle(text);
  const foldedOccurrences = occurrencesOf(foldedText.text, foldedQuote);
  if (consider(normalisedCandidates(foldedText, foldedOccurrences, foldedQuote.length))) return answer();

  const maxErrors = approximateErrorBudget(foldedQuote.length, minScore, context.weight - WEIGHT.quote);
  if (maxErrors === 0) return answer();
  // Without a prefix or suffix the closest passages are the best ones, found in one round;
  // with them, a passage a little less close may stand in the right place.
  const rounds = context.prefix || context.suffix ? APPROXIMATE_ROUNDS_WITH_CONTEXT : 1;
  for (const candidates of approximateRounds(foldedText, foldedQuote, foldedOccurrences, maxErrors, rounds)) {
    if (consider(candidates)) break;
  }
  return answer();
}

/**
 * The last article folded, kept: re-anchoring every quote of a source, or importing many
 * rows that quote one article, matches against the same text again and again.
 */
let lastFolded: { text: string; folded: FoldedText } | null = null;
function foldedArticle(text: string): FoldedText {
  if (lastFolded?.text !== text) lastFolded = { text, folded: foldTypography(text) };
  return lastFolded.folded;
}

function* exactCandidates(text: string, quote: string): Generator<Omit<Candidate, "score">> {
  for (const start of occurrencesOf(text, quote)) {
    const end = start + quote.length;
    // Only a quote holding half a character could start or end inside a pair.
    if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) continue;
    yield { start, end, kind: "exact", similarity: 1 };
  }
}

function* normalisedCandidates(folded: FoldedText, occurrences: readonly number[], length: number): Generator<Omit<Candidate, "score">> {
  for (const start of occurrences) {
    yield { ...originalRange(folded, start, start + length), kind: "normalised", similarity: 1 - TYPOGRAPHY_PENALTY };
  }
}

/**
 * approx-string-match returns only the closest passages (those with the fewest edits). An
 * exact occurrence in the wrong place would hide every approximate one, and one close
 * passage in the wrong place the slightly less close one in the right place: so passages
 * already found are masked out (replaced with a character no quote holds) and the search
 * runs again, up to `rounds` times.
 */
function* approximateRounds(
  folded: FoldedText,
  foldedQuote: string,
  foldedOccurrences: readonly number[],
  maxErrors: number,
  rounds: number,
): Generator<Omit<Candidate, "score">[]> {
  let searched = maskRanges(folded.text, foldedOccurrences.map((start) => ({ start, end: start + foldedQuote.length })));
  for (let round = 0; round < rounds; round++) {
    const matches = closestPassages(searched, foldedQuote, maxErrors);
    if (matches.length === 0) return;
    yield approximateCandidates(folded, foldedQuote, matches);
    searched = maskRanges(searched, matches);
  }
}

/**
 * approx-string-match's closest passages, found first with a small error budget: the
 * search costs time in proportion to the budget, and most quotes are a few typos away
 * from the article. If the closest passage is within the small budget, the search with
 * the full budget would return exactly the same passages; if not, it runs.
 */
function closestPassages(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  const firstBudget = Math.min(maxErrors, FIRST_PASS_ERRORS);
  const closest = approximateSearch(text, pattern, firstBudget);
  return closest.length > 0 || firstBudget === maxErrors ? closest : approximateSearch(text, pattern, maxErrors);
}

/** U+FFFF is a noncharacter: it never occurs in a quote, so a masked unit never matches. */
function maskRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (end <= at) continue;
    const from = Math.max(at, start);
    parts.push(text.slice(at, from), "\uffff".repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

function approximateCandidates(folded: FoldedText, foldedQuote: string, matches: readonly ApproximateMatch[]): Omit<Candidate, "score">[] {
  const byRange = new Map<string, Omit<Candidate, "score">>();
  for (const match of matches) {
    // An edit at either end can take in a neighbouring space: the passage is the words.
    let { start, end } = match;
    while (start < end && folded.text.charCodeAt(start) === 0x20) start++;
    while (end > start && folded.text.charCodeAt(end - 1) === 0x20) end--;
    if (start === end) continue;
    const words = wholeWords(folded.text, start, end);
    const whole = wholeCharacters(folded, words.start, words.end);
    // Each unit taken in or left out is at most one more edit: the similarity stays an honest bound.
    const moved = Math.abs(start - words.start) + Math.abs(words.start - whole.start) + Math.abs(end - words.end) + Math.abs(words.end - whole.end);
    const errors = match.errors + moved;
    const range = originalRange(folded, whole.start, whole.end);
    const similarity = Math.max(0, 1 - TYPOGRAPHY_PENALTY - errors / foldedQuote.length);
    const key = `${range.start}:${range.end}`;
    if ((byRange.get(key)?.similarity ?? -1) < similarity) byRange.set(key, { ...range, kind: "approximate", similarity });
  }
  // In text order, so that of equal candidates the first wins.
  return [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The most edits worth searching for in a quote of `quoteLength` folded characters:
 * beyond it no candidate could reach `minScore`, even with a perfect prefix, suffix and
 * position (`contextWeight`, the weight of those of them that are known).
 */
export function approximateErrorBudget(quoteLength: number, minScore = DEFAULT_MIN_SCORE, contextWeight = 0): number {
  const lowestUsefulSimilarity = Math.min(minScore, (minScore * (WEIGHT.quote + contextWeight) - contextWeight) / WEIGHT.quote);
  const budget = Math.floor((1 - TYPOGRAPHY_PENALTY - lowestUsefulSimilarity) * quoteLength + 1e-9);
  return Math.max(0, Math.min(budget, Math.floor(quoteLength / 2), MAX_SEARCH_ERRORS));
}

type KnownContext = { prefix: string | null; suffix: string | null; hint: number | null; weight: number };

function knownContext(text: string, { prefix, suffix, hint }: QuoteContext): KnownContext {
  const foldedPrefix = prefix ? foldTypography(prefix).text : "";
  const foldedSuffix = suffix ? foldTypography(suffix).text : "";
  const knownHint = typeof hint === "number" && Number.isFinite(hint) && text.length > 0 ? hint : null;
  return {
    prefix: foldedPrefix || null,
    suffix: foldedSuffix || null,
    hint: knownHint,
    weight: WEIGHT.quote + (foldedPrefix ? WEIGHT.prefix : 0) + (foldedSuffix ? WEIGHT.suffix : 0) + (knownHint === null ? 0 : WEIGHT.position),
  };
}

function scoreCandidate(text: string, candidate: Omit<Candidate, "score">, context: KnownContext): number {
  let total = WEIGHT.quote * candidate.similarity;
  if (context.prefix) total += WEIGHT.prefix * similarity(foldedBefore(text, candidate.start, context.prefix.length), context.prefix);
  if (context.suffix) total += WEIGHT.suffix * similarity(foldedAfter(text, candidate.end, context.suffix.length), context.suffix);
  if (context.hint !== null) total += WEIGHT.position * Math.max(0, 1 - Math.abs(candidate.start - context.hint) / text.length);
  return total / context.weight;
}

/** The last `length` folded units of the text before `offset` (fewer at the start of the text). */
function foldedBefore(text: string, offset: number, length: number): string {
  // Folding shortens whitespace runs, so read more of the original than is needed.
  for (let span = length * 2; ; span *= 2) {
    const from = Math.max(0, offset - span);
    const folded = foldTypography(text.slice(from, offset)).text;
    if (folded.length >= length || from === 0) return folded.slice(-length);
  }
}

/** The first `length` folded units of the text after `offset`. */
function foldedAfter(text: string, offset: number, length: number): string {
  for (let span = length * 2; ; span *= 2) {
    const to = Math.min(text.length, offset + span);
    const folded = foldTypography(text.slice(offset, to)).text;
    if (folded.length >= length || to === text.length) return folded.slice(0, length);
  }
}

/** 0–1: how closely `expected` occurs in `actual` (1 − edits ÷ length), as Hypothesis scores context. */
function similarity(actual: string, expected: string): number {
  if (actual.length === 0) return 0;
  const [closest] = approximateSearch(actual, expected, expected.length);
  return closest ? Math.max(0, 1 - closest.errors / expected.length) : 0;
}
