import { IMPORT_COLUMNS, REQUIRED_COLUMNS, isImportColumn, type ImportColumn } from "@/lib/import/columns";
import { parseRow, type ImportRow, type RowVocabulary } from "@/lib/import/parse-row";
import type { ImportProblem } from "@/lib/import/problems";
import type { CsvTable } from "@/lib/import/read-csv";

/** Header problems, and where each known column is. Unknown and repeated columns are refused. */
export function checkHeader(header: readonly string[]): { columns: Map<ImportColumn, number>; problems: ImportProblem[] } {
  const columns = new Map<ImportColumn, number>();
  const problems: ImportProblem[] = [];
  header.forEach((name, index) => {
    if (!isImportColumn(name)) {
      problems.push({ row: 1, column: name || `(column ${index + 1})`, message: `unknown column; the columns are ${IMPORT_COLUMNS.join(", ")}` });
    } else if (columns.has(name)) {
      problems.push({ row: 1, column: name, message: "appears twice in the header" });
    } else {
      columns.set(name, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) problems.push({ row: 1, column, message: "required column is missing from the header" });
  }
  return { columns, problems };
}

/**
 * The first step: the header, then each row on its own against the field rules and the
 * vocabulary (lib/import/parse-row.ts). Rows with problems are left out of `rows`.
 */
export function checkRows(table: CsvTable, vocabulary: RowVocabulary): { rows: ImportRow[]; problems: ImportProblem[] } {
  const header = checkHeader(table.header);
  const problems: ImportProblem[] = [...header.problems];
  if (table.rows.length === 0) problems.push({ row: 2, column: "", message: "the file has a header but no rows to import" });
  const rows: ImportRow[] = [];
  for (const record of table.rows) {
    if (record.cells.length !== table.header.length) {
      problems.push({ row: record.line, column: "", message: `has ${record.cells.length} cells but the header has ${table.header.length} columns (a cell with a comma, quote or line break must be in double quotes)` });
      continue;
    }
    const at = (column: ImportColumn) => {
      const index = header.columns.get(column);
      return index === undefined ? undefined : record.cells[index];
    };
    const parsed = parseRow(record.line, at, vocabulary);
    problems.push(...parsed.problems);
    if (parsed.row) rows.push(parsed.row);
  }
  return { rows, problems };
}
