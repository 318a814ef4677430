import { beforeAll, describe, expect, it } from "vitest";
import { searchIndexHolds } from "@/tests/support/search-index";
import { bearer, setRequestHeaders } from "@/tests/support/request-context";
import { editAttributionAction } from "@/lib/claims/correction-actions";
import { DELETE as deleteAttribution, PATCH as patchAttribution } from "@/app/api/attributions/[id]/route";
import { DELETE as deleteClaimRoute, GET as getClaim } from "@/app/api/claims/[id]/route";
import { GET as getSourceRoute, PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { PUT as putSourceText } from "@/app/api/sources/[id]/text/route";
import { GET as getActorRoute, PATCH as patchActor } from "@/app/api/actors/[id]/route";
import { POST as mergeActorRoute } from "@/app/api/actors/[id]/merge/route";
import { prisma } from "@/lib/db/prisma";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";
import { actorIdByName, claimIdByText, createArticle } from "@/tests/support/article-factory";

/*
 * Every correction route of the JSON API (issue 10, item 2): who may call it, what a
 * stale version, bad input or a refusal does (409/400/401/403, nothing written), and
 * what a correction leaves behind (the new values, a version step, an audit entry).
 */

type Caller = "anonymous" | "viewer" | "fact_checker" | "admin";
const tokens: Partial<Record<Caller, string>> = {};

const request = (method: string, body: unknown, caller: Caller = "fact_checker") =>
  new Request(`${BASE_URL}/api`, {
    method,
    headers: { "content-type": "application/json", ...(tokens[caller] ? { authorization: `Bearer ${tokens[caller]}` } : {}) },
    body: JSON.stringify(body),
  });
const id = (value: number) => routeParams({ id: String(value) });

let counter = 0;
const unique = (label: string) => `${label} ${++counter}-${process.pid}`;

/** A fresh article with two claims (one with two attributions), so every test edits its own rows. */
async function article() {
  const n = unique("case");
  const speaker = `Speaker ${n}`;
  const critic = `Critic ${n}`;
  const claimText = `The bridge ${n} will reopen in May`;
  const otherClaim = `The tunnel ${n} is closed`;
  const sourceId = await createArticle({
    statements: [
      { claim: claimText, topic: "infrastructure", actor: speaker, stance: "asserts", words: `${speaker} said the bridge ${n} would reopen in May.` },
      { claim: claimText, topic: "infrastructure", actor: critic, stance: "denies", via: [`Wire ${n}`], words: `${critic} called the May date for bridge ${n} unrealistic.` },
      { claim: otherClaim, topic: "infrastructure", actor: speaker, stance: "asserts", words: `The tunnel ${n} is closed, ${speaker} added.` },
    ],
  });
  const claimId = await claimIdByText(claimText);
  const attributions = await prisma.attribution.findMany({ where: { claimId }, orderBy: { id: "asc" }, select: { id: true, version: true, quote: true, quoteStart: true, quoteEnd: true } });
  const source = await prisma.source.findUniqueOrThrow({ where: { id: sourceId }, select: { text: true, version: true } });
  return { n, sourceId, source, claimId, otherClaimId: await claimIdByText(otherClaim), speaker, critic, speakerId: await actorIdByName(speaker), criticId: await actorIdByName(critic), attributions };
}

async function auditEntries(entityType: string, entityId: number) {
  return prisma.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" }, select: { action: true, userId: true, before: true, after: true } });
}

/** Runs a call expected to be refused and checks that not one row of any table changed. */
async function refused(call: () => Promise<Response>, status: number) {
  const before = await databaseFingerprint();
  const response = await call();
  expect(response.status).toBe(status);
  expect(await databaseFingerprint()).toBe(before);
  return (await response.json()) as { error: string; fieldErrors?: Record<string, string[]>; current?: Record<string, unknown> };
}

beforeAll(async () => {
  for (const role of ["viewer", "fact_checker", "admin"] as const) tokens[role] = (await createUserWithToken(role)).token;
});

describe("PATCH /api/attributions/[id]", () => {
  it("corrects actor, stance, verb, sourcing and via-chain, re-anchors the quote, and records both versions in the audit log", async () => {
    const a = await article();
    const target = a.attributions[0]!;
    const quote = `bridge ${a.n} would reopen`;
    const response = await patchAttribution(
      request("PATCH", { actor: `Deputy ${a.n}`, actorKind: "person", stance: "reports", verb: "claimed", sourcing: "reportedly", via: ["Reuters", "TASS"], quote, version: target.version }),
      id(target.id),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: target.id, stance: "reports", verb: "claimed", sourcing: "reportedly", version: target.version + 1, actor: { name: `Deputy ${a.n}` } });
    expect(body.via.map((v: { name: string }) => v.name)).toEqual(["Reuters", "TASS"]);
    expect(body.quote.exact).toBe(quote);
    expect(a.source.text.slice(body.quote.start, body.quote.end)).toBe(quote);

    const [entry] = await auditEntries("attribution", target.id);
    expect(entry!.action).toBe("update");
    expect(JSON.parse(entry!.before!)).toMatchObject({ actor: a.speaker, stance: "asserts", quote: target.quote });
    expect(JSON.parse(entry!.after!)).toMatchObject({ actor: `Deputy ${a.n}`, stance: "reports", via: ["Reuters", "TASS"], quote });
  });

  it("refuses a stale version with 409 and the attribution as it is now", async () => {
    const a = await article();
    const target = a.attributions[0]!;
    const ok = await patchAttribution(request("PATCH", { actor: a.speaker, stance: "denies", quote: target.quote, version: target.version }), id(target.id));
    expect(ok.status).toBe(200);
    const body = await refused(() => patchAttribution(request("PATCH", { actor: a.speaker, stance: "reports", quote: target.quote, version: target.version }), id(target.id)), 409);
    expect(body.error).toMatch(/changed by someone else/);
    expect(body.current).toMatchObject({ version: target.version + 1, stance: "denies" });
  });

  it("refuses bad input with 400 naming the field: an unknown stance, words the article does not hold, offsets that do not match", async () => {
    const a = await article();
    const target = a.attributions[0]!;
    const stance = await refused(() => patchAttribution(request("PATCH", { actor: a.speaker, stance: "shouts", quote: target.quote, version: target.version }), id(target.id)), 400);
    expect(Object.keys(stance.fieldErrors!)).toEqual(["stance"]);
    const words = await refused(() => patchAttribution(request("PATCH", { actor: a.speaker, stance: "asserts", quote: "words nobody wrote", version: target.version }), id(target.id)), 400);
    expect(words.fieldErrors!.quote![0]).toMatch(/does not occur/);
    const offsets = await refused(
      () => patchAttribution(request("PATCH", { actor: a.speaker, stance: "asserts", quote: target.quote, quoteStart: target.quoteStart! + 1, quoteEnd: target.quoteEnd! + 1, version: target.version }), id(target.id)),
      400,
    );
    expect(offsets.fieldErrors!.quote![0]).toMatch(/does not match/);
    const missingVersion = await refused(() => patchAttribution(request("PATCH", { actor: a.speaker, stance: "asserts", quote: target.quote }), id(target.id)), 400);
    expect(missingVersion.fieldErrors!.version).toBeDefined();
  });

  it("answers 401 without credentials, 403 for a viewer, 404 for an unknown attribution, and writes nothing", async () => {
    const a = await article();
    const target = a.attributions[0]!;
    const body = { actor: a.speaker, stance: "denies", quote: target.quote, version: target.version };
    await refused(() => patchAttribution(request("PATCH", body, "anonymous"), id(target.id)), 401);
    await refused(() => patchAttribution(request("PATCH", body, "viewer"), id(target.id)), 403);
    await refused(() => patchAttribution(request("PATCH", body), id(999_999)), 404);
  });
});

