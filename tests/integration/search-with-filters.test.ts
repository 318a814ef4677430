import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { dialect } from "@/lib/db/dialect";
import { orderedMatches } from "@/lib/claims/search/search-claims";
import { createArticle } from "@/tests/support/article-factory";
import { parsedQuery, search, wholeList } from "@/tests/support/claim-search";

/*
 * A relevance-ranked search with a filter that collects claim ids (a date range, an actor in
 * one role, a source): the ranked list is the search's own ranking with the other claims
 * left out, and on SQLite the filter's ids never reach FTS5 as rowid constraints, which
 * made SQLite run the MATCH again for each id (a word with a date range: 176 ms at 100k
 * claims, lib/claims/search/search-claims.ts).
 */
const FILTERS = ["from=2024-05-01", "to=2024-05-31", "from=2024-05-01&to=2024-05-02", "source=1", "actor=1&role=asserted"];

beforeAll(async () => {
  await createArticle({
    title: "Searching with filters",
    publishedAt: "2024-05-01T08:00:00.000Z",
    statements: [
      { claim: "Dated troops claim about the border.", topic: "shipping", actor: "Border guard", stance: "asserts" },
      { claim: "Troops troops troops near the border again.", topic: "strikes", actor: "Border guard", stance: "asserts" },
      { claim: "A claim about troops elsewhere.", topic: "shipping", actor: "Analysts", stance: "reports" },
    ],
  });
});

describe("a ranked search with a filter", () => {
  for (const filter of FILTERS) {
    it(`q=troops&${filter} is the search's ranking without the claims the filter leaves out`, async () => {
      const alone = await wholeList("q=troops&sort=relevance");
      const filtered = (await search(`${filter}&pageSize=200`)).items.map((item) => item.id);
      const both = await wholeList(`q=troops&sort=relevance&${filter}`);
      expect(alone.length).toBeGreaterThan(2);
      expect(both).toEqual(alone.filter((id) => filtered.includes(id)));
      if (dialect !== "sqlite") return;
      // On SQLite, the plan: FTS5 names a rowid constraint "=" at the start of its index
      // string (0:=M… instead of 0:M…). PostgreSQL has no such constraint to hand over.
      const { query, vocabulary } = await parsedQuery(`q=troops&sort=relevance&${filter}`);
      const statement = orderedMatches(query, vocabulary);
      const params = statement.params.map((value) => (typeof value === "boolean" ? Number(value) : value));
      const plan = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.text}`, ...params);
      const scans = plan.map((row) => row.detail).filter((detail) => detail.includes("VIRTUAL TABLE"));
      expect(scans.length).toBeGreaterThan(0);
      for (const scan of scans) expect(scan).not.toMatch(/INDEX \d+:=/);
    });
  }

  it("has filters that leave some of the search's claims and drop others", async () => {
    const alone = await wholeList("q=troops&sort=relevance");
    const kept = await wholeList("q=troops&sort=relevance&from=2024-05-01");
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(alone.length);
  });
});
