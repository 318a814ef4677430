import { expect, test, type Page } from "@playwright/test";

const rowLinks = (page: Page) => page.locator("table.data tbody tr td:first-child a");
const rowTexts = (page: Page) => rowLinks(page).allTextContents();

/** Claims in the database now; other tests add some to the same server. */
async function totalClaims(page: Page): Promise<number> {
  return (await (await page.request.get("/api/claims?pageSize=1")).json()).total;
}

test("filter, sort and page; reload and a copied link give the same view; clear all", async ({ page, context }) => {
  const total = await totalClaims(page);
  await page.goto("/claims");

  // Filter: claims some actor asserts (a facet link with its count).
  await page.getByRole("complementary", { name: "Filters" }).getByRole("link", { name: /asserts/ }).click();
  await expect(page).toHaveURL(/stance=asserts/);
  await expect(page.getByRole("link", { name: /Stance: asserts/ })).toBeVisible();

  // Sort by claim text, ascending.
  await page.getByRole("button", { name: /^Claim/ }).click();
  await expect(page).toHaveURL(/sort=claim/);
  await expect(page.getByRole("columnheader", { name: /Claim/ })).toHaveAttribute("aria-sort", "ascending");

  // Ten rows per page, then page 2.
  await page.getByLabel("Rows per page").selectOption("10");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/pageSize=10/);
  await page.getByRole("link", { name: "Next ›" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Claims 11–\d+ of \d+/)).toBeVisible();

  const url = page.url();
  const rows = await rowTexts(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows).toEqual([...rows].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));

  // Retrying assertions: after a client-side navigation the URL can change before the rows do.
  await page.reload();
  await expect(rowLinks(page)).toHaveText(rows);

  const other = await context.newPage();
  await other.goto(url);
  await expect(rowLinks(other)).toHaveText(rows);
  await expect(other.getByRole("columnheader", { name: /Claim/ })).toHaveAttribute("aria-sort", "ascending");

  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await page.goForward();
  await expect(page).toHaveURL(/page=2/);
  await expect(rowLinks(page)).toHaveText(rows);

  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).not.toHaveURL(/stance=/);
  await expect(page.getByText(new RegExp(`of ${total}\\b`))).toBeVisible();
});

test("searching finds the troop-deaths claim by the words of its denial", async ({ page }) => {
  await page.goto("/claims");
  await page.getByLabel("Search claims, quotes and actors").fill("fake news");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=fake\+news/);
  await expect(rowLinks(page)).toHaveText(["Six North Korean soldiers have been killed on the front line in Ukraine."]);
});

test("hiding a column is part of the shareable view", async ({ page }) => {
  await page.goto("/claims");
  await page.getByText("Columns", { exact: true }).click();
  // The checkbox reflects the URL, so it changes once the new view has loaded.
  await page.getByRole("checkbox", { name: "Via" }).click();
  await expect(page).toHaveURL(/cols=/);
  await expect(page.getByRole("columnheader", { name: "Via" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Via" })).toHaveCount(0);
});

test("a filter that matches nothing says so and offers a way out", async ({ page }) => {
  const total = await totalClaims(page);
  await page.goto("/claims?q=zzzyyyxxx");
  await expect(page.getByText("No claims match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByText(new RegExp(`of ${total}\\b`))).toBeVisible();
});
