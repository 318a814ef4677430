import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { dialect } from "@/lib/db/dialect";
import type { Sql } from "@/lib/db/sql";
import { parseClaimQuery } from "@/lib/claims/query/claim-query";
import { orderedMatches } from "@/lib/claims/search/search-claims";
import { loadVocabulary } from "@/lib/vocabulary/queries";
import { createArticle, setStatus } from "@/tests/support/article-factory";
import { search, wholeList } from "@/tests/support/claim-search";

/*
 * The sorts by claim, topic and status (decisions 057, 058): each is an index walk that
 * stops after the page, on both databases, and gives the order it promises — caseless
 * code-point order of the text, the vocabulary's own order of topics and statuses, ties
 * broken by claim id, everything reversed for the descending sort — on every page, with
 * or without filters.
 */
const SORTS = ["claim", "topic", "status"] as const;

type Row = { id: number; text: string; topicId: number; statusId: number; contested: boolean };
let claims: Row[];
let topicRank: Map<number, number>;
let statusRank: Map<number, number>;

beforeAll(async () => {
  // Two texts equal but for case (a tie broken by id), in topics and statuses of their own.
  await createArticle({
    title: "Sort order",
    statements: [
      { claim: "Grain ships sail again from Odesa.", topic: "shipping", actor: "Port authority", stance: "asserts" },
      { claim: "GRAIN SHIPS SAIL AGAIN FROM ODESA.", topic: "strikes", actor: "Port authority", stance: "asserts" },
      { claim: "zinc prices rose in the port.", topic: "shipping", actor: "Shipping analysts", stance: "reports" },
      { claim: "Ammunition arrived by rail.", topic: "missile-transfers", actor: "Shipping analysts", stance: "asserts" },
    ],
  });
  // Two claims more in the first and the last topic, and two in the last status, so that a
  // plan reading a whole topic or status reads more than a page of one.
  const { topics, statuses } = await loadVocabulary();
  await createArticle({
    title: "Sort order, the ends",
    statements: [topics[0]!, topics.at(-1)!].flatMap((topic) =>
      [1, 2].map((n) => ({ claim: `Claim ${n} about ${topic.label}, for the order.`, topic: topic.key, actor: "Port authority", stance: "asserts" as const })),
    ),
  });
  for (const n of [1, 2]) await setStatus(`Claim ${n} about ${topics[0]!.label}, for the order.`, statuses.at(-1)!.key);
  await setStatus("GRAIN SHIPS SAIL AGAIN FROM ODESA.", "false");
  await setStatus("zinc prices rose in the port.", "mostly_true");
  // Two vocabulary entries with the same key (decision 058): a status added with the last
  // status's sortOrder, holding the oldest claim, and a topic whose label differs from the
  // first topic's only in case, holding the second oldest. Their claims follow the entry
  // order (key, then entry id), not each other's ids: each of the two old claims comes
  // after the newer claims of the entry it ties with.
  const last = await prisma.status.findUniqueOrThrow({ where: { key: statuses.at(-1)!.key } });
  const tied = await prisma.status.create({ data: { key: "tied-with-last", label: "Tied", description: "Same sortOrder as the last status.", colour: "#777777", sortOrder: last.sortOrder, isFinal: false } });
  const [oldest, secondOldest] = await prisma.claim.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } });
  await prisma.claim.update({ where: { id: oldest!.id }, data: { statusId: tied.id } });
  const shouted = await prisma.topic.create({ data: { key: "first-topic-shouted", label: topics[0]!.label.toUpperCase() } });
  await prisma.claim.update({ where: { id: secondOldest!.id }, data: { topicId: shouted.id } });
  claims = await prisma.claim.findMany({ select: { id: true, text: true, topicId: true, statusId: true, contested: true } });
  const vocabulary = await loadVocabulary();
  topicRank = new Map(vocabulary.topics.map((topic, index) => [topic.id, index]));
  statusRank = new Map(vocabulary.statuses.map((status, index) => [status.id, index]));
});

/** SQLite's lower() changes ASCII letters only; the texts here are ASCII. */
const caselessKey = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function expectedOrder(sort: (typeof SORTS)[number], desc: boolean, rows: readonly Row[]): number[] {
  const compareKey: (a: Row, b: Row) => number =
    sort === "claim"
      ? (a, b) => byCodePoint(caselessKey(a.text), caselessKey(b.text))
      : sort === "topic"
        ? (a, b) => topicRank.get(a.topicId)! - topicRank.get(b.topicId)!
        : (a, b) => statusRank.get(a.statusId)! - statusRank.get(b.statusId)!;
  const ascending = [...rows].sort((a, b) => compareKey(a, b) || a.id - b.id).map((row) => row.id);
  return desc ? ascending.reverse() : ascending;
}

async function pagedIds(queryString: string, total: number): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; (page - 1) * 7 < total; page++) ids.push(...(await search(`${queryString}&pageSize=7&page=${page}`)).items.map((item) => item.id));
  return ids;
}

