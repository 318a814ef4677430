import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { actorIdByName, claimIdByText, createArticle, setStatus } from "@/tests/support/article-factory";
import { facetCount, search, texts } from "@/tests/support/claim-search";

const TROOPS = "Six North Korean soldiers have been killed on the front line in Ukraine.";
const MISSILES = "North Korea has given Russia ballistic missiles and ammunition.";
const KURSK = "North Korean troops are fighting in the Kursk region.";
const DRONES = "Drones hit an oil depot near Novorossiysk.";
const GRAIN = "Grain exports through the Black Sea have resumed.";

let autumnSource: number;
let springSource: number;

beforeAll(async () => {
  autumnSource = await createArticle({
    title: "Autumn report",
    outlet: "Kyiv Wire",
    publishedAt: "2024-10-20T08:00:00.000Z",
    statements: [
      { claim: KURSK, topic: "troop-deployment", actor: "Ukrainian military intelligence", stance: "asserts" },
      { claim: KURSK, topic: "troop-deployment", actor: "Russian defence ministry", stance: "denies", via: ["Interfax"] },
      { claim: DRONES, topic: "strikes", actor: "Regional governor", stance: "asserts", via: ["Interfax"] },
    ],
  });
  springSource = await createArticle({
    title: "Spring report",
    outlet: "Black Sea Monitor",
    publishedAt: "2023-04-02T12:00:00.000Z",
    statements: [
      { claim: GRAIN, topic: "shipping", actor: "Port authority", stance: "asserts" },
      { claim: GRAIN, topic: "shipping", actor: "Shipping analysts", stance: "reports", words: "Analysts note grain ships are sailing again, reportedly." },
      { claim: DRONES, topic: "strikes", actor: "Port authority", stance: "declines_to_clarify" },
    ],
  });
  await setStatus(KURSK, "true");
  await setStatus(GRAIN, "mostly_true");
  await setStatus(MISSILES, "false");
});

describe("full-text search", () => {
  it('finds the troop-deaths claim by the words "fake news" in its quote', async () => {
    const result = (await search("q=fake news"));
    expect(texts(result)[0]).toBe(TROOPS);
    expect(result.total).toBe(1);
  });

  it("matches word prefixes and actor aliases", async () => {
    expect(texts((await search("q=pesk")))).toContain(TROOPS);
    // "DPRK" is an alias of North Korea, a denier of the missile claim.
    expect(texts((await search("q=DPRK")))).toContain(MISSILES);
  });

  it("ranks a match in the claim text above a match only in actor names", async () => {
    const result = (await search("q=Kursk"));
    expect(texts(result)).toEqual([KURSK]);
    const interfax = (await search("q=interfax"));
    expect(new Set(texts(interfax))).toEqual(new Set([KURSK, DRONES]));
  });

  it.each([
    '"fake news',
    "fake AND OR NOT news",
    "(((peskov",
    "***",
    "NEAR(troops killed)",
    "'; DROP TABLE Claim; --",
    'claim_text:"x" OR 1=1',
    "^peskov -news +troops",
    '""""',
  ])("does not fail on FTS or SQL syntax: %s", async (q) => {
    await expect(search(`q=${encodeURIComponent(q)}`)).resolves.toBeDefined();
  });

  it("still has every table after hostile input", async () => {
    await search(`q=${encodeURIComponent("'; DROP TABLE Claim; --")}`);
    expect(await prisma.claim.count()).toBeGreaterThan(0);
  });

  it("finds nothing, rather than everything, for a search of punctuation only", async () => {
    expect((await search("q=***")).total).toBe(0);
  });
});

describe("filters", () => {
  it("contested finds the claims one actor asserts and another denies", async () => {
    const result = (await search("contested=true"));
    expect(new Set(texts(result))).toEqual(new Set([TROOPS, MISSILES, KURSK]));
    expect(texts((await search("contested=false")))).not.toContain(MISSILES);
  });

  it("actor Peskov as denier finds the troop claim and nothing he only asserted", async () => {
    const peskov = await actorIdByName("Dmitry Peskov");
    expect(texts((await search(`actor=${peskov}&role=denied`)))).toEqual([TROOPS]);
    const asserted = texts((await search(`actor=${peskov}&role=asserted`)));
    expect(asserted.length).toBeGreaterThan(0);
    expect(asserted).not.toContain(TROOPS);
  });

  it("relayed by finds claims that reached a source through the actor", async () => {
    const reuters = await actorIdByName("Reuters");
    const relayed = (await search(`actor=${reuters}&role=relayed`));
    expect(relayed.total).toBe(3);
    expect(relayed.items.every((claim) => claim.attributions.some((a) => a.via.some((v) => v.name === "Reuters")))).toBe(true);
    expect((await search(`actor=${reuters}&role=asserted`)).total).toBe(0);
  });

  it("an actor in any role includes asserting, denying and relaying", async () => {
    const interfax = await actorIdByName("Interfax");
    expect(new Set(texts((await search(`actor=${interfax}`))))).toEqual(new Set([KURSK, DRONES]));
  });

  it("status, topic and stance are multi-valued (any of the chosen values)", async () => {
    expect(new Set(texts((await search("status=true&status=false"))))).toEqual(new Set([KURSK, MISSILES]));
    expect(new Set(texts((await search("topic=strikes,shipping"))))).toEqual(new Set([DRONES, GRAIN]));
    expect(texts((await search("stance=declines_to_clarify")))).toContain(DRONES);
  });

  it("source keeps the claims quoted in the chosen sources", async () => {
    expect(new Set(texts((await search(`source=${springSource}`))))).toEqual(new Set([GRAIN, DRONES]));
    expect((await search(`source=${springSource}&source=${autumnSource}`)).total).toBe(3);
  });

  it("from and to select by the source's publication date, inclusive", async () => {
    expect(new Set(texts((await search("from=2024-01-01"))))).toEqual(new Set([KURSK, DRONES]));
    expect(new Set(texts((await search("to=2023-12-31"))))).toEqual(new Set([GRAIN, DRONES]));
    expect(texts((await search("from=2024-10-20&to=2024-10-20")))).toContain(KURSK);
    expect((await search("from=2024-10-21&to=2024-10-22")).total).toBe(0);
  });
});

