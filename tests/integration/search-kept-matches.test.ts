import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { sharedReader } from "@/lib/db/reader";
import { join, sql, type Sql } from "@/lib/db/sql";
import { KEPT_ID_TABLES } from "@/lib/db/sqlite-kept-ids";
import { broadFilters } from "@/lib/claims/search/broad-filters";
import { fullTextClaimIds } from "@/lib/claims/search/full-text";
import { createArticle } from "@/tests/support/article-factory";
import { parsedQuery, search, wholeList } from "@/tests/support/claim-search";

/*
 * A broad search in a list sorted by anything but relevance reads its matches from a set
 * the SQLite reader keeps in a temporary table until the database changes (decision 076,
 * lib/db/sqlite-kept-ids.ts). Every page must be the slice of the whole list read straight
 * from the search index, a write must show in the very next page, and more searches than
 * the reader keeps must each still get their own matches.
 */
const WORD = "quillwort";
/** Words every claim with WORD also holds: more broad searches than the reader keeps sets. */
const OTHER_WORDS = Array.from({ length: KEPT_ID_TABLES + 2 }, (_, i) => `fernmoss${String.fromCharCode(97 + i)}`);
const MATCHING = 150;
const NOT_MATCHING = 30;

beforeAll(async () => {
  // Claims from articles, so that the sorts by sources and by publication have values to order by.
  for (let article = 0; article < 3; article++) {
    await createArticle({
      title: `Kept matches ${article}`,
      publishedAt: `2024-0${article + 2}-10T09:00:00.000Z`,
      statements: Array.from({ length: 4 }, (_, n) => ({
        claim: `${n % 2 === 0 ? "Shared" : `Own ${article}`} ${WORD} sighting ${n} ${OTHER_WORDS.join(" ")}.`,
        topic: n % 2 === 0 ? "wetlands" : "moors",
        actor: `Botanist ${n}`,
        stance: "asserts" as const,
      })),
    });
  }
  const statuses = await prisma.status.findMany();
  const topics = await prisma.topic.findMany();
  const data = Array.from({ length: MATCHING + NOT_MATCHING }, (_, i) => {
    // Texts whose order differs from their ids, some matching and some not.
    const text = i < MATCHING ? `${String.fromCharCode(122 - (i % 26))} ${WORD} note ${i} ${OTHER_WORDS.join(" ")}.` : `Unrelated note ${i}.`;
    return { text, normalizedText: text.toLowerCase(), statusId: statuses[i % statuses.length]!.id, topicId: topics[i % topics.length]!.id };
  });
  await prisma.claim.createMany({ data });
}, 120_000);

const SORTS = ["claim", "-claim", "sources", "-sources", "published", "-published", "updated", "status", "-topic"];

/** The page of `queryString` as the list reads it, checked against the whole list read straight from the search index. */
async function expectPagesOfWholeList(queryString: string, pageSize: number) {
  const whole = await wholeList(queryString);
  const pages = Math.max(1, Math.ceil(whole.length / pageSize));
  for (const page of new Set([1, Math.ceil(pages / 2), pages])) {
    const result = await search(`${queryString}&pageSize=${pageSize}&page=${page}`);
    expect(result.total, `${queryString} page ${page}`).toBe(whole.length);
    expect(
      result.items.map((item) => item.id),
      `${queryString} page ${page}`,
    ).toEqual(whole.slice((page - 1) * pageSize, page * pageSize));
  }
  return whole;
}

