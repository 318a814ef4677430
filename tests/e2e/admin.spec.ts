import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/accessibility";
import { signIn } from "./support/sign-in";

test("an admin creates a user, changes their role, and adds a status", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Users and roles" }).click();
  await page.getByLabel("E-mail").fill("newcomer@claimtrail.test");
  await page.getByLabel("Name", { exact: true }).fill("Newcomer");
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByLabel("Initial password (12 characters or more)").fill("newcomer-password-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Created newcomer@claimtrail.test (viewer).")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const row = page.getByRole("row").filter({ hasText: "newcomer@claimtrail.test" });
  await row.getByLabel("Role of newcomer@claimtrail.test").selectOption("fact_checker");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("newcomer@claimtrail.test is now fact_checker.")).toBeVisible();

  // The newcomer can now edit.
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto("/sign-in");
  await newcomer.getByLabel("E-mail").fill("newcomer@claimtrail.test");
  await newcomer.getByLabel("Password").fill("newcomer-password-123");
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(newcomer.getByRole("link", { name: "New article" })).toBeVisible();

  // A new verdict status, then it is offered on claims.
  await page.goto("/admin/statuses");
  await expectNoSeriousA11yViolations(page);
  const form = page.getByRole("form", { name: "New status" });
  await form.getByLabel("Key (permanent; used in links and exports)").fill("satire");
  await form.getByLabel("Label").fill("Satire");
  await form.getByLabel("Description").fill("Not meant to be taken literally.");
  await form.getByLabel("ClaimReview rating, 1 (worst) to 5 (best); empty for none").fill("");
  await form.getByRole("button", { name: "Add status" }).click();
  await expect(page.getByText("Added the status “Satire”.")).toBeVisible();
  await page.goto("/claims");
  await page.getByRole("link", { name: "Tensions are rising on the Korean peninsula." }).click();
  await expect(page.getByRole("combobox", { name: "Verdict" }).locator("option", { hasText: "Satire" })).toHaveCount(1);

  // Every write is in the audit log.
  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: /create status satire/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /set role user/ }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