describe("the attribution correction form", () => {
  it("keeps the stored place of a quote whose words occur twice when only the stance is corrected", async () => {
    const n = unique("echo");
    const text = `The port ${n} is open, the mayor said. Later he repeated: the port ${n} is open.`;
    const quote = `he port ${n} is open`;
    const second = text.lastIndexOf(quote);
    const source = await prisma.source.create({ data: { title: n, outlet: "Echo", text, textSha256: "" }, select: { id: true } });
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true } });
    const actor = await prisma.actor.findFirstOrThrow({ select: { id: true, name: true } });
    const attribution = await prisma.attribution.create({
      data: { claimId: claim.id, sourceId: source.id, actorId: actor.id, stance: "asserts", sourcing: "named", quote, quoteStart: second, quoteEnd: second + quote.length },
    });
    const form = new FormData();
    const fields = { attributionId: attribution.id, claimId: claim.id, sourceId: source.id, actor: actor.name, stance: "reports", quote, originalQuote: quote, originalStart: second, originalEnd: second + quote.length, version: attribution.version };
    for (const [key, value] of Object.entries(fields)) form.set(key, String(value));
    setRequestHeaders(bearer(tokens.fact_checker!));
    // Saving redirects to the claim: Next signals that by throwing.
    await expect(editAttributionAction({ status: "idle" }, form)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await prisma.attribution.findUniqueOrThrow({ where: { id: attribution.id } })).toMatchObject({ stance: "reports", quoteStart: second, version: attribution.version + 1 });
  });
});

