import { beforeAll, describe, expect, it } from "vitest";
import { bearer, setRequestHeaders } from "@/tests/support/request-context";
import { createUserWithToken } from "@/tests/support/users";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { prisma } from "@/lib/db/prisma";
import type { ActionState } from "@/lib/http/action";
import type { Role } from "@/lib/auth/roles";
import * as claimActions from "@/lib/claims/actions";
import * as reviewActions from "@/lib/review/actions";
import * as annotationActions from "@/lib/annotations/actions";
import * as sourceActions from "@/lib/sources/actions";
import * as adminActions from "@/lib/admin/actions";
import * as tokenActions from "@/lib/auth/token-actions";
import * as importActions from "@/lib/import/actions";
import { POST as postSource } from "@/app/api/sources/route";
import { POST as postClaim } from "@/app/api/claims/route";
import { PATCH as patchClaim } from "@/app/api/claims/[id]/route";
import { POST as postAttribution } from "@/app/api/claims/[id]/attributions/route";
import { POST as postStatus } from "@/app/api/claims/[id]/status/route";
import { POST as postAnnotation } from "@/app/api/claims/[id]/annotations/route";
import { PATCH as patchAnnotation, DELETE as deleteAnnotation } from "@/app/api/annotations/[id]/route";
import { POST as postAccuracy } from "@/app/api/attributions/[id]/accuracy/route";
import { PATCH as patchAttribution, DELETE as deleteAttribution } from "@/app/api/attributions/[id]/route";
import { DELETE as deleteClaim } from "@/app/api/claims/[id]/route";
import { POST as mergeClaim } from "@/app/api/claims/[id]/merge/route";
import { PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { PUT as putSourceText } from "@/app/api/sources/[id]/text/route";
import { PATCH as patchActor } from "@/app/api/actors/[id]/route";
import { POST as mergeActor } from "@/app/api/actors/[id]/merge/route";
import * as correctionActions from "@/lib/claims/correction-actions";
import * as sourceCorrectionActions from "@/lib/sources/correction-actions";
import * as actorActions from "@/lib/actors/actions";

/*
 * The authorization matrix: every write route and every Server Action, called anonymously
 * and as each role. Allowed calls succeed; refused ones answer 401 or 403 and leave every
 * row of every table exactly as it was.
 */

type Caller = "anonymous" | Role;
const CALLERS: Caller[] = ["anonymous", "viewer", "fact_checker", "admin"];
const tokens: Partial<Record<Caller, { id: string; token: string }>> = {};

let counter = 0;
const unique = () => `${Date.now()}-${++counter}`;

const sourceText = "The minister said the bridge would reopen in May. Critics called that unrealistic.";
let sourceId: number;
let claimId: number;
let topicKey: string;

async function freshClaim() {
  const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
  const attribution = await prisma.attribution.findFirstOrThrow({ where: { claimId }, select: { id: true, version: true } });
  return { claimVersion: claim.version, attributionId: attribution.id, attributionVersion: attribution.version };
}

/** A note written by `caller` (or by the fact-checker, for callers who cannot write). */
async function noteBy(caller: Caller) {
  const authorId = caller === "fact_checker" || caller === "admin" ? tokens[caller]!.id : tokens.fact_checker!.id;
  const note = await prisma.annotation.create({ data: { claimId, authorId, body: "a note" }, select: { id: true, version: true } });
  return note;
}

const QUOTE = "the bridge would reopen in May";
const attributionBody = () => ({
  sourceId,
  actor: `Minister ${unique()}`,
  stance: "asserts",
  quote: QUOTE,
  quoteStart: sourceText.indexOf(QUOTE),
  quoteEnd: sourceText.indexOf(QUOTE) + QUOTE.length,
});

type Operation = {
  name: string;
  permission: "edit" | "admin" | "account";
  run: (caller: Caller) => Promise<number>;
  /** The operation makes its own record first and checks a refusal against the database after that (afterSetUp). */
  checksAfterSetUp?: true;
};

const json = (method: string, body: unknown, caller: Caller) =>
  new Request(`${BASE_URL}/api`, {
    method,
    headers: { "content-type": "application/json", ...(tokens[caller] ? { authorization: `Bearer ${tokens[caller]!.token}` } : {}) },
    body: JSON.stringify(body),
  });

function form(values: Record<string, string | number | File>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value instanceof File ? value : String(value));
  return data;
}

/** A one-row attributions.csv for a new claim quoting the test source. */
const importFile = () =>
  new File(
    [`claim,topic,status,actor,stance,source_title,source_outlet,quote\nImported ${unique()},${topicKey},unreviewed,Importer,asserts,Bridge story,Test,${QUOTE}\n`],
    "matrix.csv",
    { type: "text/csv" },
  );

