import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "@/lib/export/neutralise";

/** UTF-8 byte-order mark: Excel needs it to read Cyrillic or Korean text as UTF-8. */
export const BOM = "\uFEFF";

/**
 * RFC 4180 output: comma-separated, CRLF between records, a field quoted when it holds a
 * comma, a double quote (doubled inside) or any line break. Line breaks inside a field are
 * kept as they are. Every field is neutralised against formula injection first.
 */
const OPTIONS = { record_delimiter: "\r\n", quote_record_delimiter: true, eof: true } as const;

/** One or more records as CSV text, each ending with CRLF. Cells are already strings. */
export function csvLines(records: readonly (readonly string[])[]): string {
  if (records.length === 0) return "";
  return stringify(
    records.map((record) => record.map(neutraliseCell)),
    OPTIONS,
  );
}

const CANONICAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Cell formatting shared by both CSV files: empty for null, ISO timestamps, true/false. */
export const cell = {
  text: (value: string | null | undefined): string => value ?? "",
  number: (value: number | null | undefined): string => (value === null || value === undefined ? "" : String(value)),
  boolean: (value: boolean): string => (value ? "true" : "false"),
  /** Stored timestamps are already canonical ISO strings (records.ts); anything else is re-formatted. */
  timestamp: (value: string | null | undefined): string => (!value ? "" : CANONICAL_TIMESTAMP.test(value) ? value : new Date(value).toISOString()),
};