describe("DELETE /api/attributions/[id]", () => {
  it("removes an attribution, keeps its notes on the claim, and keeps the attribution in the audit log", async () => {
    const a = await article();
    const [first, second] = a.attributions;
    const note = await prisma.annotation.create({ data: { claimId: a.claimId, attributionId: second!.id, body: "check the wire copy" }, select: { id: true } });
    const response = await deleteAttribution(request("DELETE", { version: second!.version }), id(second!.id));
    expect(response.status).toBe(200);
    expect(await prisma.attribution.findUnique({ where: { id: second!.id } })).toBeNull();
    expect(await prisma.annotation.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ claimId: a.claimId, attributionId: null, body: "check the wire copy" });
    const [entry] = await auditEntries("attribution", second!.id);
    expect(entry!.action).toBe("delete");
    expect(JSON.parse(entry!.before!)).toMatchObject({ actor: a.critic, stance: "denies", via: [`Wire ${a.n}`], quote: second!.quote });
    // The claim's derived columns follow: no one denies it any more.
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: a.claimId }, select: { contested: true } })).toEqual({ contested: false });
    expect(first).toBeDefined();
  });

  it("refuses to remove a claim's only attribution (409), a stale version (409), and other roles (401/403)", async () => {
    const a = await article();
    const only = await prisma.attribution.findFirstOrThrow({ where: { claimId: a.otherClaimId }, select: { id: true, version: true } });
    const last = await refused(() => deleteAttribution(request("DELETE", { version: only.version }), id(only.id)), 409);
    expect(last.error).toMatch(/only attribution/);
    const target = a.attributions[1]!;
    await refused(() => deleteAttribution(request("DELETE", { version: target.version + 1 }), id(target.id)), 409);
    await refused(() => deleteAttribution(request("DELETE", {}), id(target.id)), 400);
    await refused(() => deleteAttribution(request("DELETE", { version: target.version }, "anonymous"), id(target.id)), 401);
    await refused(() => deleteAttribution(request("DELETE", { version: target.version }, "viewer"), id(target.id)), 403);
  });
});

describe("PATCH /api/sources/[id]", () => {
  it("corrects title, outlet, address, author and date, with a version step and an audit entry", async () => {
    const a = await article();
    const details = { title: `Corrected ${a.n}`, outlet: "The Ledger", url: `https://example.org/${counter}`, author: "A. Writer", publishedAt: "2026-03-04", version: a.source.version };
    const response = await patchSource(request("PATCH", details), id(a.sourceId));
    expect(response.status).toBe(200);
    const stored = await (await getSourceRoute(request("GET", undefined), id(a.sourceId))).json();
    expect(stored).toMatchObject({ title: details.title, outlet: "The Ledger", url: details.url, author: "A. Writer", version: a.source.version + 1 });
    expect(stored.publishedAt).toMatch(/^2026-03-04/);
    const [entry] = await auditEntries("source", a.sourceId);
    expect(entry!.action).toBe("update");
    expect(JSON.parse(entry!.after!)).toMatchObject({ title: details.title, version: a.source.version + 1 });
    // The claims' derived first-publication date follows the corrected date.
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: a.claimId } })).firstPublishedAt?.toISOString()).toMatch(/^2026-03-04/);
  });

  it("refuses a stale version, bad input, an address another source has, and other roles, writing nothing", async () => {
    const a = await article();
    const other = await article();
    const url = `https://example.org/taken-${counter}`;
    await prisma.source.update({ where: { id: other.sourceId }, data: { url } });
    const base = { title: "T", outlet: "O", version: a.source.version };
    await refused(() => patchSource(request("PATCH", { ...base, version: a.source.version + 3 }), id(a.sourceId)), 409);
    const bad = await refused(() => patchSource(request("PATCH", { ...base, url: "ftp://nope", publishedAt: "yesterday" }), id(a.sourceId)), 400);
    expect(Object.keys(bad.fieldErrors!).sort()).toEqual(["publishedAt", "url"]);
    const taken = await refused(() => patchSource(request("PATCH", { ...base, url }), id(a.sourceId)), 400);
    expect(taken.fieldErrors!.url![0]).toMatch(/already stored/);
    await refused(() => patchSource(request("PATCH", base, "anonymous"), id(a.sourceId)), 401);
    await refused(() => patchSource(request("PATCH", base, "viewer"), id(a.sourceId)), 403);
  });
});

