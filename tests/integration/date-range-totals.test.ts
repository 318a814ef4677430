import { beforeAll, describe, expect, it } from "vitest";
import { broadFilters } from "@/lib/claims/search/broad-filters";
import { claimIdByText, createArticle } from "@/tests/support/article-factory";
import { parsedQuery, search, wholeList } from "@/tests/support/claim-search";

/*
 * A broad date range's total is counted as the dated claims less those the range leaves out:
 * all dates before it, all dates after it, or dates spanning it with no source inside it
 * (datedClaimsOutsideRange, lib/claims/search/filter-sql.ts). Claims of each kind, and
 * ranges with one bound and with two: the total must be the length of the list, read the
 * other way (each claim's sources collected through the IN form).
 */
const CLAIMS = {
  before: "Claim dated before the range only.",
  inside: "Claim dated inside the range only.",
  after: "Claim dated after the range only.",
  spansWithout: "Claim dated on both sides of the range, none inside.",
  spansWith: "Claim dated on both sides of the range and inside it.",
};

beforeAll(async () => {
  const article = (publishedAt: string, claims: string[]) =>
    createArticle({ title: `Dated ${publishedAt}`, publishedAt, statements: claims.map((claim) => ({ claim, topic: "dates", actor: "Date desk", stance: "asserts" as const })) });
  await article("2023-01-10T09:00:00.000Z", [CLAIMS.before, CLAIMS.spansWithout, CLAIMS.spansWith]);
  await article("2023-06-15T09:00:00.000Z", [CLAIMS.inside, CLAIMS.spansWith]);
  await article("2023-12-20T09:00:00.000Z", [CLAIMS.after, CLAIMS.spansWithout, CLAIMS.spansWith]);
});

const RANGES: [string, (keyof typeof CLAIMS)[]][] = [
  ["from=2023-03-01&to=2023-09-30", ["inside", "spansWith"]],
  ["from=2023-03-01", ["inside", "spansWith", "spansWithout", "after"]],
  ["to=2023-09-30", ["before", "spansWithout", "spansWith", "inside"]],
  ["from=2023-01-10&to=2023-01-10", ["before", "spansWithout", "spansWith"]],
  ["from=2023-12-20&to=2030-01-01", ["after", "spansWithout", "spansWith"]],
];

describe("a broad date range's total", () => {
  for (const [range, inRange] of RANGES) {
    it(`${range}: the length of its list, with each kind of claim on the right side`, async () => {
      // The range is broad here (few sources), so the total takes the counted-outside path.
      const { query, vocabulary } = await parsedQuery(range);
      expect((await broadFilters(query, vocabulary)).has("date")).toBe(true);
      const list = await wholeList(range);
      for (const [kind, text] of Object.entries(CLAIMS)) {
        expect(list.includes(await claimIdByText(text)), `${kind} in ${range}`).toBe(inRange.includes(kind as keyof typeof CLAIMS));
      }
      expect((await search(range)).total).toBe(list.length);
    });
  }
});