describe("the sorts by claim, topic and status", () => {
  it("have data to order: caseless ties of texts and of labels, a tie of sortOrders, several topics and statuses", async () => {
    expect(claims.length).toBeGreaterThan(10);
    expect(new Set(claims.map((row) => caselessKey(row.text))).size).toBeLessThan(claims.length);
    const { topics, statuses } = await loadVocabulary();
    expect(new Set(topics.map((topic) => caselessKey(topic.label))).size).toBeLessThan(topics.length);
    expect(statuses.at(-1)!.key).toBe("tied-with-last");
    expect(new Set(claims.map((row) => row.topicId)).size).toBeGreaterThan(2);
    expect(new Set(claims.map((row) => row.statusId)).size).toBeGreaterThan(2);
  });

  for (const sort of SORTS) {
    for (const desc of [false, true]) {
      const sortParam = `sort=${desc ? "-" : ""}${sort}`;
      it(`${sortParam} gives the promised order on every page`, async () => {
        expect(await pagedIds(sortParam, claims.length)).toEqual(expectedOrder(sort, desc, claims));
      });

      it(`${sortParam} keeps that order under a filter`, async () => {
        const notContested = claims.filter((row) => !row.contested);
        expect(await pagedIds(`${sortParam}&contested=false`, notContested.length)).toEqual(expectedOrder(sort, desc, notContested));
      });

      it(`${sortParam} is an index walk, not a sort of every match`, async () => {
        const vocabulary = await loadVocabulary();
        const parsed = parseClaimQuery(new URLSearchParams(sortParam), vocabulary);
        if (!parsed.ok) throw new Error("the query did not parse");
        const pageSize = 1;
        const statement = orderedMatches(parsed.query, vocabulary, undefined, pageSize);
        expect(await readsBeyondPage(inlined(statement), pageSize)).toEqual([]);
      });
    }
  }
});

/*
 * A page past the middle of a list is read from the far end of its order and turned round
 * (pageOfMatches, lib/claims/search/search-claims.ts). Read page by page, every sort in
 * either direction, with or without a filter or a search, must give the list the whole
 * statement gives in one read: the claims with no dated source last in both directions of
 * the sort by publication, ties broken by id.
 */
describe("every sort, read page by page from either end", () => {
  const KEYS = ["updated", "claim", "topic", "status", "sources", "published", "relevance"] as const;
  const FILTERS = ["", "contested=false", "q=korea", "stance=asserts"];

  beforeAll(async () => {
    // Claims with a dated source beside the undated ones above; two attributions with the
    // same stance on one claim (several rows per claim for a stance's EXISTS).
    await createArticle({
      title: "Sort order, dated",
      publishedAt: "2024-05-01T08:00:00.000Z",
      statements: [
        { claim: "Dated claim one about Korea.", topic: "shipping", actor: "Port authority", stance: "asserts" },
        { claim: "Dated claim one about Korea.", topic: "shipping", actor: "Shipping analysts", stance: "asserts" },
        { claim: "Dated claim two about Korea.", topic: "strikes", actor: "Port authority", stance: "reports" },
      ],
    });
  });

  it("has claims with no dated source and claims with one, for the sort by publication", async () => {
    const rows = await prisma.claim.findMany({ select: { firstPublishedAt: true } });
    expect(rows.some((row) => row.firstPublishedAt === null)).toBe(true);
    expect(rows.some((row) => row.firstPublishedAt !== null)).toBe(true);
  });

  for (const key of KEYS) {
    for (const desc of [false, true]) {
      for (const filter of FILTERS) {
        const queryString = `${filter}&sort=${desc ? "-" : ""}${key}`;
        it(`${queryString} gives the same list page by page as in one read`, async () => {
          const whole = await wholeList(queryString);
          expect(whole.length).toBeGreaterThan(7);
          expect(await pagedIds(queryString, whole.length)).toEqual(whole);
          // A page beyond the last is empty, with the same total.
          const beyond = await search(`${queryString}&pageSize=7&page=${Math.ceil(whole.length / 7) + 1}`);
          expect(beyond.items).toEqual([]);
          expect(beyond.total).toBe(whole.length);
        });
      }
    }
  }
});

/** The statement with its parameters (whole numbers here: the page's end) written in. */
function inlined(statement: Sql): string {
  const params = [...statement.params];
  expect(params.every((param) => Number.isInteger(param))).toBe(true);
  return statement.text.replace(/\?/g, () => String(params.shift()));
}

/**
 * What in the plan of the first `limit` rows of `statement` reads or sorts more than the
 * page. SQLite: a temporary B-tree for the ORDER BY (every match sorted). PostgreSQL: a
 * scan of Claim returning more than the page in one loop (run with EXPLAIN ANALYZE, with
 * sequential scans and full sorts switched off: a test database this small would rather
 * read and sort it all, so a plan still doing so is one no index could spare).
 */
async function readsBeyondPage(statement: string, limit: number): Promise<string[]> {
  if (dialect === "postgresql") {
    const [, , , explained] = await prisma.$transaction([
      prisma.$executeRawUnsafe("SET LOCAL enable_sort = off"),
      prisma.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      prisma.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off"),
      prisma.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement} LIMIT ${limit}`),
    ]);
    return planNodes(explained[0]!["QUERY PLAN"][0].Plan)
      .filter((node) => node["Relation Name"] === "Claim" && node["Actual Rows"] > limit)
      .map((node) => `${node["Node Type"]} on Claim returned ${node["Actual Rows"]} rows per loop`);
  }
  // The planner's statistics, which every start gathers (PRAGMA optimize, lib/db/migrate.ts):
  // without them SQLite takes the 9 statuses for a big table and starts from Claim.
  await prisma.$executeRawUnsafe("ANALYZE");
  const plan = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement} LIMIT ${limit}`);
  return plan.map((row) => row.detail).filter((detail) => /TEMP B-TREE/.test(detail));
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Actual Rows": number; Plans?: PlanNode[] };
const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];
