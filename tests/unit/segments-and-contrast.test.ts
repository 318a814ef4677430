import { describe, expect, it } from "vitest";
import { segmentText } from "@/lib/sources/segments";
import { contrastRatio, readableTextColour } from "@/lib/vocabulary/contrast";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";

describe("segmentText", () => {
  it("splits overlapping spans into runs that know every span covering them", () => {
    const segments = segmentText("abcdefghij", [
      { id: "outer", start: 1, end: 8 },
      { id: "inner", start: 3, end: 5 },
    ]);
    expect(segments.map((s) => [s.text, s.spanIds])).toEqual([
      ["a", []],
      ["bc", ["outer"]],
      ["de", ["outer", "inner"]],
      ["fgh", ["outer"]],
      ["ij", []],
    ]);
  });

  it("keeps the whole text and ignores spans outside it", () => {
    const segments = segmentText("short", [{ id: 1, start: 3, end: 99 }]);
    expect(segments.map((s) => s.text).join("")).toBe("short");
    expect(segments.every((s) => s.spanIds.length === 0)).toBe(true);
  });
});

describe("status badge colours", () => {
  it.each(DEFAULT_STATUSES.map((s) => [s.key, s.colour]))("%s is readable (WCAG AA, 4.5:1)", (_key, colour) => {
    expect(contrastRatio(colour, readableTextColour(colour))).toBeGreaterThanOrEqual(4.5);
  });
});
