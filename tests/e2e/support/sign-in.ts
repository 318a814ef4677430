import { expect, type Page } from "@playwright/test";
import { ACCOUNTS, type AccountName } from "./accounts";

/** Sign in through the sign-in page, as a person would. */
export async function signIn(page: Page, account: AccountName, next = "/") {
  const { email, password } = ACCOUNTS[account];
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
