import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { RANKED_IDS_KEPT } from "@/lib/claims/search/search-claims";
import { search, wholeList } from "@/tests/support/claim-search";

/*
 * A relevance-ranked search keeps its first RANKED_IDS_KEPT ids until the database changes
 * (lib/claims/search/search-claims.ts, decision 072). Every page, inside and past the kept
 * ids, must be the same slice of the ranking as the whole list read in one statement, and a
 * write must show in the very next search.
 */
const WORD = "zebrafinch";
const CLAIMS = RANKED_IDS_KEPT + 60;

beforeAll(async () => {
  const topic = await prisma.topic.findFirstOrThrow();
  const status = await prisma.status.findFirstOrThrow();
  // Different counts of the word in texts of different lengths, so that bm25 orders them by
  // more than their ids.
  const data = Array.from({ length: CLAIMS }, (_, i) => {
    const text = `${Array.from({ length: 1 + (i % 4) }, () => WORD).join(" ")} sighting number ${i}${" and more words".repeat(i % 7)}.`;
    return { text, normalizedText: text.toLowerCase(), topicId: topic.id, statusId: status.id };
  });
  await prisma.claim.createMany({ data });
}, 120_000);

const idsOf = async (queryString: string) => (await search(queryString)).items.map((item) => item.id);

describe("a ranked search's kept ids", () => {
  it("gives every page the slice of the whole ranking, inside the kept ids and past them", async () => {
    const whole = await wholeList(`q=${WORD}&sort=relevance`);
    expect(whole).toHaveLength(CLAIMS);
    const pageSize = 200;
    const lastKeptPage = RANKED_IDS_KEPT / pageSize;
    for (const page of [1, 2, lastKeptPage, lastKeptPage + 1]) {
      const result = await search(`q=${WORD}&sort=relevance&pageSize=${pageSize}&page=${page}`);
      expect(result.total).toBe(CLAIMS);
      expect(result.items.map((item) => item.id)).toEqual(whole.slice((page - 1) * pageSize, page * pageSize));
    }
    // The reverse order is a ranking of its own, kept apart.
    const reversed = await wholeList(`q=${WORD}&sort=-relevance`);
    expect(await idsOf(`q=${WORD}&sort=-relevance&pageSize=50`)).toEqual(reversed.slice(0, 50));
    expect(reversed.slice(0, 50)).not.toEqual(whole.slice(0, 50));
  });

  it("shows a write in the next search: a new best match first, a deleted one gone", async () => {
    const before = await idsOf(`q=${WORD}&sort=relevance&pageSize=50`);
    expect(await idsOf(`q=${WORD}&sort=relevance&pageSize=50`)).toEqual(before);
    const topic = await prisma.topic.findFirstOrThrow();
    const status = await prisma.status.findFirstOrThrow();
    const text = `${WORD} ${WORD} ${WORD} ${WORD} ${WORD}`;
    const best = await prisma.claim.create({ data: { text, normalizedText: text, topicId: topic.id, statusId: status.id } });
    const after = await search(`q=${WORD}&sort=relevance&pageSize=50`);
    expect(after.items[0]!.id).toBe(best.id);
    expect(after.total).toBe(CLAIMS + 1);
    await prisma.claim.delete({ where: { id: best.id } });
    const again = await search(`q=${WORD}&sort=relevance&pageSize=50`);
    expect(again.items.map((item) => item.id)).toEqual(before);
    expect(again.total).toBe(CLAIMS);
  });
});
