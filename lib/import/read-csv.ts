import { CsvError, parse } from "csv-parse/sync";
import { unneutraliseCell } from "@/lib/export/neutralise";
import type { ImportProblem } from "@/lib/import/problems";

export type CsvRecord = { line: number; cells: string[] };
export type CsvTable = { header: string[]; rows: CsvRecord[] };
export type ReadResult = { ok: true; table: CsvTable } | { ok: false; problems: ImportProblem[] };

/**
 * Read a CSV file as the exports write it, or as a spreadsheet saves it: UTF-8 with or
 * without a byte-order mark, CRLF, LF or CR line ends, RFC 4180 quoting. Every cell has
 * the formula neutralising of the exports undone (lib/export/neutralise.ts). Blank lines
 * are skipped. Each record carries the line of the file it starts on (a quoted cell can
 * span lines), which is what every problem report points at.
 */
export function readCsv(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return fail(1, "the file is empty");
  const badLine = firstLineNotUtf8(bytes);
  if (badLine !== null) return fail(badLine, "the file is not UTF-8 text; save it as “CSV UTF-8” and try again");

  const lineOf = lineIndex(bytes);
  // Valid UTF-8, but UTF-16: without a byte-order mark it would be read as one odd column
  // ("required column is missing").
  if (looksLikeUtf16(bytes)) return fail(1, "the file is not UTF-8 text (it looks like UTF-16); save it as “CSV UTF-8” and try again");
  let records: { record: string[]; info: { bytes_records: number } }[];
  // Where the last good record ended: a syntax error is in the record that starts there.
  // (The error's own byte counts are not reliable across record delimiters.)
  let endOfLastRecord = 0;
  try {
    records = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ["\r\n", "\n", "\r"],
      on_record: (record, context) => {
        endOfLastRecord = context.bytes_records;
        return record;
      },
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) return fail(lineOf(skipBlankLines(bytes, endOfLastRecord)), describeCsvError(error));
    throw error;
  }

  const rows: CsvRecord[] = [];
  let start = 0;
  for (const { record, info } of records) {
    const line = lineOf(start);
    start = info.bytes_records;
    if (record.length === 1 && record[0]!.trim() === "") continue;
    rows.push({ line, cells: record.map(unneutraliseCell) });
  }
  const [header, ...body] = rows;
  if (!header) return fail(1, "the file has no header line");
  return { ok: true, table: { header: header.cells.map((name) => name.trim().toLowerCase()), rows: body } };
}

/**
 * UTF-16 without a byte-order mark: a header of ASCII column names puts a NUL beside every
 * character, at odd offsets (little-endian) or even ones (big-endian). A NUL inside a UTF-8
 * cell is a single byte and does not make that pattern.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 200) & ~1);
  if (sample.length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const half = sample.length / 2;
  return Math.max(evenNuls, oddNuls) >= half * 0.8 && Math.min(evenNuls, oddNuls) <= half * 0.2;
}

/** The offset of the first non-blank line at or after `offset`. */
function skipBlankLines(bytes: Uint8Array, offset: number): number {
  let at = offset;
  while (at < bytes.length && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at++;
  return at;
}

function fail(row: number, message: string): ReadResult {
  return { ok: false, problems: [{ row, column: "", message }] };
}

/** Line number (1-based) of a byte offset: CRLF, LF and CR each end one line. */
function lineIndex(bytes: Uint8Array): (offset: number) => number {
  const lineStarts: number[] = [0];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x0d) {
      if (bytes[i + 1] === 0x0a) i++;
      lineStarts.push(i + 1);
    } else if (byte === 0x0a) {
      lineStarts.push(i + 1);
    }
  }
  return (offset) => {
    // The last line start at or before `offset`; blank lines before a record are skipped by the caller.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

function firstLineNotUtf8(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    decoder.decode(bytes);
    return null;
  } catch {
    // Find the line for the message: decode line by line (rare path, only for bad files).
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 1;
  }
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted cell is never closed: a \" is missing";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a quoted cell has text after its closing \": write a \" inside a quoted cell as \"\"";
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return "text after a closing quote";
    default:
      return `the file is not valid CSV: ${error.message.replace(/\s*at line \d+/, "")}`;
  }
}
