import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CsvTable } from "@/lib/import/read-csv";
import type { ImportProblem } from "@/lib/import/problems";
import type { CloseQuote } from "@/lib/import/close-quotes";
import { anchorRow, closeQuoteAcceptance } from "@/lib/import/planning/anchor-row";
import { checkRows } from "@/lib/import/planning/check-rows";
import { deduplicateAttributions, type ResolvedRow } from "@/lib/import/planning/deduplicate";
import { findExistingRecords, findStoredAttributionKeys } from "@/lib/import/planning/existing-records";
import { createActorResolver } from "@/lib/import/planning/resolve-actors";
import { createClaimResolver } from "@/lib/import/planning/resolve-claims";
import { createSourceResolver } from "@/lib/import/planning/resolve-sources";
import type { ImportOptions, ImportPlan, ReportProblem } from "@/lib/import/planning/types";

export type { CloseQuote };
export type { ImportOptions, ImportPlan, ImportSummary, PlannedActor, PlannedAttribution, PlannedClaim, PlannedSource } from "@/lib/import/planning/types";

type Tx = Prisma.TransactionClient;

/*
 * From a read file to a plan: which claims, actors and sources exist already and which
 * the import creates, which attributions it adds and which it skips as already present.
 * Every rule that needs the database or several rows is checked, and every problem is
 * collected; nothing is written. The same plan is made for "Check" (the preview) and
 * again inside the import's transaction, so the preview is never trusted.
 *
 * The steps live in lib/import/planning/, one module each; only the two reads below touch
 * the database, so every rule is unit-tested without one (tests/unit/import-plan-steps.test.ts).
 */
export async function planImport(db: Tx, table: CsvTable, options: ImportOptions = {}): Promise<{ plan: ImportPlan; problems: ImportProblem[] }> {
  // 1. Each row on its own, against the field rules and the vocabulary.
  const [topics, statuses] = await Promise.all([
    db.topic.findMany({ select: { key: true }, orderBy: { key: "asc" } }),
    db.status.findMany({ select: { key: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
  ]);
  const vocabulary = { topicKeys: new Set(topics.map((t) => t.key)), statusKeys: new Set(statuses.map((s) => s.key)), createTopics: options.createTopics ?? false };
  const checked = checkRows(table, vocabulary);
  const problems = checked.problems;
  const report: ReportProblem = (row, column, message) => problems.push({ row, column, message });
  const topicsToCreate = [...new Set(checked.rows.map((row) => row.topic).filter((key) => !vocabulary.topicKeys.has(key)))];

  // 2. What the database holds already of what the rows name.
  const existing = await findExistingRecords(db, checked.rows);

  // 3. Each row's claim, actors, source and quote, against the stored records and the earlier rows.
  const claims = createClaimResolver(existing, report);
  const actors = createActorResolver(existing.actors, report);
  const sources = createSourceResolver(existing, report);
  const isAccepted = closeQuoteAcceptance(options);
  const closeQuotes: CloseQuote[] = [];
  const resolved: ResolvedRow[] = [];
  let quotesWithoutOffsets = 0;
  for (const row of checked.rows) {
    const claimKey = claims.resolve(row);
    const { actor, via } = actors.resolve(row);
    const source = sources.resolve(row);
    if (!claimKey || !source) continue;
    const anchored = anchorRow(row, source, isAccepted);
    if (anchored.close) closeQuotes.push(anchored.close);
    if (!anchored.ok) {
      report(row.line, anchored.column, anchored.message);
      continue;
    }
    if (source.text.length === 0 && row.quoteStart !== null) quotesWithoutOffsets++;
    resolved.push({ row, claim: claims.claims.get(claimKey)!, actor, via, source, anchor: anchored.anchor });
  }

  // 4. Rows that repeat a stored attribution, or an earlier row, are skipped.
  const claimList = [...claims.claims.values()];
  const storedKeys = await findStoredAttributionKeys(db, claimList.filter((claim) => claim.existing).map((claim) => claim.id!));
  const { attributions, duplicatesSkipped } = deduplicateAttributions(resolved, storedKeys);

  const actorList = actors.finish();
  const sourceList = [...sources.sources.values()];
  return {
    plan: {
      topicsToCreate,
      claims: claimList,
      actors: actorList,
      sources: sourceList,
      attributions,
      closeQuotes,
      summary: {
        rows: table.rows.length,
        claimsToCreate: claimList.filter((claim) => !claim.existing).length,
        claimsMatched: claimList.filter((claim) => claim.existing).length,
        statusChanges: claimList.filter((claim) => claim.existing && claim.currentStatus !== claim.status).length,
        topicsToCreate: topicsToCreate.length,
        actorsToCreate: actorList.filter((actor) => actor.existingId === null).length,
        sourcesToCreate: sourceList.filter((source) => source.existingId === null).length,
        attributionsToAdd: attributions.length,
        duplicatesSkipped,
        quotesWithoutOffsets,
        closeQuotesAccepted: closeQuotes.filter((close) => close.accepted).length,
      },
    },
    problems,
  };
}
