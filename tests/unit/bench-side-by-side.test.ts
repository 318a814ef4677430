import { describe, expect, it } from "vitest";
import { rankedByRelevance, sameAnswer } from "@/bench/lib/side-by-side";
import type { SetResult } from "@/bench/lib/query-set-run";

/* The side-by-side report of `npm run bench -- --postgres` (bench/lib/side-by-side.ts) tells a wrong answer from a search ranked by another engine. */
const result = (search: string, answer: { total: number; referenceTotal: number; sameOrder: boolean }) =>
  ({ query: { name: search, search, group: "x" }, ...answer }) as unknown as SetResult;

describe("the PostgreSQL answer next to SQLite's", () => {
  it("knows which queries are ordered by relevance", () => {
    expect(rankedByRelevance("q=grain")).toBe(true);
    expect(rankedByRelevance("q=grain&sort=-relevance")).toBe(true);
    expect(rankedByRelevance("q=grain&sort=-updated")).toBe(false);
    expect(rankedByRelevance("topic=grain-exports")).toBe(false);
  });

  it("is the same when total and page are, ranked otherwise only for a search by relevance, wrong otherwise", () => {
    const pair = (search: string, answer: { total: number; referenceTotal: number; sameOrder: boolean }) => ({ sqlite: result(search, answer), postgres: result(search, answer) });
    expect(sameAnswer(pair("topic=a", { total: 5, referenceTotal: 5, sameOrder: true }))).toBe("yes");
    expect(sameAnswer(pair("q=grain", { total: 5, referenceTotal: 5, sameOrder: false }))).toMatch(/^same total; ranked otherwise/);
    expect(sameAnswer(pair("q=grain&sort=claim", { total: 5, referenceTotal: 5, sameOrder: false }))).toBe("**page differs**");
    expect(sameAnswer(pair("q=grain", { total: 4, referenceTotal: 5, sameOrder: false }))).toBe("**no**: 4 vs 5");
  });
});