/** The HTTP status an action's outcome stands for; a redirect (thrown by Next) is a success. */
async function callAction(caller: Caller, action: (state: ActionState, form: FormData) => Promise<ActionState>, values: Record<string, string | number | File>) {
  setRequestHeaders(bearer(tokens[caller]?.token ?? null));
  try {
    const state = await action({ status: "idle" }, form(values));
    if (state.status === "error") return state.httpStatus;
    return 200;
  } catch (error) {
    if (error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT")) return 303;
    throw error;
  }
}

/** Records a correction acts on, made fresh for each call (each correction changes or removes its record). */
async function spareAttribution() {
  const actor = await prisma.actor.findFirstOrThrow({ select: { id: true } });
  const start = sourceText.indexOf(QUOTE);
  return prisma.attribution.create({
    data: { claimId, sourceId, actorId: actor.id, stance: "asserts", sourcing: "named", quote: QUOTE, quoteStart: start, quoteEnd: start + QUOTE.length },
    select: { id: true, version: true },
  });
}
async function spareActor() {
  const name = `Spare actor ${unique()}`;
  return prisma.actor.create({ data: { name, normalizedName: name.toLowerCase(), kind: "person" }, select: { id: true, version: true, name: true } });
}
async function spareClaim() {
  const [topic, status, actor] = await Promise.all([prisma.topic.findFirstOrThrow(), prisma.status.findFirstOrThrow(), prisma.actor.findFirstOrThrow()]);
  const text = `Spare claim ${unique()}`;
  return prisma.claim.create({
    data: { text, normalizedText: text.toLowerCase(), topicId: topic.id, statusId: status.id, attributions: { create: { sourceId, actorId: actor.id, stance: "asserts", sourcing: "named", quote: QUOTE } } },
    select: { id: true, version: true },
  });
}
const sourceVersion = async () => (await prisma.source.findUniqueOrThrow({ where: { id: sourceId }, select: { version: true } })).version;

/**
 * For operations that first make the record they act on: a refused call is checked
 * against the database as it was after that set-up, not before it.
 */
async function afterSetUp(caller: Caller, permission: Operation["permission"], call: () => Promise<number>): Promise<number> {
  const fingerprint = ALLOWED[permission].includes(caller) ? null : await databaseFingerprint();
  const status = await call();
  if (fingerprint) expect(await databaseFingerprint()).toBe(fingerprint);
  return status;
}

const editedAttribution = (version: number) => ({ actor: `Corrected ${unique()}`, stance: "denies", quote: QUOTE, version });

const CORRECTIONS: Operation[] = [
  {
    name: "PATCH /api/attributions/[id]",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const a = await spareAttribution();
      return afterSetUp(c, "edit", async () => (await patchAttribution(json("PATCH", editedAttribution(a.version), c), routeParams({ id: String(a.id) }))).status);
    },
  },
  {
    name: "DELETE /api/attributions/[id]",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const a = await spareAttribution();
      return afterSetUp(c, "edit", async () => (await deleteAttribution(json("DELETE", { version: a.version }, c), routeParams({ id: String(a.id) }))).status);
    },
  },
  {
    name: "DELETE /api/claims/[id]",
    permission: "admin",
    checksAfterSetUp: true,
    run: async (c) => {
      const claim = await spareClaim();
      return afterSetUp(c, "admin", async () => (await deleteClaim(json("DELETE", { reason: "a test", version: claim.version }, c), routeParams({ id: String(claim.id) }))).status);
    },
  },
  {
    name: "POST /api/claims/[id]/merge",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const [merged, survivor] = [await spareClaim(), await spareClaim()];
      return afterSetUp(c, "edit", async () => (await mergeClaim(json("POST", { into: survivor.id, rationale: "the same claim", version: merged.version }, c), routeParams({ id: String(merged.id) }))).status);
    },
  },
  { name: "PATCH /api/sources/[id]", permission: "edit", run: async (c) => (await patchSource(json("PATCH", { title: `Bridge ${unique()}`, outlet: "Test", version: await sourceVersion() }, c), routeParams({ id: String(sourceId) }))).status },
  { name: "PUT /api/sources/[id]/text", permission: "edit", run: async (c) => (await putSourceText(json("PUT", { text: sourceText, version: await sourceVersion() }, c), routeParams({ id: String(sourceId) }))).status },
  {
    name: "PATCH /api/actors/[id]",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const actor = await spareActor();
      return afterSetUp(c, "edit", async () => (await patchActor(json("PATCH", { name: `${actor.name} renamed`, kind: "government", version: actor.version }, c), routeParams({ id: String(actor.id) }))).status);
    },
  },
  {
    name: "POST /api/actors/[id]/merge",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const [from, into] = [await spareActor(), await spareActor()];
      return afterSetUp(c, "edit", async () => (await mergeActor(json("POST", { into: into.id, version: from.version, intoVersion: into.version }, c), routeParams({ id: String(from.id) }))).status);
    },
  },
  {
    name: "editAttributionAction",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const a = await spareAttribution();
      return afterSetUp(c, "edit", () => callAction(c, correctionActions.editAttributionAction, { attributionId: a.id, claimId, ...editedAttribution(a.version), originalQuote: QUOTE }));
    },
  },
  {
    name: "removeAttributionAction",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const a = await spareAttribution();
      return afterSetUp(c, "edit", () => callAction(c, correctionActions.removeAttributionAction, { attributionId: a.id, version: a.version }));
    },
  },
  {
    name: "deleteClaimAction",
    permission: "admin",
    checksAfterSetUp: true,
    run: async (c) => {
      const claim = await spareClaim();
      return afterSetUp(c, "admin", () => callAction(c, correctionActions.deleteClaimAction, { claimId: claim.id, reason: "a test", version: claim.version }));
    },
  },
  {
    name: "updateSourceDetailsAction",
    permission: "edit",
    run: async (c) => callAction(c, sourceCorrectionActions.updateSourceDetailsAction, { sourceId, title: `Bridge ${unique()}`, outlet: "Test", version: await sourceVersion() }),
  },
  { name: "setSourceTextAction", permission: "edit", run: async (c) => callAction(c, sourceCorrectionActions.setSourceTextAction, { sourceId, text: sourceText, version: await sourceVersion() }) },
  {
    name: "updateActorAction",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const actor = await spareActor();
      return afterSetUp(c, "edit", () => callAction(c, actorActions.updateActorAction, { actorId: actor.id, name: `${actor.name} renamed`, kind: "person", version: actor.version }));
    },
  },
  {
    name: "mergeActorAction",
    permission: "edit",
    checksAfterSetUp: true,
    run: async (c) => {
      const [from, into] = [await spareActor(), await spareActor()];
      return afterSetUp(c, "edit", () => callAction(c, actorActions.mergeActorAction, { actorId: from.id, into: into.name, version: from.version }));
    },
  },
];

