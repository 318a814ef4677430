import "server-only";
import { attributionCsvRows } from "@/lib/export/attribution-rows";
import { loadClaimCsvRecords } from "@/lib/export/claim-csv-records";
import { claimCsvRow, type ClaimCsvRecord } from "@/lib/export/claim-rows";
import { claimReviewNotice, toClaimReview, SCHEMA_ORG, type ReviewContext } from "@/lib/export/claim-review";
import { ATTRIBUTION_COLUMNS, CLAIM_COLUMNS, HISTORY_COLUMNS, NOTE_COLUMNS } from "@/lib/export/columns";
import { csvLines } from "@/lib/export/csv";
import type { SqlReader } from "@/lib/db/reader";
import type { ExportRecord, ReviewRecord } from "@/lib/export/export-record";
import { loadHistoryRows, loadNoteRows, type HistoryRecord, type NoteRecord } from "@/lib/export/discussion-records";
import { historyCsvRow, noteCsvRow, type WithClaimText } from "@/lib/export/discussion-rows";
import { addIncludes, type ExportInclude } from "@/lib/export/includes";
import { loadExportRecords, loadReviewRecords } from "@/lib/export/load-records";

/**
 * The export files. Each says how to load a batch of claims and how to write the
 * opening, a batch and the closing of the file; lib/export/stream-export.ts drives them.
 */
export type ExportFormat<R = unknown> = {
  name: "claims-csv" | "attributions-csv" | "notes-csv" | "history-csv" | "claims-json" | "claims-ndjson" | "claimreview-jsonld";
  contentType: string;
  /** Base name and extension of the download: claimtrail-<base>-YYYY-MM-DD.<extension>. */
  fileBase: string;
  extension: string;
  csv: boolean;
  /** Only claims whose status is a final verdict. */
  finalVerdictsOnly: boolean;
  load(db: SqlReader, ids: readonly number[]): Promise<R[]>;
  start(): string;
  /** `written`: how many records earlier batches wrote (JSON needs it for its commas). */
  batch(records: readonly R[], written: number, context: ReviewContext): string;
  end(): string;
  /** Something the reader of this file must know, sent as a response header (ClaimReview without a publisher). */
  notice?(context: ReviewContext): string | null;
  /** The same file with more in each record (`?include=notes,history`); formats without it refuse `include`. */
  including?(include: readonly ExportInclude[]): ExportFormat<R>;
};

const CSV_TYPE = "text/csv; charset=utf-8; header=present";

export const claimsCsv: ExportFormat<ClaimCsvRecord> = {
  name: "claims-csv",
  contentType: CSV_TYPE,
  fileBase: "claims",
  extension: "csv",
  csv: true,
  finalVerdictsOnly: false,
  load: loadClaimCsvRecords,
  start: () => csvLines([CLAIM_COLUMNS]),
  batch: (records) => csvLines(records.map(claimCsvRow)),
  end: () => "",
};

export const attributionsCsv: ExportFormat<ExportRecord> = {
  name: "attributions-csv",
  contentType: CSV_TYPE,
  fileBase: "attributions",
  extension: "csv",
  csv: true,
  finalVerdictsOnly: false,
  load: loadExportRecords,
  start: () => csvLines([ATTRIBUTION_COLUMNS]),
  batch: (records) => csvLines(records.flatMap(attributionCsvRows)),
  end: () => "",
};

export const notesCsv: ExportFormat<WithClaimText<NoteRecord>> = {
  name: "notes-csv",
  contentType: CSV_TYPE,
  fileBase: "notes",
  extension: "csv",
  csv: true,
  finalVerdictsOnly: false,
  load: loadNoteRows,
  start: () => csvLines([NOTE_COLUMNS]),
  batch: (records) => csvLines(records.map(noteCsvRow)),
  end: () => "",
};

export const historyCsv: ExportFormat<WithClaimText<HistoryRecord>> = {
  name: "history-csv",
  contentType: CSV_TYPE,
  fileBase: "history",
  extension: "csv",
  csv: true,
  finalVerdictsOnly: false,
  load: loadHistoryRows,
  start: () => csvLines([HISTORY_COLUMNS]),
  batch: (records) => csvLines(records.map(historyCsvRow)),
  end: () => "",
};

const loadExportRecordsIncluding = (include: readonly ExportInclude[]) => async (db: SqlReader, ids: readonly number[]) => addIncludes(db, await loadExportRecords(db, ids), include);

/** A JSON array written one element at a time; one record per line keeps it greppable. */
const jsonItems = (items: readonly unknown[], written: number) =>
  items.map((item, index) => `${written + index === 0 ? "\n" : ",\n"}${JSON.stringify(item)}`).join("");

export const claimsJson: ExportFormat<ExportRecord> = {
  name: "claims-json",
  contentType: "application/json",
  fileBase: "claims",
  extension: "json",
  csv: false,
  finalVerdictsOnly: false,
  load: loadExportRecords,
  start: () => "[",
  batch: (records, written) => jsonItems(records, written),
  end: () => "\n]\n",
  including: (include) => ({ ...claimsJson, load: loadExportRecordsIncluding(include) }),
};

/** The same records as claims.json, one JSON object per line (JSON Lines): for large pulls, read line by line. */
export const claimsNdjson: ExportFormat<ExportRecord> = {
  name: "claims-ndjson",
  contentType: "application/x-ndjson",
  fileBase: "claims",
  extension: "ndjson",
  csv: false,
  finalVerdictsOnly: false,
  load: loadExportRecords,
  start: () => "",
  batch: (records) => records.map((record) => `${JSON.stringify(record)}\n`).join(""),
  end: () => "",
  including: (include) => ({ ...claimsNdjson, load: loadExportRecordsIncluding(include) }),
};

export const claimReviewJsonLd: ExportFormat<ReviewRecord> = {
  name: "claimreview-jsonld",
  contentType: "application/ld+json",
  fileBase: "claimreview",
  extension: "jsonld",
  csv: false,
  finalVerdictsOnly: true,
  load: loadReviewRecords,
  start: () => `{"@context":"${SCHEMA_ORG}","@graph":[`,
  batch: (records, written, context) => jsonItems(records.map((record) => toClaimReview(record, context)), written),
  end: () => "\n]}\n",
  notice: claimReviewNotice,
};

/** claimtrail-claims-2024-10-15.csv, dated with today's UTC date. */
export function exportFileName(format: Pick<ExportFormat, "fileBase" | "extension">, now: Date = new Date()): string {
  return `claimtrail-${format.fileBase}-${now.toISOString().slice(0, 10)}.${format.extension}`;
}
