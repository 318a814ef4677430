import { beforeAll, describe, expect, it } from "vitest";
import { loadClaimRecords, type ClaimRecord } from "@/lib/claims/records";
import { loadClaimRows, type ClaimRow } from "@/lib/claims/table-rows";
import { sharedReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";
import { createArticle } from "@/tests/support/article-factory";

/*
 * The claim list page reads its table's rows on their own (lib/claims/table-rows.ts) rather
 * than the API's full records. The rows must say what the records say: the same claims in
 * the asked order, each name once, in the claim's attribution order.
 */

const SHARED = "The shipment crossed the border at night.";

beforeAll(async () => {
  // One claim in two articles: asserted twice by the same actor, denied, relayed through a
  // chain of two and through one of them again, so that names repeat and order matters.
  await createArticle({
    title: "Night crossing",
    outlet: "Wire A",
    publishedAt: "2024-06-20T08:00:00.000Z",
    statements: [
      { claim: SHARED, topic: "missile-transfers", actor: "Border guard", stance: "asserts", via: ["Regional paper", "Wire pool"] },
      { claim: SHARED, topic: "missile-transfers", actor: "Ministry spokesperson", stance: "denies" },
      { claim: SHARED, topic: "missile-transfers", actor: "Anonymous official", stance: "reports", via: ["Wire pool"] },
    ],
  });
  await createArticle({
    title: "Night crossing, again",
    outlet: "Wire B",
    publishedAt: "2024-06-21T08:00:00.000Z",
    statements: [
      { claim: SHARED, topic: "missile-transfers", actor: "Border guard", stance: "asserts", via: ["Second paper"] },
      { claim: SHARED, topic: "missile-transfers", actor: "Aide", stance: "asserts" },
      { claim: SHARED, topic: "missile-transfers", actor: "Ministry spokesperson", stance: "denies" },
    ],
  });
});

/** What the table showed when it was made from the full records: the rule the rows must keep. */
function fromRecord(claim: ClaimRecord): ClaimRow {
  const names = (values: string[]) => [...new Set(values)];
  return {
    id: claim.id,
    text: claim.text,
    topic: claim.topic.label,
    status: { label: claim.status.label, colour: claim.status.colour },
    contested: claim.contested,
    asserted: names(claim.attributions.filter((a) => a.stance === "asserts").map((a) => a.actor.name)),
    denied: names(claim.attributions.filter((a) => a.stance === "denies").map((a) => a.actor.name)),
    via: names(claim.attributions.flatMap((a) => a.via.map((v) => v.name))),
    sources: claim.sourceCount,
    updatedAt: claim.updatedAt,
  };
}

describe("the claim table's rows", () => {
  it("say what the full records say, for every claim, in the order asked", async () => {
    const ids = (await sharedReader.all<{ id: number }>(sql`SELECT "id" FROM "Claim" ORDER BY "updatedAt" DESC, "id" DESC`)).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(10);
    const rows = await loadClaimRows(ids);
    expect(rows).toEqual((await loadClaimRecords(ids)).map(fromRecord));
    // Reversed: the rows follow the ids, not the database.
    expect((await loadClaimRows([...ids].reverse())).map((row) => row.id)).toEqual([...ids].reverse());
  });

  it("list each name once, where it first appears", async () => {
    const [shared] = await sharedReader.all<{ id: number }>(sql`SELECT "id" FROM "Claim" WHERE "text" = ${SHARED}`);
    const [row] = await loadClaimRows([shared!.id]);
    expect(row!.asserted).toEqual(["Border guard", "Aide"]);
    expect(row!.denied).toEqual(["Ministry spokesperson"]);
    expect(row!.via).toEqual(["Regional paper", "Wire pool", "Second paper"]);
    expect(row!.contested).toBe(true);
  });

  it("leave out an id with no claim, and read nothing for none", async () => {
    const [any] = await sharedReader.all<{ id: number }>(sql`SELECT "id" FROM "Claim" ORDER BY "id" LIMIT 1`);
    expect((await loadClaimRows([any!.id, 99_999_999])).map((row) => row.id)).toEqual([any!.id]);
    expect(await loadClaimRows([])).toEqual([]);
  });
});