const OPERATIONS: Operation[] = [
  ...CORRECTIONS,
  { name: "POST /api/sources", permission: "edit", run: async (c) => (await postSource(json("POST", { title: `T ${unique()}`, outlet: "O", text: "Some text." }, c), routeParams({}))).status },
  { name: "POST /api/claims", permission: "edit", run: async (c) => (await postClaim(json("POST", { text: `Claim ${unique()}`, topic: topicKey, attributions: [attributionBody()] }, c), routeParams({}))).status },
  {
    name: "PATCH /api/claims/[id]",
    permission: "edit",
    run: async (c) => (await patchClaim(json("PATCH", { text: `Edited ${unique()}`, topic: topicKey, version: (await freshClaim()).claimVersion }, c), routeParams({ id: String(claimId) }))).status,
  },
  { name: "POST /api/claims/[id]/attributions", permission: "edit", run: async (c) => (await postAttribution(json("POST", attributionBody(), c), routeParams({ id: String(claimId) }))).status },
  {
    name: "POST /api/claims/[id]/status",
    permission: "edit",
    run: async (c) => (await postStatus(json("POST", { status: "in_review", rationale: "checking", version: (await freshClaim()).claimVersion }, c), routeParams({ id: String(claimId) }))).status,
  },
  { name: "POST /api/claims/[id]/annotations", permission: "edit", run: async (c) => (await postAnnotation(json("POST", { body: "hello" }, c), routeParams({ id: String(claimId) }))).status },
  {
    name: "PATCH /api/annotations/[id]",
    permission: "edit",
    run: async (c) => {
      const note = await noteBy(c);
      const fingerprint = c === "anonymous" || c === "viewer" ? await databaseFingerprint() : null;
      const status = (await patchAnnotation(json("PATCH", { body: "changed", version: note.version }, c), routeParams({ id: String(note.id) }))).status;
      if (fingerprint) expect(await databaseFingerprint()).toBe(fingerprint);
      return status;
    },
  },
  {
    name: "DELETE /api/annotations/[id]",
    permission: "edit",
    run: async (c) => {
      const note = await noteBy(c);
      return (await deleteAnnotation(json("DELETE", {}, c), routeParams({ id: String(note.id) }))).status;
    },
  },
  {
    name: "POST /api/attributions/[id]/accuracy",
    permission: "edit",
    run: async (c) => {
      const { attributionId, attributionVersion } = await freshClaim();
      return (await postAccuracy(json("POST", { accuracy: "unconfirmed", rationale: "no recording", version: attributionVersion }, c), routeParams({ id: String(attributionId) }))).status;
    },
  },
  { name: "createSourceAction", permission: "edit", run: (c) => callAction(c, sourceActions.createSourceAction, { title: `T ${unique()}`, outlet: "O", text: "Text." }) },
  {
    name: "createClaimAction",
    permission: "edit",
    run: (c) => callAction(c, claimActions.createClaimAction, { text: `Claim ${unique()}`, topic: topicKey, ...attributionBody() }),
  },
  { name: "addAttributionAction", permission: "edit", run: (c) => callAction(c, claimActions.addAttributionAction, { claimId, ...attributionBody() }) },
  {
    name: "updateClaimAction",
    permission: "edit",
    run: async (c) => callAction(c, claimActions.updateClaimAction, { claimId, text: `Edited ${unique()}`, topic: topicKey, version: (await freshClaim()).claimVersion }),
  },
  {
    name: "setStatusAction",
    permission: "edit",
    run: async (c) => callAction(c, reviewActions.setStatusAction, { claimId, status: "in_review", rationale: "checking", version: (await freshClaim()).claimVersion }),
  },
  {
    name: "setAccuracyAction",
    permission: "edit",
    run: async (c) => {
      const { attributionId, attributionVersion } = await freshClaim();
      return callAction(c, reviewActions.setAccuracyAction, { attributionId, accuracy: "disputed", rationale: "context", version: attributionVersion });
    },
  },
  { name: "addAnnotationAction", permission: "edit", run: (c) => callAction(c, annotationActions.addAnnotationAction, { claimId, body: "a note" }) },
  {
    name: "editAnnotationAction",
    permission: "edit",
    run: async (c) => {
      const note = await noteBy(c);
      return callAction(c, annotationActions.editAnnotationAction, { annotationId: note.id, body: "edited", version: note.version });
    },
  },
  { name: "deleteAnnotationAction", permission: "edit", run: async (c) => callAction(c, annotationActions.deleteAnnotationAction, { annotationId: (await noteBy(c)).id }) },
  {
    name: "createUserAction",
    permission: "admin",
    run: (c) => callAction(c, adminActions.createUserAction, { email: `new-${unique()}@tests.claimtrail`, role: "viewer", password: "another-long-password" }),
  },
  { name: "setRoleAction", permission: "admin", run: (c) => callAction(c, adminActions.setRoleAction, { userId: tokens.viewer!.id, role: "viewer" }) },
  {
    name: "setDisabledAction",
    permission: "admin",
    run: async (c) => {
      const target = await createUserWithToken("viewer");
      return callAction(c, adminActions.setDisabledAction, { userId: target.id, disabled: "true" });
    },
  },
  {
    name: "createStatusAction",
    permission: "admin",
    run: (c) => callAction(c, adminActions.createStatusAction, { key: `s${counter++}x`, label: "Satire", description: "Not meant literally.", colour: "#123456", sortOrder: 50, ratingValue: "" }),
  },
  {
    name: "updateStatusAction",
    permission: "admin",
    run: (c) => callAction(c, adminActions.updateStatusAction, { key: "mixed", label: `Mixed ${unique()}`, description: "Partly accurate.", colour: "#fde68a", sortOrder: 4, ratingValue: 3, isFinal: "on" }),
  },
  { name: "createTopicAction", permission: "admin", run: (c) => callAction(c, adminActions.createTopicAction, { key: `topic-${counter++}`, label: "New topic" }) },
  { name: "updateTopicAction", permission: "admin", run: (c) => callAction(c, adminActions.updateTopicAction, { key: topicKey, label: `Label ${unique()}` }) },
  { name: "checkImportAction", permission: "edit", run: (c) => callAction(c, importActions.checkImportAction, { file: importFile() }) },
  { name: "runImportAction", permission: "edit", run: (c) => callAction(c, importActions.runImportAction, { file: importFile() }) },
  { name: "createTokenAction", permission: "account", run: (c) => callAction(c, tokenActions.createTokenAction, { name: "script" }) },
  {
    name: "revokeTokenAction",
    permission: "account",
    run: async (c) => {
      const owner = c === "anonymous" ? tokens.viewer! : tokens[c]!;
      const extra = await prisma.apiToken.create({ data: { userId: owner.id, name: "spare", tokenHash: `hash-${unique()}`, prefix: "ct_x" } });
      return callAction(c, tokenActions.revokeTokenAction, { tokenId: extra.id });
    },
  },
];

