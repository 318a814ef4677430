import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoSeriousA11yViolations as expectAccessible } from "./support/accessibility";
import { expectNoSidewaysScroll } from "./support/layout";

/*
 * The Export menu on /claims: its links carry the current filters, and the downloaded file
 * holds exactly the claims the filtered table shows.
 */

test("download claims.csv for a topic filter: the file holds exactly the filtered claims", async ({ page }) => {
  await page.goto("/claims");
  await page.getByRole("complementary", { name: "Filters" }).getByRole("link", { name: /^Troop deaths/ }).click();
  await expect(page).toHaveURL(/topic=troop-deaths/);
  await expect(page.getByRole("link", { name: /Topic: Troop deaths/ })).toBeVisible();
  const shown = await page.locator("table.data tbody tr td:first-child a").allTextContents();
  expect(shown.length).toBeGreaterThan(0);

  await page.getByText("Export", { exact: true }).click();
  const link = page.getByRole("link", { name: "Claims (CSV)", exact: true });
  await expect(link).toHaveAttribute("href", "/export/claims.csv?topic=troop-deaths");
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^claimtrail-claims-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parse(readFileSync((await download.path())!), { columns: true }) as Record<string, string>[];
  expect(records.map((record) => record.claim).sort()).toEqual([...shown].sort());
  expect(new Set(records.map((record) => record.topic))).toEqual(new Set(["troop-deaths"]));
});

test("the Excel variant starts with a byte-order mark; the data dictionary is one click away", async ({ page }) => {
  await page.goto("/claims?stance=denies&sort=claim");
  await page.getByText("Export", { exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Attributions (CSV for Excel)" }).click();
  const bytes = readFileSync((await (await downloading).path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toMatch(/^claim_id,claim,topic,status,actor,/);

  await page.getByRole("link", { name: "Data dictionary" }).click();
  await expect(page).toHaveURL(/\/docs\/export$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Export");
  await expect(page.getByRole("heading", { name: "claims.csv", exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("the API description reads as a page: every route with who may call it, keyboard- and phone-friendly", async ({ page, request }) => {
  const description = await (await request.get("/api/openapi.json")).json();
  expect(description.openapi).toBe("3.1.0");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API" })).toBeVisible();
  for (const path of ["/api/claims", "/api/claims/deleted", "/export/notes.csv", "/export/claims.ndjson"]) {
    await expect(page.getByRole("heading", { name: `GET ${path}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "/api/openapi.json" })).toHaveAttribute("href", "/api/openapi.json");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});
