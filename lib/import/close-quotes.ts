import type { ImportProblem } from "@/lib/import/problems";
import type { QuoteSuggestion } from "@/lib/sources/quote-suggestion";

/**
 * A row whose quote is not the stored article's words exactly, but close to a passage of
 * it (issue 17): the quote as the file has it, the article's words offered for it, and
 * whether they were accepted (then imported in its place) or not (then the row is a
 * problem). Pure, for the server and the import page alike.
 */
export type CloseQuote = { line: number; quote: string; suggestion: QuoteSuggestion; accepted: boolean };

/** How an acceptance names a close quote: its line and the passage offered, so it never carries over to other words. */
export const closeQuoteKey = (close: { line: number; suggestion: { start: number; end: number } }) => `${close.line}:${close.suggestion.start}:${close.suggestion.end}`;

/** The problems a report has besides its close quotes not yet accepted (each is a problem on its row's quote). */
export function problemsBesideCloseQuotes(problems: readonly ImportProblem[], closeQuotes: readonly CloseQuote[]): ImportProblem[] {
  const pending = new Set(closeQuotes.filter((close) => !close.accepted).map((close) => close.line));
  return problems.filter((problem) => !(pending.has(problem.row) && (problem.column === "quote")));
}
