import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";

/*
 * Hostile text in every field a user can write, rendered on every page that shows it:
 * nothing runs. Plus the response headers and the refusal of cross-site writes, checked
 * against the real server.
 */
const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss='img'">`,
  `"><svg onload="window.__xss='svg'">`,
  `javascript:window.__xss='href'`,
];
const payload = PAYLOADS.join(" ");

function watchForScript(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

test("hostile text in claims, quotes, actors, notes and sources is shown as text and never runs", async ({ page }) => {
  const dialogs = watchForScript(page);
  await signIn(page, "factChecker");
  const text = `Headline ${payload}\n\nThe ministry said ${payload} today.`;
  const source = await page.request.post("/api/sources", { data: { title: `Story ${payload}`, outlet: `Outlet ${payload}`, text } });
  expect(source.status()).toBe(201);
  const sourceId = (await source.json()).id;
  const quoteStart = text.indexOf("The ministry said");
  const quote = text.slice(quoteStart, text.indexOf(" today."));
  const claim = await page.request.post("/api/claims", {
    data: {
      text: `Claim ${payload}`,
      topic: "escalation",
      attributions: [
        { sourceId, actor: `Actor ${payload}`, actorRole: `Role ${payload}`, stance: "asserts", verb: PAYLOADS[1], via: [`Via ${payload}`], quote, quoteStart, quoteEnd: quoteStart + quote.length },
      ],
    },
  });
  expect(claim.status(), await claim.text()).toBe(201);
  const claimId = (await claim.json()).id;
  const note = await page.request.post(`/api/claims/${claimId}/annotations`, { data: { body: `Note ${payload} [click me](javascript:window.__xss='md')` } });
  expect(note.status()).toBe(201);

  const actorId = (await (await page.request.get(`/api/claims/${claimId}`)).json()).attributions[0].actor.id;
  for (const path of ["/", "/claims", `/claims?q=${encodeURIComponent("Claim")}`, `/claims/${claimId}`, `/sources/${sourceId}`, "/sources", "/actors", `/actors/${actorId}`, "/matrix", "/admin/audit"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
  }
  await page.goto(`/claims/${claimId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__xss");
  await expect(page.locator(".note__body a")).toHaveCount(1);
  // react-markdown drops the javascript: URL, so the link leads nowhere.
  expect(await page.locator(".note__body a").getAttribute("href")).not.toMatch(/javascript/i);
  await page.locator(".note__body a").click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("responses carry security headers", async ({ request }) => {
  for (const path of ["/", "/claims", "/api/claims"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toMatch(/object-src 'none'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("a cross-origin write is refused, for API routes and Server Actions alike", async ({ page }) => {
  await signIn(page, "factChecker");
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const api = await page.request.post("/api/claims/1/annotations", {
    headers: { origin: "https://evil.example", cookie: cookies },
    data: { body: "forged" },
  });
  expect(api.status()).toBe(403);
  const action = await page.request.post("/claims/1", {
    headers: { origin: "https://evil.example", cookie: cookies, "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  // The same request from the site itself is let through to the route.
  const sameSite = await page.request.post("/api/claims/1/annotations", { headers: { cookie: cookies }, data: { body: "genuine" } });
  expect(sameSite.status()).toBe(201);
});
