import { describe, expect, it } from "vitest";
import { dialect } from "@/lib/db/dialect";
import { prisma } from "@/lib/db/prisma";
import { pauseSearchSync, rebuildAllClaimSearch, rebuildClaimSearch, resumeSearchSync } from "@/lib/search/rebuild";
import { search, texts } from "@/tests/support/claim-search";

/*
 * lib/search/rebuild.ts against the triggers it stands in for: after a rebuild, the search
 * documents and derived columns are exactly what the triggers had computed.
 */

type SearchState = { documents: unknown[]; derived: unknown[] };

const postgres = dialect === "postgresql";

async function state(): Promise<SearchState> {
  return {
    documents: await prisma.$queryRawUnsafe(
      postgres
        ? `SELECT "claimId" AS id, "document"::text AS document FROM "claim_search" ORDER BY "claimId"`
        : `SELECT rowid AS id, claim_text, quotes, actors FROM claim_search ORDER BY rowid`,
    ),
    derived: await prisma.$queryRawUnsafe(`SELECT "id", "contested", "sourceCount", "firstPublishedAt", "lastPublishedAt", "stances" FROM "Claim" ORDER BY "id"`),
  };
}

/** A stored timestamp in the database's own form. */
const storedTime = (day: string) => (postgres ? `'${day} 00:00:00'` : `'${day}T00:00:00.000+00:00'`);

async function spoil() {
  await prisma.$executeRawUnsafe(`DELETE FROM "claim_search"`);
  await prisma.$executeRawUnsafe(
    `UPDATE "Claim" SET "contested" = NOT "contested", "sourceCount" = "sourceCount" + 7, "firstPublishedAt" = ${storedTime("1999-01-01")}, "lastPublishedAt" = ${storedTime("1999-01-02")}, "stances" = 15 - "stances"`,
  );
}

describe("search rebuild", () => {
  it("rebuildAllClaimSearch restores what the triggers maintain", async () => {
    const expected = await state();
    await spoil();
    expect(await state()).not.toEqual(expected);
    await prisma.$transaction((tx) => rebuildAllClaimSearch(tx));
    expect(await state()).toEqual(expected);
  });

  it("rebuildClaimSearch touches only the claims it is given", async () => {
    const expected = await state();
    const [first, second, ...rest] = (await prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    await spoil();
    await prisma.$transaction((tx) => rebuildClaimSearch(tx, [first!, second!]));
    const after = await state();
    const rowsOf = (s: SearchState, ids: number[]) => (s.derived as { id: number }[]).filter((row) => ids.includes(row.id));
    expect(rowsOf(after, [first!, second!])).toEqual(rowsOf(expected, [first!, second!]));
    expect(rowsOf(after, rest)).not.toEqual(rowsOf(expected, rest));
    await prisma.$transaction((tx) => rebuildAllClaimSearch(tx));
  });

  it("with the triggers paused writes are not indexed until the rebuild", async () => {
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true, text: true } });
    await prisma.$transaction(async (tx) => {
      await pauseSearchSync(tx, "test");
      await tx.claim.update({ where: { id: claim.id }, data: { text: `${claim.text} zanzibarish` } });
      const matches = postgres
        ? `SELECT "claimId" FROM "claim_search" WHERE "document" @@ to_tsquery('simple', 'zanzibarish')`
        : `SELECT rowid FROM claim_search WHERE claim_search MATCH 'zanzibarish'`;
      expect(await tx.$queryRawUnsafe(matches)).toEqual([]);
      await rebuildClaimSearch(tx, [claim.id]);
      await resumeSearchSync(tx, "test");
    });
    expect(texts((await search("q=zanzibarish")))).toEqual([`${claim.text} zanzibarish`]);
    const [pauses] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS "n" FROM "search_sync_pause"`);
    expect(Number(pauses!.n)).toBe(0);
  });
});
