import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listClaims, POST as postClaim } from "@/app/api/claims/route";
import { GET as getClaim, PATCH as patchClaim } from "@/app/api/claims/[id]/route";
import { POST as postAttribution } from "@/app/api/claims/[id]/attributions/route";
import { POST as postStatus } from "@/app/api/claims/[id]/status/route";
import { POST as postAnnotation } from "@/app/api/claims/[id]/annotations/route";
import { PATCH as patchAnnotation, DELETE as deleteAnnotation } from "@/app/api/annotations/[id]/route";
import { POST as postAccuracy } from "@/app/api/attributions/[id]/accuracy/route";
import { POST as postSource } from "@/app/api/sources/route";
import { GET as getSource } from "@/app/api/sources/[id]/route";
import { prisma } from "@/lib/db/prisma";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Hostile and random input against every API parameter and body: the answer is always a
 * deliberate status (never a 500), and a refused write changes nothing at all.
 */

const HOSTILE = [
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "true",
  "[]",
  "{}",
  "' OR 1=1 --",
  "\"; DROP TABLE Claim; --",
  "NEAR(a b)",
  "claim_text:x",
  "*",
  "\"",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "\u0000",
  "\ud800",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧪",
  "Песков",
  "북한",
  "a".repeat(600),
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("text", "topic", "status", "version", "body", "quote", "quoteStart", "sourceId", "actor", "stance", "attributions", "__proto__", "constructor"), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const PARAMETERS = ["q", "status", "topic", "stance", "source", "actor", "role", "contested", "from", "to", "sort", "page", "pageSize", "cols", "unknown"];
const DELIBERATE = new Set([200, 201, 400, 401, 403, 404, 409]);

let token: string;
let claimId: number;
let attributionId: number;
let noteId: number;

beforeAll(async () => {
  token = (await createUserWithToken("fact_checker")).token;
  const attribution = await prisma.attribution.findFirstOrThrow({ select: { id: true, claimId: true } });
  attributionId = attribution.id;
  claimId = attribution.claimId;
  const user = await prisma.user.findFirstOrThrow({ where: { role: "fact_checker" } });
  noteId = (await prisma.annotation.create({ data: { claimId, authorId: user.id, body: "fuzz target" } })).id;
});

const request = (method: string, body: unknown) =>
  new Request(`${BASE_URL}/api`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: typeof body === "string" ? body : JSON.stringify(body) });

