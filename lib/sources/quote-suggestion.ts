import { sentenceAround } from "@/lib/sources/anchoring";
import { matchQuote } from "@/lib/sources/quote-matcher";
import { isLowSurrogate, isHighSurrogate } from "@/lib/sources/utf16";

/**
 * What Claimtrail offers when a quote is not the article's words exactly (issue 17): the
 * passage the matcher takes to be meant, as the article has it, and where. A client
 * resends `exact` (with `start` and `end`) to store it; nothing is ever stored from the
 * quote as typed. `before` and `after` are the rest of its sentence (at most
 * CONTEXT_LENGTH characters each way), so a person can see the words in context.
 *
 * Pure: no database, runs in the browser as well as on the server.
 */
export type QuoteSuggestion = {
  /** The article's own words: text.slice(start, end). */
  exact: string;
  start: number;
  end: number;
  /** 0–1, as matchQuote scores it (docs/decisions/025-quote-matching.md), to 3 decimals. */
  score: number;
  before: string;
  after: string;
};

/** How much of the sentence to show either side of the suggested words. */
export const CONTEXT_LENGTH = 120;

/**
 * The passage of `text` that `quote` most likely means, or null when nothing is close
 * enough. `hint` is where the quote was said to start (offsets that did not match):
 * of equally good passages, the nearest wins.
 */
export function suggestQuote(text: string, quote: string, hint?: number): QuoteSuggestion | null {
  const match = matchQuote(text, quote, hint === undefined ? {} : { hint });
  if (!match) return null;
  const sentence = sentenceAround(text, match.start, match.end);
  let beforeStart = Math.max(sentence.start, match.start - CONTEXT_LENGTH);
  if (isLowSurrogate(text.charCodeAt(beforeStart)) && beforeStart > sentence.start) beforeStart += 1;
  let afterEnd = Math.min(sentence.end, match.end + CONTEXT_LENGTH);
  if (isHighSurrogate(text.charCodeAt(afterEnd - 1)) && afterEnd < sentence.end) afterEnd -= 1;
  return {
    exact: match.exact,
    start: match.start,
    end: match.end,
    score: Math.round(match.score * 1000) / 1000,
    before: text.slice(beforeStart, match.start),
    after: text.slice(match.end, afterEnd),
  };
}

/** How a suggestion reads in a message: `did you mean “…” (characters 10–24)?` */
export function describeSuggestion(suggestion: Pick<QuoteSuggestion, "exact" | "start" | "end">, max = 80): string {
  const words = suggestion.exact.length > max ? `${suggestion.exact.slice(0, max - 1)}…` : suggestion.exact;
  return `did you mean “${words}” (characters ${suggestion.start}–${suggestion.end})?`;
}
