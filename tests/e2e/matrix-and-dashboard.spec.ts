import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const TROOPS = "Six North Korean soldiers have been killed on the front line in Ukraine.";
const MISSILES = "North Korea has given Russia ballistic missiles and ammunition.";

const matrixRow = (page: Page, claim: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: claim }) });

/** The text of the matrix cell where a claim's row meets an actor's column. */
async function cellText(page: Page, claim: string, actor: string): Promise<string> {
  const headers = await page.getByRole("columnheader").allInnerTexts();
  const column = headers.findIndex((header) => header.split("\n")[0]!.trim() === actor);
  expect(column, `a column for ${actor} among ${headers.join(" | ")}`).toBeGreaterThan(0);
  // The first column holds the row headers, which are not cells.
  const text = await matrixRow(page, claim).getByRole("cell").nth(column - 1).innerText();
  return text.replace(/\s+/g, " ").trim();
}

test("the dashboard shows the totals and a status bar leads to the claims with that status", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("definition").first()).toHaveText(/^\d+$/);

  const bar = page.getByRole("region", { name: "Claims by status" }).getByRole("link", { name: /^Unreviewed/ });
  const count = Number((await bar.innerText()).match(/(\d+)/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await expect(bar).toHaveAccessibleName(`Unreviewed ${count} claim${count === 1 ? "" : "s"}`);

  await bar.click();
  await expect(page).toHaveURL(/\/claims\?status=unreviewed$/);
  await expect(page.getByRole("link", { name: /Status: Unreviewed/ })).toBeVisible();
  await expect(page.getByText(new RegExp(`of ${count} · page`))).toBeVisible();
});

test("the dashboard lists contested claims with a way to see them all", async ({ page }) => {
  await page.goto("/");
  const contested = page.getByRole("region", { name: "Contested claims" });
  await expect(contested.getByRole("link", { name: TROOPS })).toBeVisible();
  await expect(contested.getByRole("link", { name: MISSILES })).toBeVisible();
  await contested.getByRole("link", { name: /See all \d+ contested claims/ }).click();
  await expect(page).toHaveURL(/\/claims\?contested=true$/);
});

test("the matrix of contested claims shows who asserts and who denies", async ({ page }) => {
  await page.goto("/matrix?contested=true");
  await expect(page.getByRole("heading", { level: 1, name: "Stance matrix" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Contested/ })).toBeVisible(); // the active-filter chip

  expect(await cellText(page, TROOPS, "Dmitry Peskov")).toMatch(/✘ denies/);
  expect(await cellText(page, TROOPS, "Reports from Kyiv")).toMatch(/✔ asserts/);
  expect(await cellText(page, TROOPS, "United States")).toBe("");
  expect(await cellText(page, MISSILES, "United States")).toMatch(/✔ asserts/);
  expect(await cellText(page, MISSILES, "Russia")).toMatch(/✘ denies/);
  expect(await cellText(page, MISSILES, "North Korea")).toMatch(/✘ denies/);
  expect(await cellText(page, MISSILES, "Dmitry Peskov")).toBe("");

  // Every row is a contested claim, and says so in words.
  const rowHeaders = page.getByRole("rowheader");
  expect(await rowHeaders.count()).toBeGreaterThanOrEqual(2);
  for (const header of await rowHeaders.all()) await expect(header).toContainText("contested");

  await page.getByRole("link", { name: "Open these claims in the table" }).click();
  await expect(page).toHaveURL(/\/claims\?contested=true$/);
  await expect(page.getByRole("link", { name: TROOPS })).toBeVisible();
});

test("a matrix cell is reached with Tab and leads to the attribution it shows", async ({ page }) => {
  await page.goto("/matrix?contested=true");
  await matrixRow(page, TROOPS).getByRole("rowheader").getByRole("link").focus();
  await page.keyboard.press("Tab");

  // The first mark of the row, whichever actor's it is (other tests may add attributions to this claim).
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("data-stance", /^(asserts|denies)$/);
  const stance = (await focused.getAttribute("data-stance"))!;
  const actor = (await focused.locator(".visually-hidden").innerText()).trim();
  expect(actor.length).toBeGreaterThan(0);
  await expect(focused).toHaveAccessibleName(`${actor} ${stance}`);
  const href = await focused.getAttribute("href");
  expect(href).toMatch(/^\/claims\/\d+#attribution-\d+$/);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TROOPS);
  const attribution = page.locator(href!.slice(href!.indexOf("#")));
  await expect(attribution).toBeInViewport();
  await expect(attribution).toContainText(actor);
});

test("an invalid matrix link explains itself, and a filter matching nothing says so", async ({ page }) => {
  await page.goto("/matrix?status=bogus");
  await expect(page.getByRole("alert").filter({ hasText: 'unknown status "bogus"' })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start again without filters" })).toHaveAttribute("href", "/matrix");

  await page.goto("/matrix?q=zzzyyyxxx");
  await expect(page.getByText("No claims match these filters.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("the dashboard and the matrix have no detectable accessibility problems", async ({ page }) => {
  for (const path of ["/", "/matrix?contested=true", "/matrix"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).include("#main").analyze();
    expect(results.violations.map((violation) => `${path}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
  }
});
