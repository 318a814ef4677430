import { beforeAll, describe, expect, it } from "vitest";
import { GET as getClaim } from "@/app/api/claims/[id]/route";
import { POST as mergeRoute } from "@/app/api/claims/[id]/merge/route";
import { GET as deletedRoute } from "@/app/api/claims/deleted/route";
import { prisma } from "@/lib/db/prisma";
import { search, texts } from "@/tests/support/claim-search";
import { claimIdByText, createArticle } from "@/tests/support/article-factory";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Merging two claims: nothing is lost (every attribution, note and history row of both is
 * found on the survivor), identical attributions collapse, the merged claim redirects, and
 * every refusal changes nothing at all.
 */

const SURVIVOR = "Six North Korean soldiers were killed near Kupiansk, Kyiv says.";
const MERGED = "Kyiv says six soldiers from North Korea died near Kupiansk.";
let token: string;

const merge = async (id: number, body: unknown) => {
  const response = await mergeRoute(
    new Request(`${BASE_URL}/api/claims/${id}/merge`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) }),
    routeParams({ id: String(id) }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { fieldErrors?: Record<string, string[]>; error?: string } };
};

async function rowsOf(claimId: number) {
  const attributions = await prisma.attribution.findMany({ where: { claimId }, select: { id: true, sourceId: true, actorId: true, stance: true, quote: true } });
  const ids = attributions.map((a) => a.id);
  return {
    attributions,
    notes: (await prisma.annotation.findMany({ where: { claimId }, select: { id: true } })).map((n) => n.id),
    statusChanges: (await prisma.statusChange.findMany({ where: { claimId }, select: { id: true } })).map((s) => s.id),
    accuracyChanges: (await prisma.accuracyChange.findMany({ where: { attributionId: { in: ids } }, select: { id: true } })).map((a) => a.id),
    via: await prisma.attributionVia.count({ where: { attributionId: { in: ids } } }),
  };
}

let survivorId: number;
let mergedId: number;

beforeAll(async () => {
  token = (await createUserWithToken("fact_checker")).token;
  await createArticle({
    title: "Kyiv Wire on Kupiansk",
    outlet: "Kyiv Wire",
    publishedAt: "2024-11-02T08:00:00.000Z",
    statements: [
      { claim: SURVIVOR, topic: "troop-deaths", actor: "Ukrainian military intelligence", stance: "asserts" },
      { claim: SURVIVOR, topic: "troop-deaths", actor: "Russian defence ministry", stance: "denies", via: ["Interfax"] },
    ],
  });
  await createArticle({
    title: "Border Post on Kupiansk",
    outlet: "Border Post",
    publishedAt: "2024-10-30T08:00:00.000Z",
    statements: [{ claim: MERGED, topic: "troop-deployment", actor: "Ukrainian military intelligence", stance: "asserts", via: ["Reuters"] }],
  });
  survivorId = await claimIdByText(SURVIVOR);
  mergedId = await claimIdByText(MERGED);
  // An attribution on the merged claim identical to one of the survivor's: it must collapse.
  const twin = await prisma.attribution.findFirstOrThrow({ where: { claimId: survivorId, stance: "asserts" } });
  const copy = await prisma.attribution.create({
    data: { claimId: mergedId, sourceId: twin.sourceId, actorId: twin.actorId, stance: twin.stance, sourcing: twin.sourcing, quote: twin.quote, quoteStart: twin.quoteStart, quoteEnd: twin.quoteEnd },
  });
  const [unchecked, confirmed] = ["unchecked", "confirmed_by_primary_source"];
  await prisma.accuracyChange.create({ data: { attributionId: copy.id, fromAccuracy: unchecked, toAccuracy: confirmed, rationale: "On the copy" } });
  const other = await prisma.attribution.findFirstOrThrow({ where: { claimId: mergedId, id: { not: copy.id } } });
  await prisma.accuracyChange.create({ data: { attributionId: other.id, fromAccuracy: unchecked, toAccuracy: confirmed, rationale: "On the moved one" } });
  const note = await prisma.annotation.create({ data: { claimId: mergedId, body: "A note on the merged claim" } });
  await prisma.annotation.create({ data: { claimId: mergedId, parentId: note.id, body: "A reply" } });
  await prisma.annotation.create({ data: { claimId: mergedId, attributionId: copy.id, body: "A note on the collapsing attribution" } });
  await prisma.annotation.create({ data: { claimId: survivorId, body: "A note on the survivor" } });
  const [falseStatus, trueStatus] = await Promise.all([prisma.status.findUniqueOrThrow({ where: { key: "false" } }), prisma.status.findUniqueOrThrow({ where: { key: "true" } })]);
  await prisma.statusChange.create({ data: { claimId: mergedId, toStatusId: trueStatus.id, rationale: "Checked the merged one" } });
  await prisma.claim.update({ where: { id: mergedId }, data: { statusId: trueStatus.id } });
  await prisma.statusChange.create({ data: { claimId: survivorId, toStatusId: falseStatus.id, rationale: "Checked the survivor" } });
  await prisma.claim.update({ where: { id: survivorId }, data: { statusId: falseStatus.id } });
});

