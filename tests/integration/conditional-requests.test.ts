import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as addNote } from "@/app/api/claims/[id]/annotations/route";
import { prisma } from "@/lib/db/prisma";
import { readChangeCounter } from "@/lib/db/change-counter";
import { conditionalRead, matches } from "@/lib/http/conditional";
import { proxy } from "@/proxy";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Conditional requests: proxy.ts answers a read whose ETag still holds 304, before any
 * route or page runs; the ETag moves with the database's change counter, which triggers
 * move on in every writing transaction of a domain table (and only then).
 */

const get = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`${BASE_URL}${path}`, { headers }));
const anonymousRole = async () => null;

async function addNoteTo(claimId: number) {
  const { token } = await createUserWithToken("fact_checker");
  const response = await addNote(
    new Request(`${BASE_URL}/api/claims/${claimId}/annotations`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ body: "A note that changes the claim's record" }) }),
    routeParams({ id: String(claimId) }),
  );
  expect(response.status).toBe(201);
}

describe("conditional reads", () => {
  it("gives the list an ETag and a short public Cache-Control, and answers 304 with no body while nothing changed", async () => {
    const first = await get("/api/claims?status=unreviewed");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);

    const again = await get("/api/claims?status=unreviewed", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    // Another query string is another answer.
    expect((await get("/api/claims?status=false", { "if-none-match": etag! })).status).not.toBe(304);
  });

  it("answers 200 with a new ETag once a write changed the data", async () => {
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true } });
    const before = (await get(`/api/claims/${claim.id}`)).headers.get("etag")!;
    const listBefore = (await get("/api/claims")).headers.get("etag")!;
    await addNoteTo(claim.id);
    const after = await get(`/api/claims/${claim.id}`, { "if-none-match": before });
    expect(after.status).not.toBe(304);
    expect(after.headers.get("etag")).not.toBe(before);
    expect((await get("/api/claims", { "if-none-match": listBefore })).status).not.toBe(304);
  });

  it("moves the counter for domain tables only, not for sign-in state", async () => {
    const start = await readChangeCounter();
    await prisma.rateLimit.create({ data: { id: `t-${Date.now()}`, key: `test-${Date.now()}`, count: 1, lastRequest: BigInt(Date.now()) } });
    expect(await readChangeCounter()).toEqual(start);
    await prisma.topic.update({ where: { id: (await prisma.topic.findFirstOrThrow()).id }, data: { label: `Renamed ${Date.now()}` } });
    expect((await readChangeCounter()).value).toBeGreaterThan(start.value);
  });

  it("keeps pages apart by role: a signed-in reader's page is private and its ETag differs", async () => {
    const request = (headers: Record<string, string>) => ({ method: "GET", pathname: "/claims/1", search: "", headers: new Headers({ accept: "text/html", ...headers }) });
    const anonymous = (await conditionalRead(request({}), anonymousRole, { READ_ACCESS: "public", PUBLIC_CACHE_SECONDS: 5 }))!;
    expect(anonymous.headers["Cache-Control"]).toBe("public, no-cache");
    const editor = (await conditionalRead(request({ cookie: "better-auth.session_token=abc" }), async () => "editor", { READ_ACCESS: "public", PUBLIC_CACHE_SECONDS: 5 }))!;
    expect(editor.headers["Cache-Control"]).toBe("private, no-store");
    expect(editor.headers.ETag).not.toBe(anonymous.headers.ETag);
    // The client router's RSC payload (no text/html in Accept) is not answered from a page's ETag.
    expect(await conditionalRead({ ...request({}), headers: new Headers({ "if-none-match": anonymous.headers.ETag! }) }, anonymousRole)).toBeNull();
  });

  it("never lets anything be cached under READ_ACCESS=login: no ETag, private, no-store, no 304", async () => {
    const etag = (await get("/api/claims")).headers.get("etag")!;
    for (const pathname of ["/api/claims", "/export/claims.csv", "/claims/1"]) {
      const answer = await conditionalRead({ method: "GET", pathname, search: "", headers: new Headers({ accept: "text/html", "if-none-match": etag }) }, anonymousRole, { READ_ACCESS: "login", PUBLIC_CACHE_SECONDS: 5 });
      expect(answer).toEqual({ notModified: false, headers: { "Cache-Control": "private, no-store" } });
    }
  });

  it("leaves writes and other paths alone", async () => {
    for (const [method, pathname] of [["POST", "/api/claims"], ["GET", "/api/health"], ["GET", "/admin/users"]] as const) {
      expect(await conditionalRead({ method, pathname, search: "", headers: new Headers() }, anonymousRole)).toBeNull();
    }
  });

  it("compares If-None-Match weakly, in a list, and with *", () => {
    expect(matches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('"abc"', 'W/"abc"')).toBe(true);
    expect(matches('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches("*", 'W/"abc"')).toBe(true);
    expect(matches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matches(null, 'W/"abc"')).toBe(false);
  });
});
