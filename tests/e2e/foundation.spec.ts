import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/accessibility";

test("a researcher opens a claim and follows its quote into the article, where it is highlighted", async ({ page }) => {
  // Other tests add claims to the same server; the table shows all of them (up to a page).
  const { total } = await (await page.request.get("/api/claims?pageSize=1")).json();
  expect(total).toBeGreaterThanOrEqual(17);
  await page.goto("/claims");
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(Math.min(total, 50) + 1);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Six North Korean soldiers have been killed on the front line in Ukraine." }).click();
  await expect(page).toHaveURL(/\/claims\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Six North Korean soldiers have been killed on the front line in Ukraine.");

  const denial = page.locator("section.card").filter({ hasText: "Dmitry Peskov" });
  await expect(denial.getByText("denies", { exact: true })).toBeVisible();
  await expect(denial.locator("blockquote mark")).toHaveText("Peskov has denounced those claims as “fake news”");
  await expectNoSeriousA11yViolations(page);
  await denial.getByRole("link", { name: "Show in the article" }).click();

  await expect(page).toHaveURL(/\/sources\/\d+\?quote=\d+#quote-\d+$/);
  const highlighted = page.locator("mark.is-target");
  await expect(highlighted).toHaveText("Peskov has denounced those claims as “fake news”");
  await expect(highlighted).toBeInViewport();
  await expectNoSeriousA11yViolations(page);
  // The highlight links back to its claim.
  await highlighted.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Six North Korean soldiers have been killed on the front line in Ukraine.");
});

test("the article shows every quote highlighted and linked", async ({ page }) => {
  await page.goto("/sources");
  await page.getByRole("link", { name: /Putin's Spokesperson Has A Rather Cagey Response/ }).click();
  await expect(page.locator(".article-text mark").first()).toBeVisible();
  await expect(page.locator(".form-message--error")).toHaveCount(0); // no unanchored quotes
  const quotes = page.getByRole("heading", { name: "Quotes in this article" }).locator("xpath=following-sibling::ol[1]/li");
  await expect(quotes).toHaveCount(29);
  await page.goto("/actors");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Dmitry Peskov" }).click();
  await expect(page.getByRole("heading", { name: /Denied/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an unknown claim is a 404 page, not an error", async ({ page }) => {
  const response = await page.goto("/claims/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