describe("PUT /api/sources/[id]/text", () => {
  it("adds text to a source stored without it and anchors its quotes, listing those it cannot place", async () => {
    const n = unique("import");
    const source = await prisma.source.create({ data: { title: `Imported ${n}`, outlet: "Wire", text: "", textSha256: "" }, select: { id: true, version: true } });
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true } });
    const actor = await prisma.actor.findFirstOrThrow({ select: { id: true } });
    const found = await prisma.attribution.create({ data: { claimId: claim.id, sourceId: source.id, actorId: actor.id, stance: "asserts", sourcing: "named", quote: `the ferry ${n} sails at dawn` } });
    const lost = await prisma.attribution.create({ data: { claimId: claim.id, sourceId: source.id, actorId: actor.id, stance: "denies", sourcing: "named", quote: "an entirely different sentence about budgets" } });
    const text = `Harbour news. The captain said the ferry ${n} sails at dawn, weather permitting.`;

    const response = await putSourceText(request("PUT", { text, version: source.version }), id(source.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.source.version).toBe(source.version + 1);
    const byId = new Map(body.quotes.map((q: { attributionId: number }) => [q.attributionId, q]));
    expect(byId.get(found.id)).toMatchObject({ status: "placed", after: { quote: `the ferry ${n} sails at dawn`, start: text.indexOf("the ferry") } });
    expect(byId.get(lost.id)).toMatchObject({ status: "not_placed", after: { start: null } });

    const stored = await prisma.attribution.findUniqueOrThrow({ where: { id: found.id } });
    expect(text.slice(stored.quoteStart!, stored.quoteEnd!)).toBe(stored.quote);
    expect(stored.quotePrefix).toBe("Harbour news. The captain said ");
    expect(await prisma.attribution.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ quote: lost.quote, quoteStart: null });

    const [entry] = await auditEntries("source", source.id);
    expect(entry!.action).toBe("add_text");
    const after = JSON.parse(entry!.after!);
    expect(after.quotes.map((q: { status: string }) => q.status).sort()).toEqual(["not_placed", "placed"]);
  });

  it("replaces text: quotes that moved or changed are re-anchored to the new words, and reported", async () => {
    const a = await article();
    const [first, second] = a.attributions;
    // An editor's note at the top moves every quote; the critic's words are corrected.
    const corrected = `Editor's note: corrected on 5 March.\n${a.source.text.replace(`the May date for bridge ${a.n} unrealistic`, `the May date for bridge ${a.n} quite unrealistic`)}`;
    const response = await putSourceText(request("PUT", { text: corrected, version: a.source.version }), id(a.sourceId));
    expect(response.status).toBe(200);
    const quotes = new Map((await response.json()).quotes.map((q: { attributionId: number; status: string }) => [q.attributionId, q]));
    expect(quotes.get(first!.id)).toMatchObject({ status: "moved" });
    expect(quotes.get(second!.id)).toMatchObject({ status: "changed" });
    for (const attribution of await prisma.attribution.findMany({ where: { sourceId: a.sourceId } })) {
      expect(corrected.slice(attribution.quoteStart!, attribution.quoteEnd!)).toBe(attribution.quote);
    }
    const changed = await prisma.attribution.findUniqueOrThrow({ where: { id: second!.id } });
    expect(changed.quote).toContain("quite unrealistic");
    expect(changed.version).toBe(second!.version + 1);
  });

  it("refuses a stale version, empty text, and other roles, writing nothing", async () => {
    const a = await article();
    await refused(() => putSourceText(request("PUT", { text: "New text.", version: a.source.version + 1 }), id(a.sourceId)), 409);
    const empty = await refused(() => putSourceText(request("PUT", { text: "", version: a.source.version }), id(a.sourceId)), 400);
    expect(Object.keys(empty.fieldErrors!)).toEqual(["text"]);
    await refused(() => putSourceText(request("PUT", { text: "New text.", version: a.source.version }, "anonymous"), id(a.sourceId)), 401);
    await refused(() => putSourceText(request("PUT", { text: "New text.", version: a.source.version }, "viewer"), id(a.sourceId)), 403);
    await refused(() => putSourceText(request("PUT", { text: "New text.", version: a.source.version }), id(999_999)), 404);
  });
});

