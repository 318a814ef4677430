import { beforeAll, describe, expect, it } from "vitest";
import { broadFilters, CLAIMS_PASSED_PER_STANCE_CLAIM } from "@/lib/claims/search/broad-filters";
import { createArticle } from "@/tests/support/article-factory";
import { parsedQuery, search, wholeList } from "@/tests/support/claim-search";

/*
 * Which filters are walked (broad) and which collected depends, for a page after the first,
 * on how far a walk in the sort's order would go to reach it (broadFilters' walkShare): a
 * filter is walked only when collecting its claims would read more; a stance, checked on
 * the sort index's bits, while the walk passes fewer than CLAIMS_PASSED_PER_STANCE_CLAIM
 * claims per claim collected. Here each filter holds a quarter of the claims: broad for the
 * first page; a date range collected for a page that a walk reaches only after reading more
 * than a quarter of the claims, a stance still walked there on SQLite. Either way every page is the
 * matching part of the whole list.
 */
const QUARTERS = 4;
const PER_QUARTER = 6;

beforeAll(async () => {
  // Four articles of six claims, a month apart: a month's date range and the denials are each a quarter.
  for (let quarter = 0; quarter < QUARTERS; quarter++) {
    await createArticle({
      title: `Walked or collected ${quarter}`,
      publishedAt: `2024-0${quarter + 3}-04T09:00:00.000Z`,
      statements: Array.from({ length: PER_QUARTER }, (_, n) => ({
        claim: `Claim ${n} of quarter ${quarter}, walked or collected.`,
        topic: "walks",
        actor: `Speaker ${n}`,
        stance: n % QUARTERS === quarter ? ("denies" as const) : ("asserts" as const),
      })),
    });
  }
});

describe("broadFilters by page", () => {
  it("walks a filter of a quarter of the claims for the first page, and for a deep one collects a date range but, on SQLite, walks a stance", async () => {
    for (const filter of ["stance=denies", "from=2024-04-01&to=2024-04-30"]) {
      const { query, vocabulary } = await parsedQuery(filter);
      const stance = filter.startsWith("stance");
      const facet = stance ? "stance" : "date";
      expect((await broadFilters(query, vocabulary)).has(facet), `${filter}, first page`).toBe(true);
      // 90% of the claims passed is over 1 per claim in the range, under 8 per denial (a quarter of the claims).
      const walked = stance && 0.9 < 0.25 * CLAIMS_PASSED_PER_STANCE_CLAIM;
      expect((await broadFilters(query, vocabulary, undefined, 0.9)).has(facet), `${filter}, a walk over 90% of the claims`).toBe(walked);
    }
  });

  it("calls several stances broad when one of them holds more claims than a walk reads, not when only together they do", async () => {
    const claims = (await wholeList("")).length;
    const asserted = (await wholeList("stance=asserts")).length;
    const denied = (await wholeList("stance=denies")).length;
    const either = (await wholeList("stance=denies&stance=asserts")).length;
    expect(either).toBeGreaterThan(asserted);
    // broadFilters calls a stance broad past floor(claims × walkShare / CLAIMS_PASSED_PER_STANCE_CLAIM) claims.
    const walkOf = (threshold: number) => ((threshold + 0.5) * CLAIMS_PASSED_PER_STANCE_CLAIM) / claims;
    const { query, vocabulary } = await parsedQuery("stance=denies&stance=asserts");
    expect((await broadFilters(query, vocabulary, undefined, walkOf(asserted - 1))).has("stance"), "the assertions past the walk").toBe(true);
    expect((await broadFilters(query, vocabulary, undefined, walkOf(asserted))).has("stance"), "each stance within the walk, both together past it").toBe(false);
    const denials = await parsedQuery("stance=denies");
    expect((await broadFilters(denials.query, denials.vocabulary, undefined, walkOf(denied - 1))).has("stance")).toBe(true);
    expect((await broadFilters(denials.query, denials.vocabulary, undefined, walkOf(denied))).has("stance")).toBe(false);
  });

  it("gives every page of the list whichever way its filters are written", async () => {
    const filters = ["stance=denies", "stance=asserts", "from=2024-04-01&to=2024-04-30", "stance=denies&sort=claim", "stance=asserts&sort=-claim", "stance=denies&sort=status"];
    for (const filter of [...filters, ...filters.map((f) => `${f}&from=2024-03-01`)]) {
      const whole = await wholeList(filter);
      const pages: number[] = [];
      for (let page = 1; page <= Math.ceil(whole.length / 2); page++) {
        const result = await search(`${filter}&pageSize=2&page=${page}`);
        expect(result.total, `${filter} page ${page}: total`).toBe(whole.length);
        pages.push(...result.items.map((item) => item.id));
      }
      expect(pages, filter).toEqual(whole);
    }
  });
});
