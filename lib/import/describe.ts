import type { ImportSummary } from "@/lib/import/plan";

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** One sentence for the command line and the page: what an import did (or would do). */
export function describeSummary(summary: ImportSummary, committed: boolean): string {
  const verb = committed ? "" : "would be ";
  return [
    `${count(summary.rows, "row")} read`,
    `${count(summary.claimsToCreate, "claim")} ${verb}created, ${count(summary.claimsMatched, "existing claim")} matched, ${count(summary.statusChanges, "status change")}`,
    `${count(summary.actorsToCreate, "actor")}, ${count(summary.sourcesToCreate, "source")} and ${count(summary.topicsToCreate, "topic")} ${verb}created`,
    `${count(summary.attributionsToAdd, "attribution")} ${verb}added, ${count(summary.duplicatesSkipped, "duplicate")} skipped`,
    ...(summary.quotesWithoutOffsets > 0 ? [`${count(summary.quotesWithoutOffsets, "quote")} kept without offsets (their source has no stored text)`] : []),
    ...(summary.closeQuotesAccepted > 0 ? [`${count(summary.closeQuotesAccepted, "close quote")} ${verb}taken as the article's own words`] : []),
  ].join("; ");
}
