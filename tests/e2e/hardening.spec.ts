import { expect, test, type BrowserContext } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { signIn } from "./support/sign-in";

/*
 * Issue 11 in a real browser against the real server: what one request used to do to the
 * site (send a signed-in user to another site, crash a page on a NUL byte, let a viewer
 * rename themselves as an admin), each checked the way a person meets it.
 */

/** The `next` values from the issue, as they appear in a link (already percent-encoded). */
const HOSTILE_NEXT = ["/%5Cevil.example", "/%09/evil.example", "/%0d%0aSet-Cookie:x=1", "//evil.example", "https://evil.example/"];

/** Any request that reaches evil.example is answered here (never the network) and recorded. */
async function watchEvilSite(context: BrowserContext): Promise<string[]> {
  const visits: string[] = [];
  await context.route(/evil\.example/, async (route) => {
    visits.push(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/html", body: "<title>evil</title>" });
  });
  return visits;
}

for (const next of HOSTILE_NEXT) {
  test(`sign-in with next=${next} keeps a signed-in user on the site`, async ({ page, context, baseURL }) => {
    const visits = await watchEvilSite(context);
    await signIn(page, "viewer");
    const response = await page.goto(`/sign-in?next=${next}`);
    expect(response?.status()).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(visits).toEqual([]);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("x");
  });

  test(`filling the sign-in form with next=${next} lands on the site`, async ({ page, context, baseURL }) => {
    const visits = await watchEvilSite(context);
    const response = await page.goto(`/sign-in?next=${next}`);
    expect(response?.status()).toBe(200);
    await page.getByLabel("E-mail").fill(ACCOUNTS.viewer.email);
    await page.getByLabel("Password").fill(ACCOUNTS.viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(visits).toEqual([]);
  });
}
