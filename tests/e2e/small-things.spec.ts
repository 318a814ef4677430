import { expect, test } from "@playwright/test";
import { apiToken, createReviewedClaim } from "./support/reviewed-claim";

/* The small things of issue 10, item 8, each as a reader meets it. */

test("Escape closes the Export menu and gives focus back to its button", async ({ page }) => {
  await page.goto("/claims");
  const menu = page.locator("details").filter({ has: page.locator("summary", { hasText: "Export" }) });
  await menu.locator("summary").click();
  await expect(menu.getByRole("link", { name: "Claims (JSON)" })).toBeVisible();
  await menu.getByRole("link", { name: "Claims (JSON)" }).focus();
  await page.keyboard.press("Escape");
  await expect(menu.getByRole("link", { name: "Claims (JSON)" })).toBeHidden();
  await expect(menu.locator("summary")).toBeFocused();
});

test("a page number past the end says so and links to the last page", async ({ page }) => {
  await page.goto("/claims?pageSize=10&page=999");
  await expect(page.getByRole("status")).toContainText("There is no page 999");
  await page.getByRole("link", { name: "Go to the last page" }).click();
  await expect(page).toHaveURL(/page=\d+/);
  await expect(page.getByText(/There is no page/)).toHaveCount(0);
  await expect(page.locator("table.data tbody tr").first()).toBeVisible();
});

test("a skip link jumps past the search form and filters to the results", async ({ page }) => {
  await page.goto("/claims");
  const skip = page.getByRole("link", { name: "Skip to results" });
  await skip.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#results")).toBeFocused();
});

test("one claim is '1 claim', not '1 claims'", async ({ page, request, baseURL }) => {
  const run = Date.now().toString(36);
  const claimId = await createReviewedClaim(request, {
    baseURL: baseURL!,
    token: await apiToken("factChecker"),
    claim: `A single claim about lighthouses (${run}).`,
    status: "unverifiable",
    statements: [{ actor: `Keeper ${run}`, stance: "asserts", words: "The keeper said the light was out." }],
  });
  await page.goto(`/claims?q=${encodeURIComponent(`lighthouses ${run}`)}`);
  await expect(page.getByText("All 1 matching claim, in this order:")).toHaveCount(1);
  const sourceId = (await (await request.get(`/api/claims/${claimId}`)).json()).attributions[0].source.id;
  await page.goto(`/sources/${sourceId}`);
  await expect(page.locator("main")).toContainText("1 claim, 1 quote");
});
