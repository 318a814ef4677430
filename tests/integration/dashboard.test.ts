import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { DASHBOARD_LIST_LENGTH, loadDashboard } from "@/lib/dashboard/queries";
import { createArticle, setStatus } from "@/tests/support/article-factory";

const TROOPS = "Six North Korean soldiers have been killed on the front line in Ukraine.";
const MISSILES = "North Korea has given Russia ballistic missiles and ammunition.";
const CANAL = "The canal will be widened next year.";
const FERRY = "The night ferry has been cancelled.";

beforeAll(async () => {
  await createArticle({
    title: "Harbour news",
    publishedAt: "2024-11-02T10:00:00.000Z",
    statements: [
      { claim: CANAL, topic: "harbour", actor: "Harbour board", stance: "asserts" },
      { claim: CANAL, topic: "harbour", actor: "Shipping union", stance: "denies", via: ["Local radio"] },
      { claim: FERRY, topic: "harbour", actor: "Ferry company", stance: "asserts" },
    ],
  });
  await setStatus(MISSILES, "false");
  await setStatus(CANAL, "in_review");
  // The most recent change of all, so it must lead the recent list; the pause keeps its
  // timestamp strictly later than the others' (they have millisecond resolution).
  await new Promise((resolve) => setTimeout(resolve, 5));
  await setStatus(TROOPS, "unverifiable");
});

describe("dashboard counts equal the database's", () => {
  it("headline totals", async () => {
    const { totals } = (await loadDashboard());
    expect(totals).toEqual({
      claims: await prisma.claim.count(),
      attributions: await prisma.attribution.count(),
      sources: await prisma.source.count(),
      actors: await prisma.actor.count(),
      contested: await prisma.claim.count({ where: { contested: true } }),
    });
    expect(totals.contested).toBe(3);
  });

  it("claims by status: every status in vocabulary order, zero counts included", async () => {
    const statuses = await prisma.status.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { _count: { select: { claims: true } } } });
    const { byStatus } = (await loadDashboard());
    expect(byStatus.map((s) => [s.key, s.count])).toEqual(statuses.map((s) => [s.key, s._count.claims]));
    expect(byStatus.find((s) => s.key === "false")?.count).toBe(1);
    expect(byStatus.find((s) => s.key === "mostly_true")?.count).toBe(0);
    expect(byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(await prisma.claim.count());
  });

  it("claims by topic: topics with claims, most claims first", async () => {
    const groups = await prisma.claim.groupBy({ by: ["topicId"], _count: { _all: true } });
    const topics = new Map((await prisma.topic.findMany()).map((topic) => [topic.id, topic.key]));
    const expected = new Map(groups.map((group) => [topics.get(group.topicId)!, group._count._all]));
    const { byTopic } = (await loadDashboard());
    expect(new Map(byTopic.map((t) => [t.key, t.count]))).toEqual(expected);
    expect(byTopic.map((t) => t.count)).toEqual([...byTopic.map((t) => t.count)].sort((a, b) => b - a));
    expect(byTopic.find((t) => t.key === "harbour")?.count).toBe(2);
  });
});

describe("dashboard lists", () => {
  it("recently changed: the newest updates first, with status", async () => {
    const expected = await prisma.claim.findMany({
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: DASHBOARD_LIST_LENGTH,
      select: { id: true, status: { select: { key: true } } },
    });
    const { recent } = (await loadDashboard());
    expect(recent.map((claim) => [claim.id, claim.status.key])).toEqual(expected.map((claim) => [claim.id, claim.status.key]));
    expect(recent[0]).toMatchObject({ text: TROOPS, status: { key: "unverifiable" } });
    expect(recent[0]!.updatedAt).toMatch(/Z$/);
  });

  it("contested: only contested claims, newest first, with who asserts and who denies", async () => {
    const expected = await prisma.claim.findMany({
      where: { contested: true },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: DASHBOARD_LIST_LENGTH,
      select: { text: true },
    });
    const { contested } = (await loadDashboard());
    expect(contested.map((claim) => claim.text)).toEqual(expected.map((claim) => claim.text));
    expect(contested.find((claim) => claim.text === MISSILES)).toMatchObject({ assertedBy: ["United States"], deniedBy: ["North Korea", "Russia"] });
    expect(contested.find((claim) => claim.text === CANAL)).toMatchObject({ assertedBy: ["Harbour board"], deniedBy: ["Shipping union"] });
  });

  it("limits both lists", async () => {
    const dashboard = (await loadDashboard({ listLength: 2 }));
    expect(dashboard.recent).toHaveLength(2);
    expect(dashboard.contested).toHaveLength(2);
  });
});

describe("an empty database", () => {
  it("has zero totals and empty lists, and still lists the statuses", async () => {
    await prisma.claim.deleteMany();
    await prisma.source.deleteMany();
    await prisma.actor.deleteMany();
    const dashboard = (await loadDashboard());
    expect(dashboard.totals).toEqual({ claims: 0, attributions: 0, sources: 0, actors: 0, contested: 0 });
    expect(dashboard.byTopic).toEqual([]);
    expect(dashboard.recent).toEqual([]);
    expect(dashboard.contested).toEqual([]);
    expect(dashboard.byStatus.length).toBe(await prisma.status.count());
    expect(dashboard.byStatus.every((status) => status.count === 0)).toBe(true);
  });
});