describe("facet counts", () => {
  it("count each option under the other filters, ignoring the facet's own selection", async () => {
    const result = (await search("topic=troop-deployment"));
    // Topic counts ignore the topic filter: every topic is still offered with its full count.
    expect(facetCount(result, "topic", "troop-deployment")).toBe(2);
    expect(facetCount(result, "topic", "strikes")).toBe(1);
    // Status counts respect the topic filter: of the two troop-deployment claims, one is true.
    expect(facetCount(result, "status", "true")).toBe(1);
    expect(facetCount(result, "status", "unreviewed")).toBe(1);
    expect(facetCount(result, "status", "false")).toBe(0);
  });

  it("count stances and contested claims by claim, not by attribution", async () => {
    const result = (await search(""));
    const asserts = result.facets!.stance.find((o) => o.value === "asserts")!.count;
    expect(asserts).toBeLessThanOrEqual(result.total);
    expect(facetCount(result, "contested", "true")).toBe(3);
    expect(facetCount(result, "contested", "true") + facetCount(result, "contested", "false")).toBe(result.total);
  });

  it("include a selected actor even when it is not among the most frequent", async () => {
    const analysts = await actorIdByName("Shipping analysts");
    const result = (await search(`actor=${analysts}`));
    const option = result.facets!.actor.find((o) => o.value === String(analysts));
    expect(option).toMatchObject({ selected: true, count: 1, label: "Shipping analysts" });
  });

  it("agree with the totals they predict", async () => {
    const base = (await search("contested=true"));
    for (const option of base.facets!.status) {
      if (option.count === 0) continue;
      expect((await search(`contested=true&status=${option.value}`)).total, option.value).toBe(option.count);
    }
  });
});

describe("sorting and paging", () => {
  it("sorts by claim text and by number of sources", async () => {
    const byText = texts((await search("sort=claim&pageSize=200")));
    expect(byText).toEqual([...byText].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    const bySources = (await search("sort=-sources&pageSize=200")).items.map((item) => item.sourceCount);
    expect(bySources[0]).toBe(2);
    expect(bySources).toEqual([...bySources].sort((a, b) => b - a));
  });

  it("sorts by status in vocabulary order", async () => {
    const keys = (await search("sort=status&pageSize=200")).items.map((item) => item.status.key);
    expect(keys.indexOf("unreviewed")).toBeLessThan(keys.indexOf("true"));
    expect(keys.indexOf("true")).toBeLessThan(keys.indexOf("false"));
  });

  it("pages through the same order as one big page", async () => {
    const all = (await search("sort=claim&pageSize=200")).items.map((item) => item.id);
    const page2 = (await search("sort=claim&pageSize=5&page=2"));
    expect(page2.items.map((item) => item.id)).toEqual(all.slice(5, 10));
    expect(page2.total).toBe(all.length);
  });

  it("returns an empty page past the end, with the total", async () => {
    const result = (await search("pageSize=10&page=99"));
    expect(result.items).toEqual([]);
    expect(result.total).toBeGreaterThan(0);
  });

  it("combines search, facets, sort and paging", async () => {
    const interfax = await actorIdByName("Interfax");
    const result = (await search(`q=north korea&topic=troop-deployment,troop-deaths,missile-transfers&status=unreviewed,false&sort=claim&pageSize=1&page=2`));
    // unreviewed or false, in three topics, mentioning North Korea: TROOPS, MISSILES, and the personnel claim.
    expect(result.total).toBe(3);
    expect(result.items).toHaveLength(1);
    const allThree = texts((await search(`q=north korea&topic=troop-deployment,troop-deaths,missile-transfers&status=unreviewed,false&sort=claim`)));
    expect(texts(result)).toEqual([allThree[1]]);
    expect(facetCount(result, "status", "true")).toBe(1); // KURSK, under the search and topics
    expect((await search(`q=north korea&actor=${interfax}`)).total).toBe(1);
  });

  it("returns records with their attributions, actors, via-chains and anchored quotes", async () => {
    const troopsId = await claimIdByText(TROOPS);
    const [record] = (await search("q=fake news")).items;
    expect(record?.id).toBe(troopsId);
    const denial = record?.attributions.find((a) => a.stance === "denies");
    expect(denial).toMatchObject({ actor: { name: "Dmitry Peskov", kind: "person" }, verb: "denounced as fake news", via: [] });
    expect(denial?.quote.exact).toContain("fake news");
    expect(typeof denial?.quote.start).toBe("number");
  });
});
