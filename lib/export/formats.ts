import "server-only";
import { attributionCsvRows } from "@/lib/export/attribution-rows";
import { loadClaimCsvRecords } from "@/lib/export/claim-csv-records";
import { claimCsvRow, type ClaimCsvRecord } from "@/lib/export/claim-rows";
import { toClaimReview, SCHEMA_ORG, type ReviewContext } from "@/lib/export/claim-review";
import { ATTRIBUTION_COLUMNS, CLAIM_COLUMNS } from "@/lib/export/columns";
import { csvLines } from "@/lib/export/csv";
import type { SqlReader } from "@/lib/db/reader";
import type { ExportRecord, ReviewRecord } from "@/lib/export/export-record";
import { loadExportRecords, loadReviewRecords } from "@/lib/export/load-records";

/**
 * The four export files. Each says how to load a batch of claims and how to write the
 * opening, a batch and the closing of the file; lib/export/stream-export.ts drives them.
 */
export type ExportFormat<R = unknown> = {
  name: "claims-csv" | "attributions-csv" | "claims-json" | "claimreview-jsonld";
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
};

/** claimtrail-claims-2024-10-15.csv, dated with today's UTC date. */
export function exportFileName(format: Pick<ExportFormat, "fileBase" | "extension">, now: Date = new Date()): string {
  return `claimtrail-${format.fileBase}-${now.toISOString().slice(0, 10)}.${format.extension}`;
}
