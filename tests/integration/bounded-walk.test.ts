import { beforeAll, describe, expect, it } from "vitest";
import { loadSyntheticClaims } from "@/load/fixtures";
import { sharedReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";
import { sqliteFilePath } from "@/lib/env";
import { broadFilters } from "@/lib/claims/search/broad-filters";
import { boundedWalk, indexWalk } from "@/lib/claims/search/search-claims";
import { parsedQuery, search, wholeList } from "@/tests/support/claim-search";

/*
 * A sort on a claim column with a filter on the claim's own columns reads its page by a
 * bounded walk of the sort's index, and the usual way when the walk does not fill it
 * (boundedWalk, lib/claims/search/search-claims.ts; SQLite only). The database must hold
 * more claims than a walk reads for the second way to be taken: 3,000 synthetic claims.
 * Both ways must give the pages of the whole list.
 */
const CLAIMS = 3_000;

beforeAll(() => {
  loadSyntheticClaims(sqliteFilePath(), CLAIMS);
});

/** How many claims of the first page a bounded walk finds, or null when none is tried. */
async function walkFinds(queryString: string): Promise<number | null> {
  const { query, vocabulary } = await parsedQuery(queryString);
  const walk = boundedWalk(query, vocabulary, await broadFilters(query, vocabulary), false, query.pageSize);
  if (!walk) return null;
  return (await sharedReader.all(sql`${walk.statement} LIMIT ${query.pageSize} OFFSET 0`)).length;
}

describe("a bounded walk of the sort's index", () => {
  it("fills a page of a broad filter and falls short for a filter of a few claims", async () => {
    const [topic] = await sharedReader.all<{ key: string }>(
      sql`SELECT t."key" FROM "Topic" t JOIN "Claim" c ON c."topicId" = t."id" GROUP BY t."id" ORDER BY count(*) ASC, t."id" LIMIT 1`,
    );
    expect(await walkFinds("contested=false&sort=-claim")).toBe(50);
    expect(await walkFinds("sort=sources&contested=false")).toBe(50);
    // The least used topic's claims with a status of their own: fewer than a page, so the walk cannot fill it.
    expect(await walkFinds(`topic=${topic!.key}&status=false&sort=claim&pageSize=200`)).toBeLessThan(200);
    // A broad stance is a check on the claim's stance bits (decision 075): walked like the others.
    expect(await walkFinds("stance=denies&sort=claim")).toBe(50);
    // Not tried: a sort whose filter indexes give the order, a filter collected as ids, or no filter on the claim's columns.
    expect(await walkFinds("contested=false&sort=updated")).toBeNull();
    expect(await walkFinds("source=1&contested=false&sort=claim")).toBeNull();
    expect(await walkFinds("source=1&sort=claim")).toBeNull();
  });

  it("reads the sort's index alone, no claim row, for the filters on the claim's own columns", async () => {
    // Decision 074: each sort index holds the columns these filters check. A walk that
    // named a column the index lacks would read every claim it passes (SQLite then says
    // USING INDEX, not USING COVERING INDEX). The sort by text is on an expression, which
    // SQLite never reports as covering, so it is left out here.
    for (const queryString of [
      "contested=false&status=false&sort=-sources",
      "status=false&status=unreviewed&from=2000-01-01&sort=published",
      "stance=denies&stance=reports&contested=false&sort=-sources",
    ]) {
      const { query, vocabulary } = await parsedQuery(queryString);
      const walk = boundedWalk(query, vocabulary, await broadFilters(query, vocabulary), false, query.pageSize);
      expect(walk, queryString).not.toBeNull();
      const plan = await sharedReader.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${walk!.statement} LIMIT ${query.pageSize}`);
      const claimScans = plan.map((row) => row.detail).filter((detail) => /^SCAN c\b|^SEARCH c\b/.test(detail) && /Claim_/.test(detail));
      expect(claimScans, queryString).toHaveLength(1);
      expect(claimScans[0], queryString).toMatch(/USING COVERING INDEX/);
    }
  });

  it("walks a later page of a broad filter through the sort's own index, in its order, with no sort of its own", async () => {
    // indexWalk (decision 074): the index gives the order, NULLs of the publication sort
    // included, and holds the filter's columns. A temporary B-tree here would be the sort of
    // every match that the walk is there to avoid (6 s for a middle page at a million claims).
    for (const sort of ["claim", "-claim", "sources", "-sources", "published", "-published", "updated", "-updated"]) {
      for (const reversed of [false, true]) {
        const queryString = `contested=false&status=false&status=unreviewed&stance=reports&sort=${sort}`;
        const { query, vocabulary } = await parsedQuery(queryString);
        const broad = await broadFilters(query, vocabulary);
        expect(broad.has("stance"), queryString).toBe(true);
        const walk = indexWalk(query, vocabulary, broad, reversed);
        expect(walk, queryString).not.toBeNull();
        const plan = (await sharedReader.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${walk!} LIMIT 50 OFFSET 100`)).map((row) => row.detail);
        expect(plan, `${queryString}, reversed: ${reversed}`).toEqual([expect.stringMatching(/^SCAN c USING COVERING INDEX Claim_\w+_idx$/)]);
      }
    }
    // Not for a narrow filter's ids, a ranking, or the sorts that walk each topic or status.
    for (const queryString of ["actor=1&sort=claim", "q=the&sort=relevance", "contested=false&sort=topic"]) {
      const { query, vocabulary } = await parsedQuery(queryString);
      expect(indexWalk(query, vocabulary, new Set(), false), queryString).toBeNull();
    }
  });

  it("gives the pages of the whole list whichever way each page is read", async () => {
    const topics = await sharedReader.all<{ key: string }>(sql`SELECT t."key" FROM "Topic" t JOIN "Claim" c ON c."topicId" = t."id" GROUP BY t."id" ORDER BY count(*) DESC, t."id"`);
    const [most, least] = [topics[0]!.key, topics.at(-1)!.key];
    const filters = [
      "contested=false",
      "contested=true",
      `topic=${most}`,
      `topic=${least}&status=false`,
      "status=false&status=unreviewed",
      "from=2022-01-01&to=2024-12-31",
      "contested=true&stance=asserts",
      // Broad stances, checked on the claims' stance bits; the whole list reads the attributions.
      "stance=reports",
      "stance=denies&stance=declines_to_clarify&status=false",
    ];
    for (const filter of filters) {
      for (const sort of ["claim", "-claim", "sources", "-sources", "published", "-published", "updated", "-updated"]) {
        const queryString = `${filter}&sort=${sort}&pageSize=100`;
        const whole = await wholeList(queryString);
        const pages = Math.ceil(whole.length / 100);
        for (const page of [1, 2, Math.ceil(pages / 2), pages].filter((n, i, all) => n >= 1 && all.indexOf(n) === i)) {
          const result = await search(`${queryString}&page=${page}`);
          expect(result.total, `${queryString} total`).toBe(whole.length);
          expect(
            result.items.map((item) => item.id),
            `${queryString} page ${page}`,
          ).toEqual(whole.slice((page - 1) * 100, page * 100));
        }
      }
    }
  });
});
