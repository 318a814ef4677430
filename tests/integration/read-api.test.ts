import { describe, expect, it } from "vitest";
import { GET as listClaims } from "@/app/api/claims/route";
import { GET as claimFacets } from "@/app/api/claims/facets/route";
import { GET as getClaim } from "@/app/api/claims/[id]/route";
import { GET as getSource } from "@/app/api/sources/[id]/route";
import { prisma } from "@/lib/db/prisma";
import { BASE_URL, routeParams } from "@/tests/support/route-context";

const list = (query: string) => listClaims(new Request(`${BASE_URL}/api/claims?${query}`), routeParams({}));

describe("GET /api/claims", () => {
  it("answers { items, total, page, pageSize, facets } with nested attributions", async () => {
    const response = await list("");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["facets", "facetsMissing", "items", "page", "pageSize", "total"]);
    expect(body).toMatchObject({ facetsMissing: [], page: 1, pageSize: 50, total: await prisma.claim.count() });
    const claim = body.items[0];
    expect(claim).toMatchObject({ id: expect.any(Number), text: expect.any(String), topic: { key: expect.any(String) }, status: { key: "unreviewed" } });
    expect(claim.attributions[0]).toMatchObject({
      actor: { name: expect.any(String) },
      via: expect.any(Array),
      source: { id: expect.any(Number) },
      quote: { exact: expect.any(String), start: expect.any(Number), end: expect.any(Number) },
    });
  });

  it("pages with page and pageSize, clamping pageSize to 200", async () => {
    const small = await (await list("pageSize=3&page=2")).json();
    expect(small.items).toHaveLength(3);
    expect(small.page).toBe(2);
    const big = await (await list("pageSize=1000")).json();
    expect(big.pageSize).toBe(200);
  });

  it.each([
    ["page=abc", "page"],
    ["pageSize=-1", "pageSize"],
    ["page=0", "page"],
    ["status=bogus", "status"],
    ["from=notadate", "from"],
  ])("answers 400 naming the parameter for %s", async (query, parameter) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toContain(`${parameter}:`);
    expect(body.problems.map((p: { parameter: string }) => p.parameter)).toContain(parameter);
  });

  it("ignores unknown parameters", async () => {
    expect((await list("utm_campaign=x&foo=bar")).status).toBe(200);
  });
});

describe("GET /api/claims/facets", () => {
  const facets = (query: string) => claimFacets(new Request(`${BASE_URL}/api/claims/facets?${query}`), routeParams({}));

  it.each(["", "status=unreviewed", "stance=denies&role=denied", "q=missile", "contested=true&sort=claim"])(
    "answers the counts GET /api/claims gives for %j, and nothing else",
    async (query) => {
      const response = await facets(query);
      expect(response.status).toBe(200);
      const alone = await response.json();
      const withRows = await (await list(query)).json();
      expect(alone).toEqual({ facets: withRows.facets, missing: withRows.facetsMissing });
    },
  );

  it("answers 400 naming the parameter, as the list does", async () => {
    const response = await facets("status=bogus");
    expect(response.status).toBe(400);
    expect((await response.json()).problems.map((p: { parameter: string }) => p.parameter)).toEqual(["status"]);
  });
});

describe("GET /api/claims/[id]", () => {
  it("answers the claim", async () => {
    const claim = await prisma.claim.findFirstOrThrow();
    const response = await getClaim(new Request(`${BASE_URL}/api/claims/${claim.id}`), routeParams({ id: String(claim.id) }));
    expect(response.status).toBe(200);
    expect((await response.json()).text).toBe(claim.text);
  });

  it.each(["999999", "abc", "0", "-1", "1e3"])("answers 404 with a JSON message for %s", async (id) => {
    const response = await getClaim(new Request(`${BASE_URL}/api/claims/${id}`), routeParams({ id }));
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/No claim/);
  });
});

describe("GET /api/sources/[id]", () => {
  it("answers the source with its full text and anchored quotes", async () => {
    const source = await prisma.source.findFirstOrThrow();
    const response = await getSource(new Request(`${BASE_URL}/api/sources/${source.id}`), routeParams({ id: String(source.id) }));
    const body = await response.json();
    expect(body.text).toBe(source.text);
    expect(body.textSha256).toBe(source.textSha256);
    expect(body.quotes.length).toBe(await prisma.attribution.count({ where: { sourceId: source.id } }));
    for (const quote of body.quotes) {
      expect(quote.anchored).toBe(true);
      expect(source.text.slice(quote.start, quote.end)).toBe(quote.exact);
    }
  });

  it("answers 404 for an unknown source", async () => {
    const response = await getSource(new Request(`${BASE_URL}/api/sources/424242`), routeParams({ id: "424242" }));
    expect(response.status).toBe(404);
  });
});
