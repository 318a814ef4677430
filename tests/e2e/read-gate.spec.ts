import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Server } from "@/tools/harness/server";
import { ACCOUNTS } from "./support/accounts";
import { apiToken, createReviewedClaim } from "./support/reviewed-claim";
import { startSecondServer, stopServer } from "./support/servers";

/*
 * The read gate: on a server with READ_ACCESS=login, every page, API route, export, the
 * ClaimReview files and the React Server Component payloads (`RSC: 1`, what client-side
 * navigation fetches) refuse an anonymous reader and show them nothing of the claims; a
 * viewer's session and a viewer's API token are let in.
 */

let server: Server;
let viewerToken: string;
let claimText: string;
let paths: { pages: string[]; files: string[] };

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  server = await startSecondServer({ READ_ACCESS: "login" });
  viewerToken = await apiToken("viewer");
  claimText = `A claim only readers who signed in may see ${Date.now()}`;
  const claimId = await createReviewedClaim(request, {
    baseURL: server.url,
    token: await apiToken("factChecker"),
    claim: claimText,
    status: "false",
    statements: [{ actor: "Gatekeeper Speaker", actorKind: "person", stance: "asserts", words: "The gatekeeper said the thing on the record." }],
  });
  const detail = (await (await request.get(`${server.url}/api/claims/${claimId}`, { headers: { authorization: `Bearer ${viewerToken}` } })).json()) as {
    attributions: { source: { id: number }; actor: { id: number } }[];
  };
  const { source, actor } = detail.attributions[0]!;
  const query = `?q=${encodeURIComponent("gatekeeper")}`;
  paths = {
    pages: ["/", "/claims", `/claims${query}`, `/claims/${claimId}`, `/claims/new?source=${source.id}`, "/sources", `/sources/${source.id}`, "/sources/new", "/actors", `/actors/${actor.id}`, "/matrix", "/import", "/account", "/admin/users", "/admin/statuses", "/admin/topics", "/admin/audit", "/docs/export"],
    files: [
      "/api/claims",
      `/api/claims${query}`,
      `/api/claims/${claimId}`,
      `/api/sources/${source.id}`,
      "/export/claims.csv",
      "/export/attributions.csv",
      "/export/claims.json",
      "/export/claimreview.jsonld",
      "/export/claims.ndjson",
      "/api/claims/deleted",
      `/claims/${claimId}/claimreview.jsonld`,
    ],
  };
});

test.afterAll(async () => {
  await stopServer(server);
});

test("an anonymous reader is sent to sign in from every page, and gets 401 from every API route and file", async ({ request }) => {
  for (const path of paths.pages) {
    for (const headers of [{}, { RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }] as Record<string, string>[]) {
      const response = await request.get(`${server.url}${path}`, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(307);
      const location = new URL(response.headers().location!, server.url);
      expect(location.pathname, path).toBe("/sign-in");
      expect(location.searchParams.get("next"), path).toBe(path);
      expect(await response.text()).not.toContain("Gatekeeper");
    }
  }
  for (const path of paths.files) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await request.get(`${server.url}${path}`, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(401);
      const body = await response.text();
      expect(body).not.toContain("Gatekeeper");
      expect(body).toContain("Sign in");
    }
  }
});

/** Every path answers 200 (following no redirect) and the claim pages and files show the claim. */
async function expectLetIn(request: APIRequestContext, headers: Record<string, string>) {
  for (const path of [...paths.pages, ...paths.files]) {
    const response = await request.get(`${server.url}${path}`, { headers, maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
  }
  // Every file but the list of deleted claims, which holds no claim text.
  for (const path of [`/claims?q=gatekeeper`, ...paths.files.filter((file) => file !== "/api/claims/deleted")]) {
    const response = await request.get(`${server.url}${path}`, { headers, maxRedirects: 0 });
    expect(await response.text(), path).toContain("Gatekeeper");
  }
  // Next answers an RSC request without its cache-busting `_rsc` parameter with a redirect
  // to the same page with one: followed here, it must end in the payload, not at sign-in.
  const rsc = await request.get(`${server.url}/claims?q=gatekeeper`, { headers: { ...headers, RSC: "1" } });
  expect(new URL(rsc.url()).pathname).toBe("/claims");
  expect(rsc.status()).toBe(200);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  expect(await rsc.text()).toContain("Gatekeeper");
}

test("a viewer's API token is let in everywhere", async ({ request }) => {
  await expectLetIn(request, { authorization: `Bearer ${viewerToken}` });
});

test("a viewer's session is let in everywhere, and signing out closes the gate again", async ({ playwright }) => {
  const session = await playwright.request.newContext({ baseURL: server.url });
  const signIn = await session.post("/api/auth/sign-in/email", {
    headers: { origin: server.url },
    data: { email: ACCOUNTS.viewer.email, password: ACCOUNTS.viewer.password },
  });
  expect(signIn.status(), await signIn.text()).toBe(200);
  await expectLetIn(session, {});

  const signOut = await session.post("/api/auth/sign-out", { headers: { origin: server.url }, data: {} });
  expect(signOut.status()).toBe(200);
  expect((await session.get("/claims", { maxRedirects: 0 })).status()).toBe(307);
  expect((await session.get("/api/claims", { maxRedirects: 0 })).status()).toBe(401);
  await session.dispose();
});