const ALLOWED: Record<Operation["permission"], Caller[]> = {
  account: ["viewer", "fact_checker", "admin"],
  edit: ["fact_checker", "admin"],
  admin: ["admin"],
};

beforeAll(async () => {
  for (const role of ["viewer", "fact_checker", "admin"] as const) {
    const user = await createUserWithToken(role);
    tokens[role] = { id: user.id, token: user.token };
  }
  const source = await prisma.source.create({ data: { title: "Bridge story", outlet: "Test", text: sourceText, textSha256: "x" } });
  sourceId = source.id;
  const claim = await prisma.claim.findFirstOrThrow({ select: { id: true, topic: { select: { key: true } } } });
  claimId = claim.id;
  topicKey = claim.topic.key;
});

describe("authorization matrix", () => {
  for (const operation of OPERATIONS) {
    for (const caller of CALLERS) {
      const allowed = ALLOWED[operation.permission].includes(caller);
      it(`${operation.name} as ${caller}: ${allowed ? "allowed" : "refused, nothing changed"}`, async () => {
        if (allowed) {
          const status = await operation.run(caller);
          expect(status, `${operation.name} as ${caller}`).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(400);
          return;
        }
        // Setting up the operation may write (e.g. a note to edit); compare from just before the call.
        const status = await runRefused(operation, caller);
        expect(status).toBe(caller === "anonymous" ? 401 : 403);
      });
    }
  }
});

