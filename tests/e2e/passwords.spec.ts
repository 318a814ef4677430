import { expect, test, type Browser, type Page } from "@playwright/test";
import { runScript } from "@/tests/support/run-script";
import { expectNoSeriousA11yViolations as expectAccessible } from "./support/accessibility";
import { DATABASE_FILE } from "./support/e2e-env";
import { signIn, signInWith } from "./support/sign-in";

/*
 * Passwords (issue 10, item 7): a user changes their own on /account, which signs out
 * their other sessions; an admin resets someone's to a temporary one, which signs them
 * out everywhere and makes them choose a new one before anything else.
 */

const RUN = Date.now().toString(36);

// Several browsers and sign-ins per test, on a machine shared with other work.
test.describe.configure({ timeout: 150_000 });
const EMAIL = `desk-${RUN}@claimtrail.test`;
const FIRST = "the first desk password";
const SECOND = "the second desk password";
const THIRD = "the third desk password";

async function newSession(browser: Browser, password: string, next = "/"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWith(page, { email: EMAIL, password }, next);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.reload();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
}

async function expectSignInRefused(browser: Browser, password: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(EMAIL);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
}

test("a user changes their password on /account; their other sessions are signed out", async ({ browser }) => {
  const added = await runScript("scripts/users.ts", ["add", "--email", EMAIL, "--role", "fact_checker"], DATABASE_FILE, { CLAIMTRAIL_PASSWORD: FIRST });
  expect(added.code, added.output).toBe(0);
  const here = await newSession(browser, FIRST, "/account");
  const elsewhere = await newSession(browser, FIRST);

  const form = here.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel(/^New password/).fill(SECOND);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.locator("#current-password-error")).toHaveText("is not your current password");
  await expect(form.getByLabel(/^New password/)).toHaveValue(SECOND);
  await expectAccessible(here);

  await form.getByLabel("Current password").fill(FIRST);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Your other sessions are signed out.");
  await expect(form.getByLabel("Current password")).toHaveValue("");

  await expectSignedOut(elsewhere);
  await here.reload();
  await expect(here.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectSignInRefused(browser, FIRST);
  await (await newSession(browser, SECOND)).close();
});

test("an admin resets a password: the user is signed out and must choose a new one first", async ({ browser, page }) => {
  const user = await newSession(browser, SECOND);

  await signIn(page, "admin", "/admin/users");
  const row = page.getByRole("row").filter({ hasText: EMAIL });
  await row.getByRole("button", { name: `Reset the password of ${EMAIL}` }).click();
  const temporary = await row.getByLabel(`Temporary password for ${EMAIL}`).inputValue();
  expect(temporary.length).toBeGreaterThanOrEqual(20);
  await expect(row).toContainText("must choose a new password");
  await expectAccessible(page);

  await expectSignedOut(user);
  await expectSignInRefused(browser, SECOND);

  // Signed in with the temporary password, only the account page is open.
  const again = await newSession(browser, temporary, "/sources/new");
  await expect(again.getByText("An administrator reset your password: choose a new one on your account page first.")).toBeVisible();
  await expect(again.getByLabel("Headline")).toHaveCount(0);
  await again.getByRole("link", { name: "Choose a new password" }).click();
  await expect(again.locator(".form-message--error")).toContainText("An administrator reset your password.");
  const form = again.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill(temporary);
  await form.getByLabel(/^New password/).fill(THIRD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("Password changed.");
  await again.goto("/sources/new");
  await expect(again.getByLabel("Headline")).toBeVisible();
  await expect(again.getByRole("link", { name: "Choose a new password" })).toHaveCount(0);
});
