import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/import/read-csv";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("readCsv", () => {
  it("strips a byte-order mark, reads CRLF, and numbers records by the line they start on", () => {
    const result = readCsv(bytes('\uFEFFClaim, Topic\r\n"one\r\ntwo",a\r\n\r\nthree,b\r\n'));
    expect(result).toEqual({
      ok: true,
      table: {
        header: ["claim", "topic"],
        rows: [
          { line: 2, cells: ["one\r\ntwo", "a"] },
          { line: 5, cells: ["three", "b"] },
        ],
      },
    });
  });

  it("reads LF and CR line ends, even mixed", () => {
    const result = readCsv(bytes("a,b\n1,2\r3,4\r\n5,6"));
    expect(result.ok && result.table.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [2, "1", "2"],
      [3, "3", "4"],
      [4, "5", "6"],
    ]);
  });

  it("undoes the exports' formula neutralising in every cell", () => {
    const result = readCsv(bytes("a,b\n'=SUM(A1),''@x\n"));
    expect(result.ok && result.table.rows[0]!.cells).toEqual(["=SUM(A1)", "'@x"]);
  });

  it("reports an unclosed quote at the line where its record starts", () => {
    expect(readCsv(bytes('a,b\n1,2\n\n3,"open\nstill open\n'))).toEqual({ ok: false, problems: [{ row: 4, column: "", message: expect.stringMatching(/never closed/) }] });
  });

  it("refuses text that is not UTF-8, naming the line", () => {
    const latin1 = new Uint8Array([...bytes("a,b\n1,2\n"), 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]);
    expect(readCsv(latin1)).toEqual({ ok: false, problems: [{ row: 3, column: "", message: expect.stringMatching(/not UTF-8/) }] });
  });

  it("refuses UTF-16 without a byte-order mark as not UTF-8 (issue 11), little- and big-endian", () => {
    const text = "claim,topic,status\nA claim,diplomacy,unreviewed\n";
    const le = new Uint8Array(Buffer.from(text, "utf16le"));
    const be = new Uint8Array(Buffer.from(text, "utf16le").swap16());
    for (const file of [le, be]) {
      expect(readCsv(file)).toEqual({ ok: false, problems: [{ row: 1, column: "", message: expect.stringMatching(/not UTF-8.*UTF-16/) }] });
    }
  });

  it("refuses an empty file", () => {
    expect(readCsv(new Uint8Array())).toMatchObject({ ok: false, problems: [{ row: 1, message: "the file is empty" }] });
    expect(readCsv(bytes("\n\n"))).toMatchObject({ ok: false, problems: [{ message: "the file has no header line" }] });
  });
});