describe("PATCH /api/actors/[id]", () => {
  it("renames an actor, changes its kind and role, and replaces its aliases", async () => {
    const a = await article();
    const actor = await (await getActorRoute(request("GET", undefined), id(a.speakerId))).json();
    const response = await patchActor(request("PATCH", { name: `Minister ${a.n}`, kind: "government", role: "Transport ministry", aliases: [a.speaker, `Min. ${a.n}`], version: actor.version }), id(a.speakerId));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: `Minister ${a.n}`, kind: "government", role: "Transport ministry", aliases: [a.speaker, `Min. ${a.n}`], version: actor.version + 1 });
    const [entry] = await auditEntries("actor", a.speakerId);
    expect(JSON.parse(entry!.before!)).toMatchObject({ name: a.speaker, kind: "person" });
  });

  it("refuses a name or alias that is another actor's (merge instead), a stale version, bad input and other roles", async () => {
    const a = await article();
    const version = (await prisma.actor.findUniqueOrThrow({ where: { id: a.speakerId } })).version;
    const name = await refused(() => patchActor(request("PATCH", { name: a.critic, kind: "person", version }), id(a.speakerId)), 409);
    expect(name.fieldErrors!.name![0]).toMatch(/merge/);
    const alias = await refused(() => patchActor(request("PATCH", { name: a.speaker, kind: "person", aliases: ["fine", a.critic.toUpperCase()], version }), id(a.speakerId)), 400);
    expect(Object.keys(alias.fieldErrors!)).toEqual(["aliases.1"]);
    await refused(() => patchActor(request("PATCH", { name: a.speaker, kind: "person", version: version + 1 }), id(a.speakerId)), 409);
    const bad = await refused(() => patchActor(request("PATCH", { name: " ", kind: "robot", version }), id(a.speakerId)), 400);
    expect(Object.keys(bad.fieldErrors!).sort()).toEqual(["kind", "name"]);
    await refused(() => patchActor(request("PATCH", { name: "X", kind: "person", version }, "anonymous"), id(a.speakerId)), 401);
    await refused(() => patchActor(request("PATCH", { name: "X", kind: "person", version }, "viewer"), id(a.speakerId)), 403);
  });
});

