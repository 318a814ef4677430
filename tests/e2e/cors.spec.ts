import { expect, test, type APIResponse } from "@playwright/test";
import { apiToken } from "./support/reviewed-claim";
import { startPageServer, type PageServer } from "./support/servers";

/*
 * CORS on the running public server, whose CORS_ORIGINS is unset (so `*`): another site's
 * page may read the JSON API and the exports, never with credentials, and may never write.
 * Checked on the headers, and in Chromium from a real page of another origin (a one-page
 * server on 127.0.0.1, while the app is on localhost).
 */

const ELSEWHERE = "https://notebook.example";
const corsHeaders = (response: APIResponse) => Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.startsWith("access-control-")));

test("reads of the API and the exports carry Access-Control-Allow-Origin: *, writes and pages none", async ({ request }) => {
  for (const path of ["/api/claims?pageSize=1", "/api/claims/1", "/api/sources/1", "/export/claims.csv?topic=troop-deaths", "/export/claimreview.jsonld"]) {
    const response = await request.get(path, { headers: { origin: ELSEWHERE } });
    expect(response.status(), path).toBe(200);
    expect(corsHeaders(response), path).toEqual({
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "Content-Disposition, Retry-After, Claimtrail-Notice, ETag",
    });
  }
  // A page, a sign-in endpoint and every write: no CORS header at all.
  expect(corsHeaders(await request.get("/claims", { headers: { origin: ELSEWHERE } }))).toEqual({});
  expect(corsHeaders(await request.get("/api/auth/get-session", { headers: { origin: ELSEWHERE } }))).toEqual({});
  const token = await apiToken("factChecker");
  const writes = [
    request.post("/api/claims/1/annotations", { headers: { origin: ELSEWHERE, authorization: `Bearer ${token}` }, data: { body: "written from another origin" } }),
    request.patch("/api/claims/1", { headers: { origin: ELSEWHERE, authorization: `Bearer ${token}` }, data: { text: "x", topic: "troop-deaths", version: 999 } }),
    request.delete("/api/annotations/999999", { headers: { origin: ELSEWHERE, authorization: `Bearer ${token}` }, data: {} }),
  ];
  for (const write of await Promise.all(writes)) {
    expect(corsHeaders(write), `${write.url()} ${write.status()}`).toEqual({});
  }
});

test("a preflight is answered for a read and refused for a write", async ({ request }) => {
  const preflight = (path: string, method: string) =>
    request.fetch(path, { method: "OPTIONS", headers: { origin: ELSEWHERE, "access-control-request-method": method, "access-control-request-headers": "authorization" } });

  const read = await preflight("/api/claims", "GET");
  expect(read.status()).toBe(204);
  expect(corsHeaders(read)).toEqual({
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, HEAD",
    "access-control-allow-headers": "Authorization, Content-Type, If-None-Match",
    "access-control-max-age": "600",
  });
  expect((await preflight("/export/claims.json", "GET")).status()).toBe(204);

  for (const [path, method] of [["/api/claims", "POST"], ["/api/claims/1", "PATCH"], ["/api/annotations/1", "DELETE"], ["/claims/1", "POST"]] as const) {
    const refused = await preflight(path, method);
    expect(refused.status(), `${method} ${path}`).toBe(403);
    expect(corsHeaders(refused), `${method} ${path}`).toEqual({});
  }
});

test.describe("from another site's page in Chromium", () => {
  let notebook: PageServer;
  test.beforeAll(async () => {
    notebook = await startPageServer();
  });
  test.afterAll(async () => {
    await notebook.close();
  });

  test("a notebook page reads claims and an export, but cannot write or read with credentials", async ({ page, baseURL }) => {
    await page.goto(notebook.origin);
    const outcome = await page.evaluate(async (app) => {
      const attempt = async (run: () => Promise<Response>) => {
        try {
          const response = await run();
          return { status: response.status, body: (await response.text()).slice(0, 200) };
        } catch (error) {
          return { blocked: String(error) };
        }
      };
      return {
        read: await attempt(() => fetch(`${app}/api/claims?pageSize=2`)),
        file: await attempt(() => fetch(`${app}/export/claims.csv?topic=troop-deaths`)),
        withCredentials: await attempt(() => fetch(`${app}/api/claims?pageSize=1`, { credentials: "include" })),
        write: await attempt(() =>
          fetch(`${app}/api/claims/1/annotations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body: "from a notebook" }) }),
        ),
      };
    }, baseURL!);
    expect(outcome.read).toMatchObject({ status: 200, body: expect.stringContaining('"items"') });
    expect(outcome.file).toMatchObject({ status: 200, body: expect.stringMatching(/^claim_id,claim,topic/) });
    // `*` never comes with Access-Control-Allow-Credentials, so the browser withholds the answer.
    expect(outcome.withCredentials).toEqual({ blocked: expect.stringContaining("Failed to fetch") });
    // The preflight for a JSON POST is refused: the browser never sends the write.
    expect(outcome.write).toEqual({ blocked: expect.stringContaining("Failed to fetch") });
  });
});
