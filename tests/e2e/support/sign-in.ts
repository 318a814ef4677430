import { expect, type Page } from "@playwright/test";
import { ACCOUNTS, type AccountName } from "./accounts";

/** Sign in through the sign-in page, as a person would. */
export async function signIn(page: Page, account: AccountName, next = "/") {
  await signInWith(page, ACCOUNTS[account], next);
}

/** Sign in with any e-mail and password (an account a test made itself). */
export async function signInWith(page: Page, { email, password }: { email: string; password: string }, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
