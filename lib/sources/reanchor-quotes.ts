import type { Prisma } from "@/lib/generated/prisma/client";
import { reanchorQuote, type ReanchorStatus } from "@/lib/sources/reanchor-quote";

type Tx = Prisma.TransactionClient;

type QuotePlace = { quote: string; start: number | null; end: number | null };

/** What became of one quote when its source's text was set. */
export type ReanchoredQuote = {
  attributionId: number;
  claimId: number;
  status: ReanchorStatus;
  before: QuotePlace;
  /** Where the quote is now; for `not_placed`, the words kept without a place. */
  after: QuotePlace;
};

/** The quotes someone should look at: everything but those that stayed where they were or were simply found. */
export const NOTEWORTHY_STATUSES: readonly ReanchorStatus[] = ["moved", "changed", "not_placed"];

/**
 * The one place quotes follow their source's text (issue 17, item 4): when an article's
 * text is added or replaced, every quote of it is matched again in the new text with its
 * stored words, context and old offsets (lib/sources/reanchor-quote.ts) and stored as the
 * new text's exact words at their new offsets. A quote that cannot be placed keeps its
 * words with no offsets, as a quote of a source without text does, and is reported.
 * Nothing is dropped: the caller lists every outcome on the source page and in the audit
 * log. Runs inside the caller's transaction, after the new text is written.
 */
export async function reanchorSourceQuotes(tx: Tx, sourceId: number, text: string): Promise<ReanchoredQuote[]> {
  const attributions = await tx.attribution.findMany({
    where: { sourceId },
    orderBy: { id: "asc" },
    select: { id: true, claimId: true, quote: true, quotePrefix: true, quoteSuffix: true, quoteStart: true, quoteEnd: true },
  });
  const report: ReanchoredQuote[] = [];
  for (const stored of attributions) {
    const outcome = reanchorQuote(text, stored);
    const before = { quote: stored.quote, start: stored.quoteStart, end: stored.quoteEnd };
    if (outcome.status === "not_placed") {
      await tx.attribution.update({
        where: { id: stored.id },
        data: { quotePrefix: null, quoteSuffix: null, quoteStart: null, quoteEnd: null, version: { increment: stored.quoteStart === null ? 0 : 1 } },
      });
      report.push({ attributionId: stored.id, claimId: stored.claimId, status: "not_placed", before, after: { quote: stored.quote, start: null, end: null } });
      continue;
    }
    const { anchor } = outcome;
    await tx.attribution.update({ where: { id: stored.id }, data: { ...anchor, version: { increment: outcome.status === "unchanged" ? 0 : 1 } } });
    report.push({ attributionId: stored.id, claimId: stored.claimId, status: outcome.status, before, after: { quote: anchor.quote, start: anchor.quoteStart, end: anchor.quoteEnd } });
  }
  return report;
}