describe("a broad search's kept matches", () => {
  it("is broad here, so that its pages read the kept set", async () => {
    const { query, vocabulary } = await parsedQuery(`q=${WORD}&sort=claim`);
    expect((await broadFilters(query, vocabulary)).has("search")).toBe(true);
    expect(sharedReader.keptIds, "the SQLite reader keeps sets").toBeDefined();
  });

  it("gives the first, middle and last page of every sort as the slice of the whole list, asked twice", async () => {
    for (const sort of SORTS) {
      const whole = await expectPagesOfWholeList(`q=${WORD}&sort=${sort}`, 20);
      expect(whole.length).toBe(await prisma.claim.count({ where: { text: { contains: WORD } } }));
      expect(whole.length).toBeGreaterThan(MATCHING);
      // Again, now from the kept set.
      await expectPagesOfWholeList(`q=${WORD}&sort=${sort}`, 20);
      await expectPagesOfWholeList(`q=${WORD}&sort=${sort}&status=unreviewed`, 10);
    }
  });

  it("shows a write in the next page: a new match, a match that no longer matches, a deleted one", async () => {
    const first = await search(`q=${WORD}&sort=claim&pageSize=5`);
    const topic = await prisma.topic.findFirstOrThrow();
    const status = await prisma.status.findFirstOrThrow();
    const text = `0 ${WORD}, first of all in the order of texts.`;
    const added = await prisma.claim.create({ data: { text, normalizedText: text.toLowerCase(), topicId: topic.id, statusId: status.id } });
    const withNew = await search(`q=${WORD}&sort=claim&pageSize=5`);
    expect(withNew.total).toBe(first.total + 1);
    expect(withNew.items[0]!.id).toBe(added.id);
    await prisma.claim.update({ where: { id: added.id }, data: { text: "0 no longer a match.", normalizedText: "0 no longer a match." } });
    const changed = await search(`q=${WORD}&sort=claim&pageSize=5`);
    expect(changed.total).toBe(first.total);
    expect(changed.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    const gone = first.items[0]!.id;
    await prisma.claim.delete({ where: { id: gone } });
    const afterDelete = await search(`q=${WORD}&sort=claim&pageSize=5`);
    expect(afterDelete.total).toBe(first.total - 1);
    expect(afterDelete.items.map((item) => item.id)).not.toContain(gone);
    expect(afterDelete.items.map((item) => item.id)).toEqual((await wholeList(`q=${WORD}&sort=claim`)).slice(0, 5));
  });

  it("gives each of more searches than the reader keeps its own matches, in turn and again", async () => {
    for (let round = 0; round < 2; round++) {
      for (const word of OTHER_WORDS) {
        const whole = await wholeList(`q=${word}&sort=-claim`);
        const result = await search(`q=${word}&sort=-claim&pageSize=7&page=2`);
        expect(result.total, word).toBe(whole.length);
        expect(result.items.map((item) => item.id), word).toEqual(whole.slice(7, 14));
      }
    }
  });

  it("keeps every table in use after a set that cannot be filled", async () => {
    const keptIds = sharedReader.keptIds!;
    await expect(sharedReader.all(keptIds(sql`SELECT "id" AS "claimId" FROM "Claim" WHERE "no such column" = ${1}`))).rejects.toThrow();
    // One statement naming as many sets as the reader keeps needs every table of the pool.
    const sets = OTHER_WORDS.slice(0, KEPT_ID_TABLES).map((word) => fullTextClaimIds(word)!);
    const counts = (ids: Sql[]) => sql`SELECT ${join(ids.map((set) => sql`(SELECT count(*) FROM (${set}) x)`), " + ")} AS "n"`;
    const direct = await sharedReader.one<{ n: number }>(counts(sets));
    expect(direct!.n).toBeGreaterThan(0);
    expect((await sharedReader.one<{ n: number }>(counts(sets.map((set) => keptIds(set)))))!.n).toBe(direct!.n);
  });

  it("runs a statement naming two kept sets, each from its own table", async () => {
    const keptIds = sharedReader.keptIds!;
    const [a, b] = [fullTextClaimIds(OTHER_WORDS[0]!)!, fullTextClaimIds(`${WORD} sighting`)!];
    const direct = await sharedReader.one<{ n: number }>(sql`SELECT count(*) AS "n" FROM (${a}) x WHERE x."claimId" IN (${b})`);
    const kept = await sharedReader.one<{ n: number; mark: string }>(
      sql`SELECT count(*) AS "n", '?' AS "mark" FROM (${keptIds(a)}) x WHERE x."claimId" IN (${keptIds(b)})`,
    );
    expect(direct!.n).toBeGreaterThan(0);
    expect(kept).toEqual({ n: direct!.n, mark: "?" });
  });
});
