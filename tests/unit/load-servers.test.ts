import { describe, expect, it } from "vitest";
import { combineReadCounts, splitAcross, writerRoute } from "@/load/servers";

describe("the load test on several servers", () => {
  it("splits reader connections as evenly as they go, every connection counted once", () => {
    expect(splitAcross(50, 2)).toEqual([25, 25]);
    expect(splitAcross(11, 2)).toEqual([6, 5]);
    expect(splitAcross(10, 3)).toEqual([4, 3, 3]);
    expect(splitAcross(1, 2)).toEqual([1, 0]);
    expect(splitAcross(7, 1)).toEqual([7]);
    for (const [total, parts] of [[100, 3], [1, 4], [999, 7]] as const) {
      expect(splitAcross(total, parts).reduce((sum, n) => sum + n, 0)).toBe(total);
    }
  });

  it("has each writer read on one server and write on another, moving round, writers starting apart", () => {
    expect([0, 1, 2].map((step) => writerRoute(0, step, 2))).toEqual([
      { read: 0, write: 1 },
      { read: 1, write: 0 },
      { read: 0, write: 1 },
    ]);
    expect(writerRoute(1, 0, 2)).toEqual({ read: 1, write: 0 });
    // Every server takes first requests and writes at the same step when writers outnumber servers.
    expect(new Set([0, 1, 2].map((writer) => writerRoute(writer, 5, 3).write))).toEqual(new Set([0, 1, 2]));
    expect(writerRoute(4, 9, 1)).toEqual({ read: 0, write: 0 });
  });

  it("sums the reads of every server's autocannon, status by status", () => {
    const one = { "1xx": 0, "2xx": 90, "3xx": 0, "4xx": 4, "5xx": 1, errors: 2, timeouts: 1, statusCodeStats: { "200": { count: 90 }, "404": { count: 4 }, "503": { count: 1 } } };
    const two = { "1xx": 0, "2xx": 60, "3xx": 1, "4xx": 0, "5xx": 0, errors: 0, timeouts: 0, statusCodeStats: { "200": { count: 60 }, "304": { count: 1 } } };
    expect(combineReadCounts([one, two])).toEqual({
      "1xx": 0,
      "2xx": 150,
      "3xx": 1,
      "4xx": 4,
      "5xx": 1,
      errors: 2,
      timeouts: 1,
      statusCodeStats: { "200": { count: 150 }, "404": { count: 4 }, "503": { count: 1 }, "304": { count: 1 } },
    });
    expect(combineReadCounts([])["2xx"]).toBe(0);
  });
});