describe("refusals change nothing", () => {
  it("refuses itself, a missing verdict choice, a stale version, an unknown survivor and bad input", async () => {
    const version = (await prisma.claim.findUniqueOrThrow({ where: { id: mergedId } })).version;
    const before = await databaseFingerprint();
    const cases: [unknown, number, string][] = [
      [{ into: mergedId, rationale: "same", version }, 400, "into"],
      [{ into: survivorId, rationale: "same", version }, 400, "verdict"],
      [{ into: survivorId, rationale: "same", verdict: "into", version: version + 5 }, 409, ""],
      [{ into: 999999, rationale: "same", verdict: "into", version }, 400, "into"],
      [{ into: survivorId, rationale: " ", verdict: "into", version }, 400, "rationale"],
      [{ into: survivorId, rationale: "same", verdict: "both", version }, 400, "verdict"],
    ];
    for (const [body, status, field] of cases) {
      const answer = await merge(mergedId, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      if (field) expect(Object.keys(answer.body.fieldErrors ?? {})).toEqual([field]);
      else expect(answer.body.error).toMatch(/changed by someone else/);
    }
    expect(await databaseFingerprint()).toBe(before);
  });
});

describe("a merge", () => {
  it("keeps every attribution, note and history row of both claims on the survivor; identical attributions collapse", async () => {
    const [survivorBefore, mergedBefore] = [await rowsOf(survivorId), await rowsOf(mergedId)];
    const version = (await prisma.claim.findUniqueOrThrow({ where: { id: mergedId } })).version;
    const survivorVersion = (await prisma.claim.findUniqueOrThrow({ where: { id: survivorId } })).version;
    const answer = await merge(mergedId, { into: survivorId, rationale: "Same deaths, other words", verdict: "merged", version });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ id: mergedId, mergedInto: survivorId, movedAttributions: 1, collapsedAttributions: 1, verdict: "true" });

    const after = await rowsOf(survivorId);
    expect(await prisma.claim.findUnique({ where: { id: mergedId } })).toBeNull();
    expect(after.notes.sort()).toEqual([...survivorBefore.notes, ...mergedBefore.notes].sort());
    // The survivor's own history, the merged claim's, and the change the chosen verdict makes.
    expect(after.statusChanges).toEqual(expect.arrayContaining([...survivorBefore.statusChanges, ...mergedBefore.statusChanges]));
    expect(after.statusChanges).toHaveLength(survivorBefore.statusChanges.length + mergedBefore.statusChanges.length + 1);
    expect(after.accuracyChanges.sort()).toEqual([...survivorBefore.accuracyChanges, ...mergedBefore.accuracyChanges].sort());
    const key = (a: { sourceId: number; actorId: number; stance: string; quote: string }) => `${a.sourceId}|${a.actorId}|${a.stance}|${a.quote}`;
    expect(new Set(after.attributions.map(key))).toEqual(new Set([...survivorBefore.attributions, ...mergedBefore.attributions].map(key)));
    expect(after.attributions).toHaveLength(survivorBefore.attributions.length + mergedBefore.attributions.length - 1);
    expect(after.via).toBe(survivorBefore.via + 1);

    const survivor = await prisma.claim.findUniqueOrThrow({ where: { id: survivorId }, include: { status: true } });
    expect(survivor).toMatchObject({ sourceCount: 2, contested: true, version: survivorVersion + 1 });
    expect(survivor.status.key).toBe("true");
    expect(survivor.firstPublishedAt?.toISOString()).toBe("2024-10-30T08:00:00.000Z");
    // The search index follows: the merged claim's own wording now finds the survivor, and only it.
    expect(texts(await search("q=Kupiansk"))).toEqual([SURVIVOR]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "merge", entityType: "claim", entityId: String(mergedId) } });
    expect(JSON.parse(audit.after!)).toMatchObject({ mergedInto: survivorId, rationale: "Same deaths, other words" });
  });

  it("redirects the merged claim's API permanently, lists it in the deletion feed, and refuses a second merge", async () => {
    const response = await getClaim(new Request(`${BASE_URL}/api/claims/${mergedId}`), routeParams({ id: String(mergedId) }));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`/api/claims/${survivorId}`);
    const deleted = (await (await deletedRoute(new Request(`${BASE_URL}/api/claims/deleted`), routeParams({}))).json()) as { items: { id: number; reason: string }[] };
    expect(deleted.items.find((item) => item.id === mergedId)?.reason).toMatch(new RegExp(`^Merged into claim ${survivorId}`));
    const { topicId, statusId } = await prisma.claim.findUniqueOrThrow({ where: { id: survivorId } });
    const third = await prisma.claim.create({ data: { text: "A third claim", normalizedText: "a third claim", topicId, statusId } });
    const before = await databaseFingerprint();
    const again = await merge(mergedId, { into: survivorId, rationale: "again", version: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(new RegExp(`already merged into claim ${survivorId}`));
    const intoMerged = await merge(third.id, { into: mergedId, rationale: "into a merged one", version: third.version });
    expect(intoMerged.status).toBe(400);
    expect(intoMerged.body.error).toMatch(new RegExp(`merged into claim ${survivorId}`));
    expect(await databaseFingerprint()).toBe(before);
  });
});
