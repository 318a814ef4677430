import { anchorAt, type QuoteAnchor } from "@/lib/sources/anchoring";
import { matchQuote, type QuoteMatch } from "@/lib/sources/quote-matcher";

/**
 * Re-anchoring a stored quote when its source's text is added or replaced: the stored
 * words, their prefix and suffix, and their old offsets (as the position hint) go to the
 * matcher, and the outcome says what became of the quote, so that a caller can list
 * every quote that moved, changed or could not be placed (issue 17: never silently
 * dropped, never silently rewritten).
 *
 * - unchanged: the same words at the same offsets;
 * - moved: the same words, elsewhere (text was added or removed before them);
 * - placed: the same words, found for a quote that had no place yet (its source was
 *   stored without text, as imported sources are, so it has no offsets or context);
 * - changed: the passage was found but its words differ (an edit, a corrected typo,
 *   other typography); `anchor.quote` holds the new text's words;
 * - not_placed: nothing in the new text is close enough.
 *
 * `anchor` is always a fresh anchor in the new text (anchorAt): its prefix and suffix
 * may differ from the stored ones even when the quote is unchanged.
 */
export type ReanchorOutcome =
  | { status: "unchanged" | "moved" | "placed" | "changed"; anchor: QuoteAnchor; match: QuoteMatch }
  | { status: "not_placed" };

export type ReanchorStatus = ReanchorOutcome["status"];

/** A quote as stored: a quote of a source without text has no context or offsets. */
export type StoredQuote = {
  quote: string;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
};

export function reanchorQuote(text: string, stored: StoredQuote, options: { minScore?: number } = {}): ReanchorOutcome {
  const match = matchQuote(text, stored.quote, {
    prefix: stored.quotePrefix ?? undefined,
    suffix: stored.quoteSuffix ?? undefined,
    hint: stored.quoteStart ?? undefined,
    minScore: options.minScore,
  });
  if (!match) return { status: "not_placed" };
  const anchored = anchorAt(text, match.start, match.end);
  // The matcher never returns an empty or out-of-range passage; anything else is a bug here.
  if (!anchored.ok) throw new Error(`matchQuote returned an unusable range: ${anchored.problem.message}`);
  const anchor = anchored.anchor;
  if (match.exact !== stored.quote) return { status: "changed", anchor, match };
  if (stored.quoteStart === null) return { status: "placed", anchor, match };
  if (match.start !== stored.quoteStart) return { status: "moved", anchor, match };
  return { status: "unchanged", anchor, match };
}
