import { expect, test, type APIResponse } from "@playwright/test";
import type { Server } from "@/tools/harness/server";
import { expectNoSeriousA11yViolations } from "./support/accessibility";
import { ACCOUNTS } from "./support/accounts";
import { apiToken, createReviewedClaim } from "./support/reviewed-claim";
import { startPageServer, startSecondServer, stopServer, type PageServer } from "./support/servers";

/*
 * A second server on the same build and database, configured as a newsroom's internal
 * site: READ_ACCESS=login, one notebook origin allowed to read (CORS_ORIGINS), no
 * PUBLIC_URL (so BETTER_AUTH_URL gives the address) and no publishing organisation.
 * It shows crawlers nothing, lets only the listed origin read (with a token), and its
 * ClaimReviews say that they have no publisher instead of naming the software.
 */

const corsHeaders = (response: APIResponse) => Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.startsWith("access-control-") || name === "vary"));

let notebook: PageServer;
let stranger: PageServer;
let server: Server;
let token: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  notebook = await startPageServer();
  stranger = await startPageServer();
  server = await startSecondServer({ READ_ACCESS: "login", CORS_ORIGINS: notebook.origin });
  token = await apiToken("factChecker");
});

test.afterAll(async () => {
  await stopServer(server);
  await notebook.close();
  await stranger.close();
});

test("robots.txt turns every crawler away and the sitemap lists nothing, without sign-in", async ({ request }) => {
  // Some claim has a ClaimReview, so an empty sitemap is a decision, not an accident.
  await createReviewedClaim(request, {
    baseURL: server.url,
    token,
    claim: `An internal claim ${Date.now()}`,
    status: "false",
    statements: [{ actor: "Internal Speaker", actorKind: "person", stance: "asserts", words: "The internal speaker said it on the record." }],
  });
  const robots = await request.get(`${server.url}/robots.txt`, { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  expect(rules.trim()).toBe("User-Agent: *\nDisallow: /");
  expect(rules).not.toMatch(/Sitemap/i);

  const sitemap = await request.get(`${server.url}/sitemap.xml`, { maxRedirects: 0 });
  expect(sitemap.status()).toBe(200);
  const xml = await sitemap.text();
  expect(xml).toContain("<urlset");
  expect(xml).not.toContain("<url>");
  expect(xml).not.toContain("/claims/");

  // The pages themselves still need sign-in.
  expect((await request.get(`${server.url}/claims`, { maxRedirects: 0 })).status()).toBe(307);
});

test("only the listed origin may read, echoed, with a token; preflights likewise; writes never", async ({ request }) => {
  const get = (origin: string, withToken: boolean) =>
    request.get(`${server.url}/api/claims?pageSize=1`, { headers: { origin, ...(withToken ? { authorization: `Bearer ${token}` } : {}) } });

  const listed = await get(notebook.origin, true);
  expect(listed.status()).toBe(200);
  expect(corsHeaders(listed)).toEqual({
    "access-control-allow-origin": notebook.origin,
    "access-control-expose-headers": "Content-Disposition, Retry-After, Claimtrail-Notice, ETag",
    vary: expect.stringContaining("Origin"),
  });
  // Without a token: 401, readable by the notebook so it can say why.
  const anonymous = await get(notebook.origin, false);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["access-control-allow-origin"]).toBe(notebook.origin);
  // Another origin gets no Access-Control-Allow-Origin, token or not.
  for (const response of [await get(stranger.origin, true), await get("https://evil.example", true)]) {
    expect(response.headers()["access-control-allow-origin"]).toBeUndefined();
    expect(response.headers()["access-control-allow-credentials"]).toBeUndefined();
  }

  const preflight = (origin: string, method: string) =>
    request.fetch(`${server.url}/export/claims.csv`, { method: "OPTIONS", headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization" } });
  const allowed = await preflight(notebook.origin, "GET");
  expect(allowed.status()).toBe(204);
  expect(allowed.headers()["access-control-allow-origin"]).toBe(notebook.origin);
  expect(allowed.headers()["access-control-allow-headers"]).toContain("Authorization");
  for (const [origin, method] of [[stranger.origin, "GET"], [notebook.origin, "POST"], [notebook.origin, "DELETE"]]) {
    const refused = await preflight(origin!, method!);
    expect(refused.status(), `${origin} ${method}`).toBe(403);
    expect(refused.headers()["access-control-allow-origin"]).toBeUndefined();
  }
});

test("in Chromium, the listed notebook reads with its token and a stranger's page cannot", async ({ page }) => {
  const readFrom = async (origin: string) => {
    await page.goto(origin);
    return page.evaluate(
      async ({ app, bearer }) => {
        try {
          const response = await fetch(`${app}/api/claims?pageSize=1`, { headers: { authorization: `Bearer ${bearer}` } });
          return { status: response.status, total: (await response.json()).total as number };
        } catch (error) {
          return { blocked: String(error) };
        }
      },
      { app: server.url, bearer: token },
    );
  };
  expect(await readFrom(notebook.origin)).toEqual({ status: 200, total: expect.any(Number) });
  expect(await readFrom(stranger.origin)).toEqual({ blocked: expect.stringContaining("Failed to fetch") });
});

test("without a configured organisation, ClaimReview names no publisher and says so; its address is BETTER_AUTH_URL's", async ({ request }) => {
  const claimId = await createReviewedClaim(request, {
    baseURL: server.url,
    token,
    claim: `A claim reviewed without an organisation ${Date.now()}`,
    status: "mostly_true",
    statements: [{ actor: "Careful Speaker", actorKind: "person", stance: "asserts", words: "The careful speaker said it, mostly right." }],
  });
  const headers = { authorization: `Bearer ${token}` };
  const file = await request.get(`${server.url}/claims/${claimId}/claimreview.jsonld`, { headers });
  expect(file.status()).toBe(200);
  expect(file.headers()["claimtrail-notice"]).toMatch(/No publishing organisation is configured \(ORGANISATION_NAME\)/);
  const review = await file.json();
  expect(review).not.toHaveProperty("author");
  expect(review).not.toHaveProperty("publisher");
  expect(JSON.stringify(review)).not.toMatch(/claimtrail/i);
  // startSecondServer leaves PUBLIC_URL unset; BETTER_AUTH_URL is the server's own address.
  expect(review.url).toBe(`${server.url}/claims/${claimId}`);

  const exported = await request.get(`${server.url}/export/claimreview.jsonld`, { headers });
  expect(exported.headers()["claimtrail-notice"]).toMatch(/No publishing organisation is configured/);
  expect((await exported.json())["@graph"].every((entry: object) => !("author" in entry) && !("publisher" in entry))).toBe(true);
});

test("a fact-checker signed in to that site sees on the claim page that its ClaimReview has no publisher", async ({ page, request }) => {
  const claimId = await createReviewedClaim(request, {
    baseURL: server.url,
    token,
    claim: `A claim whose page shows the notice ${Date.now()}`,
    status: "true",
    statements: [{ actor: "Page Speaker", actorKind: "person", stance: "asserts", words: "The page speaker said so in public." }],
  });
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/claims/${claimId}`)}`);
  await page.getByLabel("E-mail").fill(ACCOUNTS.factChecker.email);
  await page.getByLabel("Password").fill(ACCOUNTS.factChecker.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claimId}$`));
  await expect(page.getByText("No publishing organisation is configured (ORGANISATION_NAME)")).toBeVisible();
  const embedded = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(embedded).not.toHaveProperty("author");
  await expectNoSeriousA11yViolations(page);
});
