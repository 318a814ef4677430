import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLines } from "@/lib/export/csv";
import { readCsv } from "@/lib/import/read-csv";

const HEADER = ["first", "second", "third"];
const nasty = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.constantFrom("a,b", 'say "no"', "line\nbreak", "cr\rlf\r\n", "=1+1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "Привет, мир", "안녕하세요", "🙂👍🏽", ""),
);

describe("CSV writing (csv-stringify) and reading (csv-parse)", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says, with CRLF between records", () => {
    expect(csvLines([["a,b", 'say "no"', "two\nlines", "plain"]])).toBe('"a,b","say ""no""","two\nlines",plain\r\n');
  });

  it("neutralises formula cells in the written text", () => {
    const [record] = parse(csvLines([["=1+1", "+1", "-1", "@x", "\tx", "\rx"]])) as string[][];
    expect(record).toEqual(["'=1+1", "'+1", "'-1", "'@x", "'\tx", "'\rx"]);
  });

  it("reads back exactly what was written, whatever the cells hold", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nasty, nasty, nasty), { maxLength: 8 }), fc.boolean(), (rows, bom) => {
        // A record with one empty cell is a blank line to the reader; three cells never are.
        const text = `${bom ? "\uFEFF" : ""}${csvLines([HEADER, ...rows])}`;
        const read = readCsv(new TextEncoder().encode(text));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.table.header).toEqual(HEADER);
        expect(read.table.rows.map((row) => row.cells)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
