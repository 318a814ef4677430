import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell, unneutraliseCell } from "@/lib/export/neutralise";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"];

describe("formula neutralising", () => {
  it.each(TRIGGERS)("puts a single quote before a cell starting with %j", (trigger) => {
    expect(neutraliseCell(`${trigger}SUM(A1:A9)`)).toBe(`'${trigger}SUM(A1:A9)`);
  });

  it("leaves other cells alone, including ones that merely contain a trigger or start with a quote", () => {
    for (const value of ["", "plain", "a=b", " =x", "'quoted'", "'", "''", "Москва", "서울", "12", "2024-10-15T00:00:00.000Z"]) {
      expect(neutraliseCell(value)).toBe(value);
    }
  });

  it("also quotes a value that genuinely starts with quotes before a trigger, so that reading back is exact", () => {
    expect(neutraliseCell("'=1")).toBe("''=1");
    expect(neutraliseCell("''-x")).toBe("'''-x");
    expect(unneutraliseCell("''=1")).toBe("'=1");
    expect(unneutraliseCell("'=1")).toBe("=1");
    expect(unneutraliseCell("'abc")).toBe("'abc");
  });

  const withTriggers = fc
    .tuple(fc.constantFrom("", "'", "''", "'''"), fc.constantFrom("", ...TRIGGERS), fc.string({ unit: "grapheme" }))
    .map(([quotes, trigger, rest]) => `${quotes}${trigger}${rest}`);

  it("unneutralise(neutralise(x)) === x for every string", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary" }), withTriggers), (value) => unneutraliseCell(neutraliseCell(value)) === value), { numRuns: 2000 });
  });

  it("a neutralised cell never starts with a trigger character", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary" }), withTriggers), (value) => !TRIGGERS.includes(neutraliseCell(value).charAt(0))), { numRuns: 2000 });
  });
});
