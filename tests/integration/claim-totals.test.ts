import { beforeAll, describe, expect, it } from "vitest";
import { broadFilters } from "@/lib/claims/search/broad-filters";
import type { BroadFilters } from "@/lib/claims/search/filter-sql";
import { prisma } from "@/lib/db/prisma";
import { createArticle } from "@/tests/support/article-factory";
import { parsedQuery, search, wholeList } from "@/tests/support/claim-search";
import { searchClaims } from "@/lib/claims/search/claim-page";
import { sharedReader, type SqlReader } from "@/lib/db/reader";

/*
 * A list's total is counted apart from its rows, in several ways (cached counts for one
 * filter, the intersection of claim ids read from the attribution and search indexes, or
 * a count over the claims: lib/claims/search/search-claims.ts), and the list's filters are
 * written in one of two forms by how broad they are (filter-sql.ts). Whichever way, the
 * total must be the number of claims the list holds and the list the same: checked here
 * for every actor in every role, every source, stance and topic, words, dates, and
 * combinations of them, against the whole list.
 */

const ECHO = "The pact obliges each side to send military help if the other is attacked.";

beforeAll(async () => {
  // The same actor twice on one claim (two sources, and asserting and relaying), and an
  // actor that relays in one place and reports in another: a set of claim ids read from
  // attributions holds such a claim more than once.
  for (const [title, outlet] of [["Echo one", "Wire A"], ["Echo two", "Wire B"]] as const) {
    await createArticle({
      title,
      outlet,
      publishedAt: title === "Echo one" ? "2024-06-20T08:00:00.000Z" : "2025-01-05T08:00:00.000Z",
      statements: [
        { claim: ECHO, topic: "russia-dprk-treaty", actor: "Vladimir Putin", stance: "asserts", via: ["Reuters", "Wire pool"] },
        { claim: ECHO, topic: "russia-dprk-treaty", actor: "Reuters", stance: "reports", via: ["Wire pool"] },
        { claim: "Nobody confirmed the shipment.", topic: "missile-transfers", actor: "Reuters", stance: "declines_to_clarify" },
      ],
    });
  }
});

/**
 * Every way a filter can be written (as an `IN` list, or as an `EXISTS` or on the claim's own
 * columns when broad), all alike and mixed: a list collected with another filter checked on
 * its ids before any claim row is read (search-claims.ts) is one more form, and so is a
 * status or topic beside a search, checked on its ids or on the claim's column.
 */
const FORMS: BroadFilters[] = [
  new Set(),
  new Set(["stance", "date", "actor"]),
  new Set(["stance"]),
  new Set(["actor"]),
  new Set(["date"]),
  new Set(["stance", "actor"]),
  // Beside a search, a status or topic that is not broad is checked on its ids (asIndexIds).
  new Set(["status", "topic"]),
  new Set(["status", "stance", "date"]),
];

/**
 * The length of the whole list, after checking that it names each claim once and that
 * every way of writing its filters gives the same list in the same order (which form a
 * query gets depends on the data: at this size nearly every filter is broad).
 */
async function listLength(queryString: string): Promise<number> {
  const list = (broad: BroadFilters) => wholeList(queryString, broad);
  const { query, vocabulary } = await parsedQuery(queryString);
  const ids = await list(await broadFilters(query, vocabulary));
  expect(new Set(ids).size, `the list of ${queryString} names each claim once`).toBe(ids.length);
  for (const form of FORMS) expect(await list(form), `${queryString} with broad filters ${[...form].join(", ") || "none"}`).toEqual(ids);
  return ids.length;
}

async function queries(): Promise<string[]> {
  const [actors, sources, topics, statuses] = await Promise.all([
    prisma.actor.findMany({ select: { id: true } }),
    prisma.source.findMany({ select: { id: true } }),
    prisma.topic.findMany({ select: { key: true } }),
    prisma.status.findMany({ select: { key: true } }),
  ]);
  const roles = ["any", "asserted", "denied", "declined", "relayed"];
  const single = [
    ...actors.flatMap((actor) => roles.map((role) => `actor=${actor.id}&role=${role}`)),
    ...sources.map((source) => `source=${source.id}`),
    ...["asserts", "denies", "reports", "declines_to_clarify"].map((stance) => `stance=${stance}`),
    "stance=asserts,denies",
    ...["north", "korea", "troops", "pact military", "zzzunmatched", "kim*"].map((q) => `q=${encodeURIComponent(q)}`),
    "q=korea&sort=relevance",
    "from=2024-06-01&to=2024-06-30",
    "from=2024-01-01",
    "to=2024-12-31",
  ];
  const narrowing = ["", `topic=${topics[0]!.key}`, `status=${statuses[0]!.key},${statuses.at(-1)!.key}`, "contested=true", "contested=false", "q=korea", "stance=reports", `source=${sources[0]!.id}`, "from=2024-01-01&to=2025-12-31"];
  const combined = single.flatMap((first, i) => narrowing.map((second) => [first, second].filter(Boolean).join("&")).filter((_, j) => (i + j) % 3 === 0));
  // A collected list with a filter checked by id (a broad stance) and one on the claim's own
  // columns: the claim rows are read first and the stance checked on what they leave.
  const threeKinds = [
    `actor=${actors[0]!.id}&stance=reports&contested=false`,
    `source=${sources[0]!.id}&stance=asserts,reports&status=${statuses[0]!.key}&sort=-sources`,
    `actor=${actors[1]!.id}&stance=asserts&topic=${topics[0]!.key}&sort=status`,
  ];
  return [...new Set([...single, ...combined, ...threeKinds, `actor=${actors[0]!.id},${actors[1]!.id}&role=any&q=korea&contested=false`])];
}

describe("a list's total", () => {
  it("is the number of claims in the list, for every filter and combination of filters", async () => {
    const all = await queries();
    expect(all.length).toBeGreaterThan(100);
    let nonEmpty = 0;
    for (const queryString of all) {
      const expected = await listLength(queryString);
      if (expected > 0) nonEmpty += 1;
      expect((await search(queryString)).total, queryString).toBe(expected);
    }
    // The check means something only if many of the lists are not empty.
    expect(nonEmpty).toBeGreaterThan(all.length / 3);
  });

  it("is counted in the first page's own statement where the list is collected and then sorted, and is still the list's length", async () => {
    const windowed: string[] = [];
    for (const queryString of await queries()) {
      const texts: string[] = [];
      const recording: SqlReader = {
        all: (statement) => (texts.push(statement.text), sharedReader.all(statement)),
        one: (statement) => (texts.push(statement.text), sharedReader.one(statement)),
        allUntilChanged: (statement) => (texts.push(statement.text), sharedReader.allUntilChanged(statement)),
      };
      const { query, vocabulary } = await parsedQuery(queryString);
      const page = await searchClaims(query, vocabulary, { reader: recording });
      if (!texts.some((text) => text.includes("OVER ()"))) continue;
      windowed.push(queryString);
      expect(page.total, queryString).toBe((await wholeList(queryString)).length);
      // A total counted apart (countStatement) counts the matches' ids or their claims; the
      // counts that decide which filters are broad (the claims in the database, an actor's
      // rows up to a threshold) are no such count.
      const totals = texts.filter((text) => /^\s*SELECT count\(\*\) AS "n" (FROM \(.*AS "matches"|FROM "Claim" c WHERE)/s.test(text));
      expect(totals, `${queryString}: no total counted apart`).toEqual([]);
    }
    // Narrow actors and sources with another filter take this way at this size.
    expect(windowed.length).toBeGreaterThan(5);
  });
});
