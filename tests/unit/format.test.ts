import { describe, expect, it } from "vitest";
import { formatCount, formatDate } from "@/lib/text/format";
import { countOf } from "@/lib/text/count-of";

describe("numbers and dates for people", () => {
  it("writes counts with thousands separators", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(1_204)).toBe("1,204");
    expect(formatCount(1_000_000)).toBe("1,000,000");
    expect(countOf(1, "claim")).toBe("1 claim");
    expect(countOf(12_345, "claim")).toBe("12,345 claims");
  });

  it("writes dates in UTC, with the time when asked, as toLocaleString did", () => {
    // Late in the day UTC: a local time zone would move it to another date.
    const late = new Date("2021-01-04T23:54:02.030Z");
    expect(formatDate(late)).toBe("4 Jan 2021");
    expect(formatDate(late, true)).toBe("4 Jan 2021, 23:54");
    for (const iso of ["2020-02-29T00:00:00.000Z", "2024-12-31T12:05:00.000Z"]) {
      const date = new Date(iso);
      expect(formatDate(date)).toBe(date.toLocaleString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }));
    }
  });
});