describe("POST /api/actors/[id]/merge", () => {
  it("moves attributions and via-links, keeps both spellings as aliases, and keeps both actors in the audit log", async () => {
    const a = await article();
    const b = await article();
    const duplicate = await prisma.actor.create({ data: { name: `Spkr ${a.n}`, normalizedName: `spkr ${a.n}`.toLowerCase(), kind: "person", aliases: { create: { alias: `S. ${a.n}`, normalizedAlias: `s. ${a.n}`.toLowerCase() } } } });
    await prisma.attribution.update({ where: { id: b.attributions[0]!.id }, data: { actorId: duplicate.id } });
    const wire = await actorIdByName(`Wire ${b.n}`);
    await prisma.attributionVia.updateMany({ where: { actorId: wire }, data: { actorId: duplicate.id } });
    const target = await prisma.actor.findUniqueOrThrow({ where: { id: a.speakerId } });

    const response = await mergeActorRoute(request("POST", { into: a.speakerId, version: duplicate.version, intoVersion: target.version }), id(duplicate.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.moved).toEqual({ attributions: 1, viaLinks: 1 });
    expect(body.actor.aliases).toEqual(expect.arrayContaining([`Spkr ${a.n}`, `S. ${a.n}`]));
    expect(await prisma.actor.findUnique({ where: { id: duplicate.id } })).toBeNull();
    expect(await prisma.attribution.findUniqueOrThrow({ where: { id: b.attributions[0]!.id } })).toMatchObject({ actorId: a.speakerId });
    const entries = await auditEntries("actor", duplicate.id);
    expect(entries.map((e) => e.action)).toEqual(["merge"]);
    expect(JSON.parse(entries[0]!.before!)).toMatchObject({ name: `Spkr ${a.n}`, aliases: [`S. ${a.n}`] });
    expect(JSON.parse((await auditEntries("actor", a.speakerId)).at(-1)!.after!)).toMatchObject({ mergedFrom: { id: duplicate.id } });
  });

  it("refuses merging an actor into itself or an unknown one (400), stale versions of either (409), and other roles", async () => {
    const a = await article();
    const [speaker, critic] = await Promise.all([a.speakerId, a.criticId].map((actorId) => prisma.actor.findUniqueOrThrow({ where: { id: actorId } })));
    const body = { into: critic!.id, version: speaker!.version, intoVersion: critic!.version };
    const self = await refused(() => mergeActorRoute(request("POST", { ...body, into: speaker!.id }), id(speaker!.id)), 400);
    expect(Object.keys(self.fieldErrors!)).toEqual(["into"]);
    await refused(() => mergeActorRoute(request("POST", { ...body, into: 999_999 }), id(speaker!.id)), 400);
    await refused(() => mergeActorRoute(request("POST", { ...body, version: speaker!.version + 1 }), id(speaker!.id)), 409);
    await refused(() => mergeActorRoute(request("POST", { ...body, intoVersion: critic!.version + 1 }), id(speaker!.id)), 409);
    await refused(() => mergeActorRoute(request("POST", { into: "two" }), id(speaker!.id)), 400);
    await refused(() => mergeActorRoute(request("POST", body, "anonymous"), id(speaker!.id)), 401);
    await refused(() => mergeActorRoute(request("POST", body, "viewer"), id(speaker!.id)), 403);
  });
});

describe("DELETE /api/claims/[id]", () => {
  it("lets an admin delete a claim, leaving a tombstone that the API answers with 410 and the whole record in the audit log", async () => {
    const a = await article();
    const version = (await prisma.claim.findUniqueOrThrow({ where: { id: a.claimId } })).version;
    await prisma.annotation.create({ data: { claimId: a.claimId, body: "duplicate of another claim" } });
    const response = await deleteClaimRoute(request("DELETE", { reason: "Recorded twice.", version }, "admin"), id(a.claimId));
    expect(response.status).toBe(200);
    expect(await prisma.claim.findUnique({ where: { id: a.claimId } })).toBeNull();
    const gone = await getClaim(request("GET", undefined), id(a.claimId));
    expect(gone.status).toBe(410);
    expect((await gone.json()).tombstone).toMatchObject({ claimId: a.claimId, reason: "Recorded twice.", text: expect.stringContaining("bridge") });
    const [entry] = await auditEntries("claim", a.claimId);
    expect(entry!.action).toBe("delete");
    const before = JSON.parse(entry!.before!);
    expect(before.attributions).toHaveLength(2);
    expect(before.annotations[0].body).toBe("duplicate of another claim");
    // The claim's words are gone from the search index with it.
    expect(await searchIndexHolds(a.claimId)).toBe(false);
  });

  it("refuses fact-checkers (403), anonymous callers (401), a stale version (409), and a missing reason (400)", async () => {
    const a = await article();
    const version = (await prisma.claim.findUniqueOrThrow({ where: { id: a.claimId } })).version;
    await refused(() => deleteClaimRoute(request("DELETE", { reason: "x", version }, "fact_checker"), id(a.claimId)), 403);
    await refused(() => deleteClaimRoute(request("DELETE", { reason: "x", version }, "anonymous"), id(a.claimId)), 401);
    await refused(() => deleteClaimRoute(request("DELETE", { reason: "x", version: version + 1 }, "admin"), id(a.claimId)), 409);
    const noReason = await refused(() => deleteClaimRoute(request("DELETE", { reason: " ", version }, "admin"), id(a.claimId)), 400);
    expect(Object.keys(noReason.fieldErrors!)).toEqual(["reason"]);
  });
});
