import { beforeAll, describe, expect, it } from "vitest";
import { POST as postClaim } from "@/app/api/claims/route";
import { POST as postStatus } from "@/app/api/claims/[id]/status/route";
import { POST as postAccuracy } from "@/app/api/attributions/[id]/accuracy/route";
import { POST as postAnnotation } from "@/app/api/claims/[id]/annotations/route";
import { PATCH as patchAnnotation } from "@/app/api/annotations/[id]/route";
import { POST as postSource } from "@/app/api/sources/route";
import { prisma } from "@/lib/db/prisma";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

let checker: Awaited<ReturnType<typeof createUserWithToken>>;
let colleague: Awaited<ReturnType<typeof createUserWithToken>>;

const call = (token: string, body: unknown, method = "POST") =>
  new Request(`${BASE_URL}/api`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

async function claimWithAttribution() {
  const claim = await prisma.claim.findFirstOrThrow({ where: { text: { contains: "ballistic missiles" } }, select: { id: true, version: true } });
  const attribution = await prisma.attribution.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true, version: true } });
  return { claim, attribution };
}

beforeAll(async () => {
  checker = await createUserWithToken("fact_checker");
  colleague = await createUserWithToken("fact_checker");
});

describe("verdicts", () => {
  it("refuses a stale verdict with 409, says what changed, and writes nothing", async () => {
    const { claim } = await claimWithAttribution();
    const first = await postStatus(call(checker.token, { status: "in_review", rationale: "Starting.", version: claim.version }), routeParams({ id: String(claim.id) }));
    expect(first.status).toBe(200);
    expect((await first.json()).version).toBe(claim.version + 1);

    const before = await databaseFingerprint();
    const stale = await postStatus(call(colleague.token, { status: "false", rationale: "Denied by both.", version: claim.version }), routeParams({ id: String(claim.id) }));
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatch(/changed by someone else/);
    expect(body.current).toMatchObject({ version: claim.version + 1, status: "in_review", lastStatusChange: { to: "In review", rationale: "Starting." } });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("keeps a complete history after several changes: who, when, from, to, why, evidence", async () => {
    const { claim } = await claimWithAttribution();
    let version = (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).version;
    const steps = [
      { user: checker, status: "mixed", rationale: "Some transfers confirmed.", evidence: ["https://example.org/a"] },
      { user: colleague, status: "mostly_true", rationale: "Debris analysis.", evidence: ["https://example.org/b", "https://example.org/c"] },
      { user: checker, status: "true", rationale: "Confirmed by two governments.", evidence: [] },
    ];
    for (const step of steps) {
      const response = await postStatus(call(step.user.token, { status: step.status, rationale: step.rationale, evidence: step.evidence, version }), routeParams({ id: String(claim.id) }));
      expect(response.status).toBe(200);
      version += 1;
    }
    const history = await prisma.statusChange.findMany({
      where: { claimId: claim.id },
      orderBy: { id: "asc" },
      select: { rationale: true, evidence: true, userId: true, fromStatus: { select: { key: true } }, toStatus: { select: { key: true } } },
    });
    const lastThree = history.slice(-3);
    expect(lastThree.map((h) => h.toStatus.key)).toEqual(["mixed", "mostly_true", "true"]);
    expect(lastThree.map((h) => h.fromStatus?.key)).toEqual([history.at(-4)?.toStatus.key ?? "unreviewed", "mixed", "mostly_true"]);
    expect(lastThree.map((h) => h.userId)).toEqual([checker.id, colleague.id, checker.id]);
    expect(lastThree.map((h) => JSON.parse(h.evidence))).toEqual(steps.map((s) => s.evidence));
    const audits = await prisma.auditLog.count({ where: { entityType: "claim", entityId: String(claim.id), action: "set_status" } });
    expect(audits).toBe(history.length);
  });

  it("requires a rationale and refuses unknown statuses and bad evidence links with field errors", async () => {
    const { claim } = await claimWithAttribution();
    const current = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const before = await databaseFingerprint();
    for (const [body, field] of [
      [{ status: "true", rationale: "", version: current.version }, "rationale"],
      [{ status: "bogus", rationale: "x", version: current.version }, "status"],
      [{ status: "true", rationale: "x", evidence: ["javascript:alert(1)"], version: current.version }, "evidence.0"],
      [{ status: "true", rationale: "x" }, "version"],
    ] as const) {
      const response = await postStatus(call(checker.token, body), routeParams({ id: String(claim.id) }));
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).fieldErrors)).toContain(field);
    }
    expect(await databaseFingerprint()).toBe(before);
  });
});

