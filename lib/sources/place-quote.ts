import { findQuote, verifyQuoteAt, type AnchorProblem, type QuoteAnchor } from "@/lib/sources/anchoring";

/** A quote as stored: anchored in its source's text, or its words only when the source has none. */
export type StoredQuote = QuoteAnchor | { quote: string; quotePrefix: null; quoteSuffix: null; quoteStart: null; quoteEnd: null };

export type QuotePlacement =
  | { ok: true; anchor: StoredQuote }
  | { ok: false; problem: AnchorProblem | { kind: "no_text"; message: string } };

/**
 * Where a quote goes in its source: the one rule for the API, the forms and the importer.
 * With offsets, the quote must be exactly the text there; without, its words must occur
 * exactly once. A source stored without its text keeps the quote's words only; offsets
 * into it are refused (`"refuse"`, someone pointing at text that is not there) or dropped
 * (`"drop"`, an exported file re-imported where the articles are not stored).
 */
export function placeQuote(
  text: string,
  quote: string,
  offsets: { start: number; end: number } | null,
  options: { offsetsWithoutText: "refuse" | "drop" },
): QuotePlacement {
  if (text.length === 0) {
    if (offsets && options.offsetsWithoutText === "refuse") return { ok: false, problem: { kind: "no_text", message: "this source has no stored text to point into" } };
    return { ok: true, anchor: { quote, quotePrefix: null, quoteSuffix: null, quoteStart: null, quoteEnd: null } };
  }
  return offsets ? verifyQuoteAt(text, quote, offsets.start, offsets.end) : findQuote(text, quote);
}