/** Bodies of the right shape with hostile values in every field, to get past the schema into the writes. */
const maybe = <T,>(valid: fc.Arbitrary<T>) => fc.oneof(valid, hostileString, fc.integer({ min: -5, max: 5000 }), fc.constant(null));
const attributionShape = fc.record({
  sourceId: maybe(fc.integer({ min: 1, max: 3 })),
  actor: hostileString,
  actorKind: maybe(fc.constantFrom("person", "government", "news_outlet")),
  stance: maybe(fc.constantFrom("asserts", "denies", "reports", "declines_to_clarify")),
  verb: hostileString,
  via: fc.array(hostileString, { maxLength: 3 }),
  quote: fc.oneof(hostileString, fc.constantFrom("fake news", "Peskov", "North Korea")),
  quoteStart: maybe(fc.integer({ min: 0, max: 4000 })),
  quoteEnd: maybe(fc.integer({ min: 0, max: 4000 })),
});
const SHAPED: Record<string, fc.Arbitrary<unknown>> = {
  "POST /api/sources": fc.record({ title: hostileString, outlet: hostileString, url: maybe(fc.webUrl()), publishedAt: maybe(fc.constantFrom("2024-10-15", "2024-02-30")), text: hostileString }),
  "POST /api/claims": fc.record({ text: hostileString, topic: maybe(fc.constantFrom("troop-deaths", "korean-peninsula")), attributions: fc.array(attributionShape, { maxLength: 2 }) }),
  "PATCH /api/claims/[id]": fc.record({ text: hostileString, topic: maybe(fc.constant("troop-deaths")), version: maybe(fc.integer({ min: 1, max: 3 })) }),
  "POST /api/claims/[id]/attributions": attributionShape,
  "POST /api/claims/[id]/status": fc.record({ status: maybe(fc.constantFrom("true", "false", "mixed")), rationale: hostileString, evidence: fc.array(maybe(fc.webUrl()), { maxLength: 3 }), version: maybe(fc.integer({ min: 1, max: 3 })) }),
  "POST /api/claims/[id]/annotations": fc.record({ body: hostileString, attributionId: maybe(fc.integer({ min: 1, max: 40 })), parentId: maybe(fc.integer({ min: 1, max: 5 })) }),
  "PATCH /api/annotations/[id]": fc.record({ body: hostileString, version: maybe(fc.integer({ min: 1, max: 3 })) }),
  "DELETE /api/annotations/[id]": fc.constant({}),
  "POST /api/attributions/[id]/accuracy": fc.record({ accuracy: maybe(fc.constantFrom("disputed", "misattributed")), rationale: hostileString, version: maybe(fc.integer({ min: 1, max: 3 })) }),
};

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const WRITES: [string, Route, string, () => Record<string, string>][] = [
  ["POST /api/sources", postSource as Route, "POST", () => ({})],
  ["POST /api/claims", postClaim as Route, "POST", () => ({})],
  ["PATCH /api/claims/[id]", patchClaim as Route, "PATCH", () => ({ id: String(claimId) })],
  ["POST /api/claims/[id]/attributions", postAttribution as Route, "POST", () => ({ id: String(claimId) })],
  ["POST /api/claims/[id]/status", postStatus as Route, "POST", () => ({ id: String(claimId) })],
  ["POST /api/claims/[id]/annotations", postAnnotation as Route, "POST", () => ({ id: String(claimId) })],
  ["PATCH /api/annotations/[id]", patchAnnotation as Route, "PATCH", () => ({ id: String(noteId) })],
  ["DELETE /api/annotations/[id]", deleteAnnotation as Route, "DELETE", () => ({ id: String(noteId) })],
  ["POST /api/attributions/[id]/accuracy", postAccuracy as Route, "POST", () => ({ id: String(attributionId) })],
];

describe("fuzzing the JSON API", () => {
  it("GET /api/claims answers 200 or 400 for any combination of parameters, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...PARAMETERS), hostileString), { maxLength: 6 }), async (pairs) => {
        const params = new URLSearchParams();
        for (const [key, value] of pairs) params.append(key, value);
        const response = await listClaims(new Request(`${BASE_URL}/api/claims?${params}`), routeParams({}));
        expect([200, 400]).toContain(response.status);
        const body = await response.json();
        if (response.status === 400) expect(body.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it("GET by id answers 200 or 404 for any id", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (id) => {
        const claim = await getClaim(new Request(`${BASE_URL}/api/claims/x`), routeParams({ id }));
        const source = await getSource(new Request(`${BASE_URL}/api/sources/x`), routeParams({ id }));
        expect([200, 404]).toContain(claim.status);
        expect([200, 404]).toContain(source.status);
      }),
      { numRuns: 100 },
    );
  });

  for (const [name, route, method, params] of WRITES) {
    it(`${name} never answers 500, and a refusal writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(SHAPED[name]!, SHAPED[name]!, hostileValue, hostileString.map((s) => `{${s}`)), fc.oneof(fc.constant(null), fc.constant(null), hostileString), async (body, id) => {
          const routeParamsFor = id === null ? params() : { id };
          const before = await databaseFingerprint();
          const response = await route(request(method, body), routeParams(routeParamsFor));
          expect(DELIBERATE.has(response.status), `${name} answered ${response.status} to ${JSON.stringify(body)}`).toBe(true);
          if (response.status >= 400) expect(await databaseFingerprint()).toBe(before);
        }),
        { numRuns: 80 },
      );
    });
  }
});