describe("attribution accuracy and notes", () => {
  it("refuses a stale accuracy mark and a stale note edit with 409", async () => {
    const { attribution } = await claimWithAttribution();
    const ok = await postAccuracy(call(checker.token, { accuracy: "confirmed_by_primary_source", rationale: "State Dept briefing.", version: attribution.version }), routeParams({ id: String(attribution.id) }));
    expect(ok.status).toBe(200);
    const stale = await postAccuracy(call(colleague.token, { accuracy: "disputed", rationale: "?", version: attribution.version }), routeParams({ id: String(attribution.id) }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).current).toMatchObject({ accuracy: "confirmed_by_primary_source", lastAccuracyChange: { rationale: "State Dept briefing." } });

    const { claim } = await claimWithAttribution();
    const note = await (await postAnnotation(call(checker.token, { body: "First draft" }), routeParams({ id: String(claim.id) }))).json();
    expect((await patchAnnotation(call(checker.token, { body: "Second draft", version: 1 }, "PATCH"), routeParams({ id: String(note.id) }))).status).toBe(200);
    const staleEdit = await patchAnnotation(call(checker.token, { body: "From an old tab", version: 1 }, "PATCH"), routeParams({ id: String(note.id) }));
    expect(staleEdit.status).toBe(409);
    expect((await staleEdit.json()).current.body).toBe("Second draft");
  });

  it("threads replies and refuses a reply to a note of another claim", async () => {
    const { claim } = await claimWithAttribution();
    const parent = await (await postAnnotation(call(checker.token, { body: "Question?" }), routeParams({ id: String(claim.id) }))).json();
    const reply = await postAnnotation(call(colleague.token, { body: "Answer.", parentId: parent.id }), routeParams({ id: String(claim.id) }));
    expect(reply.status).toBe(201);
    expect((await reply.json()).parentId).toBe(parent.id);
    const other = await prisma.claim.findFirstOrThrow({ where: { id: { not: claim.id } } });
    const wrong = await postAnnotation(call(colleague.token, { body: "Lost.", parentId: parent.id }), routeParams({ id: String(other.id) }));
    expect(wrong.status).toBe(400);
  });
});

describe("quotes are checked against the stored text", () => {
  let sourceId: number;
  const text = "Officials said 40 drones were shot down overnight. Others said 12.";

  beforeAll(async () => {
    const response = await postSource(call(checker.token, { title: "Overnight attack", outlet: "Wire", text }), routeParams({}));
    expect(response.status).toBe(201);
    sourceId = (await response.json()).id;
  });

  const claimBody = (attribution: Record<string, unknown>) => ({
    text: `Drones were shot down ${Math.random()}`,
    topic: "escalation",
    attributions: [{ sourceId, actor: "Air force", stance: "asserts", ...attribution }],
  });

  it.each([
    [{ quote: "40 drones were shot down", quoteStart: 16, quoteEnd: 40 }, /does not match the source text/],
    [{ quote: "40 drones", quoteStart: 15, quoteEnd: 999 }, /not a non-empty range/],
    [{ quote: "50 drones were shot down" }, /does not occur/],
    [{ quote: "said" }, /occurs 2 times/],
    [{ quote: "40 drones", quoteStart: 15 }, /give both/],
  ])("refuses %j with a message and writes nothing", async (attribution, message) => {
    const before = await databaseFingerprint();
    const response = await postClaim(call(checker.token, claimBody(attribution)), routeParams({}));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(message);
    expect(await databaseFingerprint()).toBe(before);
  });

  it("accepts exact offsets, and a unique quote without offsets, storing the anchored selectors", async () => {
    const start = text.indexOf("40 drones were shot down");
    const exact = await postClaim(call(checker.token, claimBody({ quote: "40 drones were shot down", quoteStart: start, quoteEnd: start + 24 })), routeParams({}));
    expect(exact.status).toBe(201);
    const record = await exact.json();
    expect(record.attributions[0].quote).toMatchObject({ exact: "40 drones were shot down", start, end: start + 24, prefix: text.slice(0, start) });
    const typed = await postClaim(call(checker.token, claimBody({ quote: "Others said 12." })), routeParams({}));
    expect(typed.status).toBe(201);
    expect((await typed.json()).attributions[0].quote.start).toBe(text.indexOf("Others said 12."));
  });

  it("refuses a duplicate claim with 409 naming the existing one", async () => {
    const start = text.indexOf("Others said 12.");
    const body = { text: "Twelve drones were shot down.", topic: "escalation", attributions: [{ sourceId, actor: "Others", stance: "asserts", quote: "Others said 12.", quoteStart: start, quoteEnd: start + 15 }] };
    expect((await postClaim(call(checker.token, body), routeParams({}))).status).toBe(201);
    const again = await postClaim(call(checker.token, { ...body, text: "  twelve DRONES were shot down. " }), routeParams({}));
    expect(again.status).toBe(409);
    expect((await again.json()).existingClaimId).toEqual(expect.any(Number));
  });

  it("answers 400, not 500, for a body that is not JSON or not an object", async () => {
    const request = new Request(`${BASE_URL}/api`, { method: "POST", headers: { authorization: `Bearer ${checker.token}` }, body: "{not json" });
    expect((await postClaim(request, routeParams({}))).status).toBe(400);
    expect((await postClaim(call(checker.token, ["array"]), routeParams({}))).status).toBe(400);
    expect((await postClaim(call(checker.token, null), routeParams({}))).status).toBe(400);
  });
});
