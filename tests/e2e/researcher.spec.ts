import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/accessibility";

/**
 * The researcher's journey, one page after another: search, narrow with facets, share
 * the view, compare stances in the matrix, and take the same rows away as a CSV file.
 */
test("a researcher searches, filters, shares a link, reads the matrix and exports what they see", async ({ page, browser }) => {
  await page.goto("/");
  await expectNoSeriousA11yViolations(page);

  // Search from the claim table.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims" }).click();
  await page.getByLabel("Search claims, quotes and actors").fill("north korea");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=north\+korea/);
  await expectNoSeriousA11yViolations(page);

  // Narrow to claims someone denies, using a facet, by keyboard.
  const deniesFacet = page.getByRole("complementary", { name: "Filters" }).getByRole("link", { name: /denies/ });
  await deniesFacet.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/stance=denies/);
  // The chip appears with the new rows (the URL can change first).
  await expect(page.getByRole("link", { name: /Stance: denies/ })).toBeVisible();
  const rows = page.locator("table.data tbody tr td:first-child a");
  const shown = await rows.allTextContents();
  expect(shown).toContain("Six North Korean soldiers have been killed on the front line in Ukraine.");
  expect(shown).toContain("North Korea has given Russia ballistic missiles and ammunition.");

  // Share: a colleague opening the link sees the same rows.
  const link = page.url();
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link);
  expect(await colleague.locator("table.data tbody tr td:first-child a").allTextContents()).toEqual(shown);

  // The stance matrix for the same filters.
  await page.goto(link.replace("/claims?", "/matrix?"));
  await expect(page.getByRole("heading", { level: 1, name: "Stance matrix" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dmitry Peskov denies" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goBack();

  // Export exactly these claims.
  await page.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Claims (CSV)", exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^claimtrail-claims-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parse(await readFile((await download.path())!, "utf8"), { columns: true }) as Record<string, string>[];
  const total = (await (await page.request.get(`/api/claims?${new URL(link).searchParams}`)).json()).total;
  expect(records).toHaveLength(total);
  expect(new Set(records.map((record) => record.claim))).toEqual(new Set(shown));
  expect(records.every((record) => record.denied_by !== "")).toBe(true);
});
