import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { createArticle, claimIdByText } from "@/tests/support/article-factory";
import { search, texts } from "@/tests/support/claim-search";
import { STANCE_BITS } from "@/lib/claims/search/stance-bits";

/*
 * The search index and the derived claim columns are maintained by SQL triggers. These
 * tests change data through Prisma, as the app does, and check that search follows.
 */
describe("search triggers", () => {
  it("exist after migration (a table redefinition in a later migration would drop them)", async () => {
    const rows = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'change_counter_%' ORDER BY name`;
    expect(rows.map((r) => r.name)).toEqual([
      // A claim's updatedAt follows its record (migration 20261130020000_claim_changed_at, decision 044).
      "claim_changed_actor_au",
      "claim_changed_attribution_ad",
      "claim_changed_attribution_ai",
      "claim_changed_attribution_au",
      "claim_changed_note_ai",
      "claim_changed_note_au",
      "claim_changed_source_au",
      "claim_changed_via_ad",
      "claim_changed_via_ai",
      "claim_changed_via_au",
      "claim_search_actor_au",
      "claim_search_alias_ad",
      "claim_search_alias_ai",
      "claim_search_alias_au",
      "claim_search_attribution_ad",
      "claim_search_attribution_ai",
      "claim_search_attribution_au",
      "claim_search_claim_ad",
      "claim_search_claim_ai",
      "claim_search_claim_au",
      "claim_search_source_au",
      "claim_search_via_ad",
      "claim_search_via_ai",
      "search_sync_queue_ai",
    ]);
  });

  it("move the change counter on every table a reader sees, including tables added later", async () => {
    // Tables whose changes alter no answer (sessions, sign-in limits, token use) or that are bookkeeping.
    const notCounted = new Set(["ApiToken", "ChangeCounter", "_prisma_migrations", "account", "rateLimit", "session", "verification", "search_sync_pause", "search_sync_queue", "sqlite_sequence"]);
    const tables = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' AND name NOT LIKE 'claim_search%' ORDER BY name`;
    const triggers = await prisma.$queryRaw<{ name: string; table: string }[]>`SELECT name, tbl_name AS "table" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_counter_%'`;
    const counted = tables.map((t) => t.name).filter((name) => !notCounted.has(name));
    expect(counted).toEqual(expect.arrayContaining(["Claim", "Attribution", "ClaimMerge", "user"]));
    for (const table of counted) {
      expect(triggers.filter((t) => t.table === table).map((t) => t.name.slice(-2)).sort(), table).toEqual(["ad", "ai", "au"]);
    }
  });

  it("index a new claim's text, quote and actor", async () => {
    await createArticle({ statements: [{ claim: "Zeppelins were sighted over Lviv.", topic: "sightings", actor: "Ostap Quillfeather", stance: "asserts", words: "Witnesses described a silvery airship." }] });
    expect(texts((await search("q=zeppelins")))).toEqual(["Zeppelins were sighted over Lviv."]);
    expect(texts((await search("q=silvery")))).toEqual(["Zeppelins were sighted over Lviv."]);
    expect(texts((await search("q=quillfeather")))).toEqual(["Zeppelins were sighted over Lviv."]);
  });

  it("follow an edited claim text and a renamed actor", async () => {
    await createArticle({ statements: [{ claim: "A bridge was closed.", topic: "infrastructure", actor: "Mayor Brightwater", stance: "asserts", words: "Traffic stopped at the river." }] });
    const id = await claimIdByText("A bridge was closed.");
    await prisma.claim.update({ where: { id }, data: { text: "A viaduct was closed." } });
    expect((await search("q=viaduct")).items.map((c) => c.id)).toEqual([id]);
    expect((await search("q=bridge")).total).toBe(0);
    await prisma.actor.updateMany({ where: { name: "Mayor Brightwater" }, data: { name: "Mayor Darkwater" } });
    expect((await search("q=darkwater")).items.map((c) => c.id)).toEqual([id]);
    expect((await search("q=brightwater")).total).toBe(0);
  });

  it("recompute contested and source counts when attributions change, and forget deleted claims", async () => {
    await createArticle({ statements: [
      { claim: "The dam is intact.", topic: "infrastructure", actor: "Utility company", stance: "asserts" },
      { claim: "The dam is intact.", topic: "infrastructure", actor: "River watchers", stance: "denies" },
    ] });
    const id = await claimIdByText("The dam is intact.");
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).contested).toBe(true);
    await prisma.attribution.deleteMany({ where: { claimId: id, stance: "denies" } });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).contested).toBe(false);
    await createArticle({ statements: [{ claim: "The dam is intact.", topic: "infrastructure", actor: "Utility company", stance: "asserts", words: "The utility repeated that the dam holds." }] });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).sourceCount).toBe(2);
    await prisma.claim.delete({ where: { id } });
    expect((await search("q=dam")).items.map((c) => c.id)).not.toContain(id);
    const rows = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM claim_search WHERE rowid = ${id}`;
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it("keep a claim's stance bits as its attributions are added, changed and removed", async () => {
    await createArticle({ statements: [{ claim: "The ferry sank at dawn.", topic: "infrastructure", actor: "Harbour office", stance: "asserts" }] });
    const id = await claimIdByText("The ferry sank at dawn.");
    const stances = async () => (await prisma.claim.findUniqueOrThrow({ where: { id } })).stances;
    expect(await stances()).toBe(STANCE_BITS.asserts);
    await createArticle({ statements: [{ claim: "The ferry sank at dawn.", topic: "infrastructure", actor: "Ferry company", stance: "denies" }] });
    expect(await stances()).toBe(STANCE_BITS.asserts | STANCE_BITS.denies);
    await prisma.attribution.updateMany({ where: { claimId: id, stance: "asserts" }, data: { stance: "reports" } });
    expect(await stances()).toBe(STANCE_BITS.reports | STANCE_BITS.denies);
    await prisma.attribution.deleteMany({ where: { claimId: id, stance: "denies" } });
    expect(await stances()).toBe(STANCE_BITS.reports);
    expect((await search("stance=reports&q=ferry")).items.map((c) => c.id)).toContain(id);
    expect((await search("stance=denies&q=ferry")).items.map((c) => c.id)).not.toContain(id);
  });
});
