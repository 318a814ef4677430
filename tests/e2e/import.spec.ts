import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations as expectAccessible } from "./support/accessibility";
import { signIn } from "./support/sign-in";

/*
 * /import in the browser: anonymous visitors are told they need an account; a fact-checker
 * checks a file, sees the bad row with its line and column, fixes it, imports, and finds
 * the imported claim in the claim list.
 */

const CLAIM = "E2E import: the zeppelin fleet was grounded";
const HEADER = "claim_id,claim,topic,status,actor,actor_kind,actor_role,stance,verb,via,source_title,source_outlet,source_url,source_published,quote,quote_start,quote_end,attribution_accuracy,sourcing";
const row = (stance: string) => `,${CLAIM},diplomacy,unreviewed,Airship Authority,organisation,,${stance},said,Reuters,Zeppelin news,E2E Gazette,https://e2e.test/zeppelins,2024-10-15,"the fleet is grounded, for now",,,unchecked,named`;

const csv = (...rows: string[]) => Buffer.from(`${HEADER}\r\n${rows.join("\r\n")}\r\n`, "utf8");

test("anonymous visitors can read the page but are told importing needs an account", async ({ page }) => {
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import attributions" })).toBeVisible();
  await expect(page.getByText("Importing needs a fact-checker or admin account.")).toBeVisible();
  await page.getByLabel(/attributions\.csv file/).setInputFiles({ name: "claims.csv", mimeType: "text/csv", buffer: csv(row("asserts")) });
  await page.getByRole("button", { name: "1. Check" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^Sign in/ })).toBeVisible();
  await expectAccessible(page);
});

test("a fact-checker checks a file, fixes the bad row, imports it and finds the claim", async ({ page }) => {
  await signIn(page, "factChecker", "/import");
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByText("Importing needs a fact-checker")).toHaveCount(0);

  const file = page.getByLabel(/attributions\.csv file/);
  await file.setInputFiles({ name: "zeppelins.csv", mimeType: "text/csv", buffer: csv(row("asserts"), row("shouts")) });
  await page.getByRole("button", { name: "1. Check" }).click();
  const problems = page.getByRole("table");
  await expect(problems.getByRole("row")).toHaveCount(2);
  await expect(problems.getByRole("row").nth(1)).toContainText("3");
  await expect(problems.getByRole("row").nth(1)).toContainText("stance");
  await expect(problems.getByRole("row").nth(1)).toContainText("must be one of asserts, denies, reports, declines_to_clarify");
  await expect(page.getByRole("button", { name: "2. Import" })).toBeDisabled();
  await expectAccessible(page);

  await file.setInputFiles({ name: "zeppelins.csv", mimeType: "text/csv", buffer: csv(row("asserts"), row("denies")) });
  await page.getByRole("button", { name: "1. Check" }).click();
  await expect(page.getByRole("heading", { name: "Ready to import" })).toBeVisible();
  await expect(page.getByRole("button", { name: "2. Import" })).toBeEnabled();
  await page.getByRole("button", { name: "2. Import" }).click();
  await expect(page.getByRole("status")).toContainText("Imported zeppelins.csv");
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();

  await page.getByRole("link", { name: "See the claims" }).click();
  await page.getByLabel("Search claims, quotes and actors").fill("zeppelin");
  await page.keyboard.press("Enter");
  await expect(page.locator("table.data tbody tr td:first-child a")).toHaveText([CLAIM]);
});
