import type { CloseQuote } from "@/lib/import/close-quotes";
import type { ImportColumn } from "@/lib/import/columns";
import type { Accuracy, ActorKind, Sourcing, Stance } from "@/lib/vocabulary/terms";

/*
 * The shapes of an import plan (lib/import/plan.ts): what the import would create, match
 * and add. The steps in this folder each fill one part of it.
 */

export type ImportOptions = {
  createTopics?: boolean;
  /**
   * Close quotes to import with the article's words (issue 17): "all" (the command line's
   * --accept-close-quotes), or the keys (closeQuoteKey) of those a person accepted one by
   * one on the page. A key names the line and the passage offered, so an acceptance never
   * carries over to other words should the article change between check and import.
   */
  acceptCloseQuotes?: "all" | readonly string[];
};

export type PlannedClaim = {
  key: string;
  /** Existing claim's id, the id the file gives a new claim, or null (the database picks one). */
  id: number | null;
  existing: boolean;
  text: string;
  topic: string;
  status: string;
  statusLine: number;
  /** Existing claims: the status they have now. */
  currentStatus: string | null;
  firstLine: number;
  textKey: string;
};

export type PlannedActor = {
  key: string;
  name: string;
  kind: ActorKind | null;
  kindLine: number;
  existingId: number | null;
  /** Named as the actor of some row (not only in via chains). */
  speaks: boolean;
};

export type PlannedSource = {
  key: string;
  existingId: number | null;
  title: string;
  outlet: string;
  url: string | null;
  publishedAt: Date | null;
  publishedLine: number;
  /** The stored article text ("" for a source created by the import, which has none). */
  text: string;
  firstLine: number;
};

export type PlannedAnchor = { quote: string; quotePrefix: string | null; quoteSuffix: string | null; quoteStart: number | null; quoteEnd: number | null };

export type PlannedAttribution = {
  line: number;
  claimKey: string;
  actorKey: string;
  viaKeys: string[];
  sourceKey: string;
  stance: Stance;
  verb: string | null;
  sourcing: Sourcing;
  actorRole: string | null;
  accuracy: Accuracy;
  anchor: PlannedAnchor;
};

export type ImportSummary = {
  rows: number;
  claimsToCreate: number;
  claimsMatched: number;
  statusChanges: number;
  topicsToCreate: number;
  actorsToCreate: number;
  sourcesToCreate: number;
  attributionsToAdd: number;
  /** Rows identical to an attribution already stored (or to an earlier row): skipped. */
  duplicatesSkipped: number;
  /** Rows whose offsets were dropped because their source has no stored text to point into. */
  quotesWithoutOffsets: number;
  /** Rows whose close quote is imported as the article's words (accepted). */
  closeQuotesAccepted: number;
};

export type ImportPlan = {
  topicsToCreate: string[];
  claims: PlannedClaim[];
  actors: PlannedActor[];
  sources: PlannedSource[];
  attributions: PlannedAttribution[];
  /** Every row whose quote matched only approximately, accepted or not. */
  closeQuotes: CloseQuote[];
  summary: ImportSummary;
};

/** Where the steps put each problem they find: the file's line, the column (or "" for the whole row) and what is wrong. */
export type ReportProblem = (row: number, column: ImportColumn | "", message: string) => void;

/** A value as a problem message shows it: in quotation marks, long ones cut. */
export const quoted = (value: string, max = 80) => `“${value.length > max ? `${value.slice(0, max - 1)}…` : value}”`;
