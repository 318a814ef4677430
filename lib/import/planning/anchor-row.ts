import { closeQuoteKey, type CloseQuote } from "@/lib/import/close-quotes";
import type { ImportColumn } from "@/lib/import/columns";
import type { ImportRow } from "@/lib/import/parse-row";
import { anchorAt } from "@/lib/sources/anchoring";
import { placeQuote } from "@/lib/sources/place-quote";
import { suggestQuote, type QuoteSuggestion } from "@/lib/sources/quote-suggestion";
import type { ImportOptions } from "./types";
import { quoted, type PlannedAnchor, type PlannedSource } from "./types";

export type AnchoredRow = ({ ok: true; anchor: PlannedAnchor } | { ok: false; column: ImportColumn; message: string }) & { close?: CloseQuote };

/** Whether a close quote is to be imported as the article's words, as the options say. */
export function closeQuoteAcceptance(options: ImportOptions): (close: Omit<CloseQuote, "accepted">) => boolean {
  if (options.acceptCloseQuotes === "all") return () => true;
  const accepted = new Set(options.acceptCloseQuotes ?? []);
  return (close) => accepted.has(closeQuoteKey(close));
}

/**
 * Where the quote sits in the source (lib/sources/place-quote.ts): exactly the text at the
 * given offsets, or (without offsets) words that occur exactly once. A quote that is
 * neither but close to a passage (lib/sources/quote-suggestion.ts) is a close quote:
 * imported as the article's words at that passage when accepted, a problem naming those
 * words when not. A source without stored text (as every source an import creates) keeps
 * the quote's words only: offsets into it are dropped, and counted in the summary.
 */
export function anchorRow(row: ImportRow, source: PlannedSource, isAccepted: (close: Omit<CloseQuote, "accepted">) => boolean): AnchoredRow {
  const offsets = row.quoteStart !== null && row.quoteEnd !== null ? { start: row.quoteStart, end: row.quoteEnd } : null;
  const placed = placeQuote(source.text, row.quote, offsets, { offsetsWithoutText: "drop" });
  if (placed.ok) return placed;
  const { problem } = placed;
  if (problem.kind === "ambiguous") return { ok: false, column: "quote_start", message: `${problem.message}: give quote_start and quote_end` };
  const refusal: { column: ImportColumn; message: string; suggestion: QuoteSuggestion | null } = offsets
    ? { column: "quote", message: `does not match the stored text of ${quoted(source.title, 60)}: ${problem.message}`, suggestion: suggestQuote(source.text, row.quote, offsets.start) }
    : { column: "quote", message: `${problem.message} of ${quoted(source.title, 60)}`, suggestion: suggestQuote(source.text, row.quote) };
  const { suggestion } = refusal;
  if (!suggestion) return { ok: false, column: refusal.column, message: refusal.message };
  const offered = { line: row.line, quote: row.quote, suggestion };
  if (!isAccepted(offered)) {
    const where = `characters ${suggestion.start}–${suggestion.end}, score ${suggestion.score}`;
    return { ok: false, column: refusal.column, message: `${refusal.message}; close to the article's words ${quoted(suggestion.exact)} (${where}): accept close quotes to import those words`, close: { ...offered, accepted: false } };
  }
  const anchored = anchorAt(source.text, suggestion.start, suggestion.end);
  if (!anchored.ok) throw new Error("unreachable: a suggestion lies inside its text");
  return { ok: true, anchor: anchored.anchor, close: { ...offered, accepted: true } };
}
