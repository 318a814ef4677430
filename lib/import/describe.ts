import type { ImportSummary } from "@/lib/import/plan";
import { countOf } from "@/lib/text/count-of";

/** One sentence for the command line and the page: what an import did (or would do). */
export function describeSummary(summary: ImportSummary, committed: boolean): string {
  const verb = committed ? "" : "would be ";
  return [
    `${countOf(summary.rows, "row")} read`,
    `${countOf(summary.claimsToCreate, "claim")} ${verb}created, ${countOf(summary.claimsMatched, "existing claim")} matched, ${countOf(summary.statusChanges, "status change")}`,
    `${countOf(summary.actorsToCreate, "actor")}, ${countOf(summary.sourcesToCreate, "source")} and ${countOf(summary.topicsToCreate, "topic")} ${verb}created`,
    `${countOf(summary.attributionsToAdd, "attribution")} ${verb}added, ${countOf(summary.duplicatesSkipped, "duplicate")} skipped`,
    ...(summary.quotesWithoutOffsets > 0 ? [`${countOf(summary.quotesWithoutOffsets, "quote")} kept without offsets (their source has no stored text)`] : []),
    ...(summary.closeQuotesAccepted > 0 ? [`${countOf(summary.closeQuotesAccepted, "close quote")} ${verb}taken as the article's own words`] : []),
  ].join("; ");
}