/** Run an operation expected to be refused and check it changed nothing. */
async function runRefused(operation: Operation, caller: Caller): Promise<number> {
  // Operations that first create a record to act on are compared after that set-up: the
  // refused call itself must leave the database untouched.
  const fingerprintBefore = await databaseFingerprint();
  const status = await operation.run(caller);
  const setUpWrites = [
    "PATCH /api/annotations/[id]",
    "DELETE /api/annotations/[id]",
    "editAnnotationAction",
    "deleteAnnotationAction",
    "setDisabledAction",
    "revokeTokenAction",
  ];
  if (!setUpWrites.includes(operation.name) && !operation.checksAfterSetUp) expect(await databaseFingerprint()).toBe(fingerprintBefore);
  return status;
}

describe("authorization details", () => {
  it("refuses to let a fact-checker edit or delete another author's note (403), changing nothing", async () => {
    const other = await createUserWithToken("fact_checker");
    const note = await prisma.annotation.create({ data: { claimId, authorId: other.id, body: "theirs" } });
    const before = await databaseFingerprint();
    expect((await patchAnnotation(json("PATCH", { body: "mine now", version: 1 }, "fact_checker"), routeParams({ id: String(note.id) }))).status).toBe(403);
    expect((await deleteAnnotation(json("DELETE", {}, "fact_checker"), routeParams({ id: String(note.id) }))).status).toBe(403);
    expect(await databaseFingerprint()).toBe(before);
    // An admin may delete it; the text is kept in the audit log.
    expect((await deleteAnnotation(json("DELETE", {}, "admin"), routeParams({ id: String(note.id) }))).status).toBe(200);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "annotation", entityId: String(note.id), action: "delete" } });
    expect(JSON.parse(audit.before!).body).toBe("theirs");
  });

  it("rejects a revoked token and a disabled user's token with 401", async () => {
    const user = await createUserWithToken("fact_checker");
    const body = JSON.stringify({ body: "hi" });
    const request = () => new Request(`${BASE_URL}/api`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${user.token}` }, body });
    expect((await postAnnotation(request(), routeParams({ id: String(claimId) }))).status).toBe(201);
    await prisma.user.update({ where: { id: user.id }, data: { banned: true } });
    expect((await postAnnotation(request(), routeParams({ id: String(claimId) }))).status).toBe(401);
    await prisma.user.update({ where: { id: user.id }, data: { banned: false } });
    await prisma.apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect((await postAnnotation(request(), routeParams({ id: String(claimId) }))).status).toBe(401);
  });

  it("refuses a cross-origin cookie request to a write route with 403", async () => {
    const request = new Request(`${BASE_URL}/api`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example", host: "claimtrail.test", cookie: "better-auth.session_token=x" },
      body: JSON.stringify({ body: "csrf" }),
    });
    expect((await postAnnotation(request, routeParams({ id: String(claimId) }))).status).toBe(403);
  });
});
