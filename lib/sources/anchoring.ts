/**
 * Quote anchoring after the W3C Web Annotation model (as Hypothesis does it): a quote is
 * held both as a TextQuoteSelector (exact words plus up to 32 characters either side)
 * and a TextPositionSelector (start and end offsets). Offsets count UTF-16 code units,
 * i.e. JavaScript string indices, which is also what a browser selection reports.
 *
 * Pure functions only: this module runs on the server (checking quotes on save) and in
 * the browser (turning a selection into a quote).
 */

export const QUOTE_CONTEXT_LENGTH = 32;

export type QuoteAnchor = {
  quote: string;
  quotePrefix: string;
  quoteSuffix: string;
  quoteStart: number;
  quoteEnd: number;
};

export type AnchorProblem =
  | { kind: "out_of_range"; message: string }
  | { kind: "mismatch"; message: string; found: string }
  | { kind: "not_found"; message: string }
  | { kind: "ambiguous"; message: string; occurrences: number };

export type AnchorResult = { ok: true; anchor: QuoteAnchor } | { ok: false; problem: AnchorProblem };

/** The selectors for text[start, end). */
export function anchorAt(text: string, start: number, end: number): AnchorResult {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return {
      ok: false,
      problem: {
        kind: "out_of_range",
        message: `offsets ${start}–${end} are not a non-empty range inside the source text (0–${text.length})`,
      },
    };
  }
  // The context never splits a surrogate pair (an emoji, say): half a character is not
  // text, and cannot be stored.
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    ok: true,
    anchor: {
      quote: text.slice(start, end),
      quotePrefix: text.slice(prefixStart, start),
      quoteSuffix: text.slice(end, suffixEnd),
      quoteStart: start,
      quoteEnd: end,
    },
  };
}

/** Check that `quote` is exactly the text at [start, end): the re-check made on every save. */
export function verifyQuoteAt(text: string, quote: string, start: number, end: number): AnchorResult {
  const anchored = anchorAt(text, start, end);
  if (!anchored.ok) return anchored;
  if (anchored.anchor.quote !== quote) {
    return {
      ok: false,
      problem: {
        kind: "mismatch",
        message: `the source text at ${start}–${end} reads "${shorten(anchored.anchor.quote)}", not "${shorten(quote)}"`,
        found: anchored.anchor.quote,
      },
    };
  }
  return anchored;
}

/** All start offsets at which `quote` occurs in `text`. */
export function occurrencesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/**
 * Anchor a quote given only its words. `occurrence` (1-based) picks one of several
 * identical passages; without it an ambiguous quote is refused rather than guessed.
 */
export function findQuote(text: string, quote: string, occurrence?: number): AnchorResult {
  const starts = occurrencesOf(text, quote);
  if (starts.length === 0) {
    return { ok: false, problem: { kind: "not_found", message: `"${shorten(quote)}" does not occur in the source text` } };
  }
  if (occurrence === undefined && starts.length > 1) {
    return {
      ok: false,
      problem: {
        kind: "ambiguous",
        message: `"${shorten(quote)}" occurs ${starts.length} times in the source text; say which occurrence`,
        occurrences: starts.length,
      },
    };
  }
  const start = starts[(occurrence ?? 1) - 1];
  if (start === undefined) {
    return { ok: false, problem: { kind: "not_found", message: `"${shorten(quote)}" occurs only ${starts.length} times` } };
  }
  return anchorAt(text, start, start + quote.length);
}

/**
 * Re-anchor a stored quote against a text that may have changed: trust the position if
 * the words are still there, otherwise search using the prefix and suffix to pick the
 * right occurrence. Returns null when the quote cannot be anchored: callers flag it
 * rather than hide it.
 */
export function reanchor(text: string, stored: QuoteAnchor): QuoteAnchor | null {
  const atPosition = verifyQuoteAt(text, stored.quote, stored.quoteStart, stored.quoteEnd);
  if (atPosition.ok) return atPosition.anchor;
  const starts = occurrencesOf(text, stored.quote);
  if (starts.length === 0) return null;
  const score = (start: number) =>
    (text.slice(Math.max(0, start - stored.quotePrefix.length), start) === stored.quotePrefix ? 1 : 0) +
    (text.slice(start + stored.quote.length, start + stored.quote.length + stored.quoteSuffix.length) === stored.quoteSuffix ? 1 : 0);
  const best = starts.reduce((a, b) => (score(b) > score(a) ? b : a));
  const anchored = anchorAt(text, best, best + stored.quote.length);
  return anchored.ok ? anchored.anchor : null;
}

/** A sentence ends after . ! ? or … (and any closing quotes or brackets) before a space, or at a line break. */
const SENTENCE_END = /[.!?…]["”’)]*(?=\s|$)|\n/gu;

/**
 * The sentence(s) containing [start, end), so a quote can be shown in its context.
 * A quote that spans several sentences gets all of them.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let sentenceStart = 0;
  let sentenceEnd = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const stop = match[0] === "\n" ? match.index : match.index + match[0].length;
    if (stop <= start) sentenceStart = match.index + match[0].length;
    else if (stop >= end) {
      sentenceEnd = stop;
      break;
    }
  }
  while (sentenceStart < start && /\s/u.test(text[sentenceStart]!)) sentenceStart++;
  return { start: sentenceStart, end: sentenceEnd };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function shorten(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
