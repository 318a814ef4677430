import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { loadArticle } from "@/lib/seed/load-article";
import { normalizeKey } from "@/lib/text/normalize";
import { sha256Hex } from "@/lib/text/sha256";
import { seedArticleModel } from "@/prisma/seed-data/seed-article.model";
import { seedArticleText } from "@/tests/support/seed-fixtures";

async function seedAttributions() {
  return prisma.attribution.findMany({
    include: { actor: true, source: true, claim: { include: { topic: true } }, via: { include: { actor: true }, orderBy: { position: "asc" } } },
    orderBy: { id: "asc" },
  });
}

/** Attributions of the claim whose text contains `fragment`. */
async function attributionsOf(fragment: string) {
  const all = await seedAttributions();
  const matching = all.filter((a) => a.claim.text.includes(fragment));
  if (matching.length === 0) throw new Error(`no seeded claim mentions "${fragment}"`);
  return matching;
}

describe("the seed article", () => {
  it("is stored verbatim, with its SHA-256", async () => {
    const source = await prisma.source.findFirstOrThrow();
    expect(source.text).toBe(seedArticleText);
    expect(source.textSha256).toBe(sha256Hex(seedArticleText));
  });

  it("models 12 to 20 claims with more attributions than claims", async () => {
    const claims = await prisma.claim.count();
    const attributions = await prisma.attribution.count();
    expect(claims).toBeGreaterThanOrEqual(12);
    expect(claims).toBeLessThanOrEqual(20);
    expect(attributions).toBeGreaterThan(claims);
  });

  it("anchors every quote exactly: the text at its offsets is the quote, with matching prefix and suffix", async () => {
    const attributions = await seedAttributions();
    expect(attributions.length).toBeGreaterThan(0);
    for (const a of attributions) {
      const text = a.source.text;
      expect(a.quoteStart, `attribution ${a.id}`).not.toBeNull();
      const start = a.quoteStart!;
      const end = a.quoteEnd!;
      expect(text.slice(start, end), `attribution ${a.id}`).toBe(a.quote);
      expect(a.quotePrefix).toBe(text.slice(Math.max(0, start - 32), start));
      expect(a.quoteSuffix).toBe(text.slice(end, end + 32));
      expect(a.quotePrefix!.length).toBe(Math.min(32, start));
    }
  });

  it("covers the photo caption's facts", async () => {
    const [caption] = await attributionsOf("Pyongyang on 19 June 2024");
    expect(caption?.actor.name).toBe("Associated Press");
    expect(caption?.quote).toContain("Wednesday, June 19, 2024");
  });

  it("has the troop-deaths claim asserted by reports from Kyiv and denied by Peskov as fake news", async () => {
    const troops = await attributionsOf("Six North Korean soldiers");
    expect(troops[0]?.claim.topic.key).toBe("troop-deaths");
    const asserts = troops.filter((a) => a.stance === "asserts");
    const denies = troops.filter((a) => a.stance === "denies");
    expect(asserts.map((a) => [a.actor.name, a.actor.kind, a.sourcing])).toEqual([["Reports from Kyiv", "unnamed_source", "unnamed"]]);
    expect(denies.map((a) => [a.actor.name, a.verb])).toEqual([["Dmitry Peskov", "denounced as fake news"]]);
    expect(denies[0]?.quote).toContain("fake news");
  });

  it("has the missile claim asserted by the US and denied by both Russia and North Korea", async () => {
    const missiles = await attributionsOf("ballistic missiles");
    expect(missiles[0]?.claim.topic.key).toBe("missile-transfers");
    expect(missiles.filter((a) => a.stance === "asserts").map((a) => a.actor.name)).toEqual(["United States"]);
    expect(missiles.filter((a) => a.stance === "denies").map((a) => a.actor.name).sort()).toEqual(["North Korea", "Russia"]);
    expect(missiles.find((a) => a.actor.name === "United States")?.verb).toBe("claims");
  });

  it("routes every Peskov statement except the bare denial through Reuters, and every Rudenko one through TASS", async () => {
    const all = await seedAttributions();
    const viaNames = (a: (typeof all)[number]) => a.via.map((v) => v.actor.name);
    const peskovQuoted = all.filter((a) => a.actor.name === "Dmitry Peskov" && a.stance !== "denies");
    expect(peskovQuoted.length).toBeGreaterThanOrEqual(3);
    for (const a of peskovQuoted) expect(viaNames(a)).toEqual(["Reuters"]);
    const rudenko = all.filter((a) => a.actor.name === "Andrei Rudenko");
    expect(rudenko.length).toBeGreaterThanOrEqual(3);
    for (const a of rudenko) expect(viaNames(a)).toEqual(["TASS"]);
  });

  it("has Rudenko citing Article 4 on mutual military assistance, and Peskov declining to clarify it", async () => {
    const article4 = await attributionsOf("Article 4");
    expect(article4[0]?.claim.topic.key).toBe("treaty-article-4");
    const rudenko = article4.find((a) => a.actor.name === "Andrei Rudenko");
    expect(rudenko?.stance).toBe("asserts");
    expect(rudenko?.quote).toContain("including military assistance");
    expect(article4.find((a) => a.actor.name === "Dmitry Peskov")?.stance).toBe("declines_to_clarify");
  });

  it("attributes what the article says in its own voice to the outlet", async () => {
    const roads = await attributionsOf("blew up sections of the roads");
    expect(roads.map((a) => [a.actor.name, a.actor.kind])).toEqual([["HuffPost UK", "news_outlet"]]);
  });

  it("has Zelenskyy alleging that North Korea sent personnel", async () => {
    const [personnel] = await attributionsOf("sending personnel");
    expect([personnel?.actor.name, personnel?.verb, personnel?.actorRole]).toEqual(["Volodymyr Zelenskyy", "alleged", "Ukrainian president"]);
  });

  it("keeps the article's own words, typos included", async () => {
    const flynn = await attributionsOf("battlefield feedback");
    expect(flynn.some((a) => a.quote.includes("would given North Korean soldiers"))).toBe(true);
  });

  it("stores actor names uniquely after normalising case and spacing", async () => {
    const actors = await prisma.actor.findMany();
    expect(new Set(actors.map((a) => normalizeKey(a.name))).size).toBe(actors.length);
    for (const actor of actors) expect(actor.normalizedName).toBe(normalizeKey(actor.name));
  });

  it("starts every claim unreviewed", async () => {
    const statuses = await prisma.claim.findMany({ select: { status: { select: { key: true } } } });
    expect(new Set(statuses.map((c) => c.status.key))).toEqual(new Set(["unreviewed"]));
  });

  it("is idempotent: loading the article again changes nothing", async () => {
    const before = [await prisma.claim.count(), await prisma.attribution.count(), await prisma.actor.count(), await prisma.source.count()];
    const again = await loadArticle(prisma, seedArticleText, seedArticleModel);
    expect(again.created).toBe(false);
    const after = [await prisma.claim.count(), await prisma.attribution.count(), await prisma.actor.count(), await prisma.source.count()];
    expect(after).toEqual(before);
  });

  it("refuses a model whose quote is not in the text, writing nothing", async () => {
    const before = await prisma.source.count();
    const broken = {
      ...seedArticleModel,
      source: { ...seedArticleModel.source, title: "A different title" },
      claims: [{ text: "Made up.", topic: "troop-deaths", attributions: [{ actor: "Reuters", stance: "asserts" as const, quote: "words that are not there" }] }],
    };
    await expect(loadArticle(prisma, seedArticleText, broken)).rejects.toThrow(/does not occur/);
    expect(await prisma.source.count()).toBe(before);
  });
});
