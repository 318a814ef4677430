import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/accessibility";
import { signIn } from "./support/sign-in";
import { selectInArticle } from "./support/select-in-article";

/*
 * Issue 15: one claim, many sources. A second article's paraphrase of a seed claim is
 * offered the claim already tracked ("attach to this claim"), and the claim then has two
 * sources; two claims that are one are compared side by side and merged, and the merged
 * claim's old address leads to the survivor.
 */

const TROOPS = "Six North Korean soldiers have been killed on the front line in Ukraine.";
const PARAPHRASE = "six North Korean officers died when a Ukrainian missile hit their position";
const MISSILES = "North Korea has given Russia ballistic missiles and ammunition.";
const MISSILES_AGAIN = "North Korea supplied Russia with ballistic missiles and ammunition.";

test("a paraphrase in a second article is attached to the tracked claim, then two claims are merged and the old link follows", async ({ page }) => {
  await signIn(page, "factChecker");

  // The second article about the casualties, pasted.
  const headline = `Missile strike kills North Korean officers ${Date.now()}`;
  await page.goto("/sources/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Outlet").fill("Frontline Daily");
  await page.getByLabel("Published on (optional)").fill("2024-11-05");
  await page.getByLabel("Full text of the article").fill(`${headline}\n\nUkraine's military said ${PARAPHRASE}.\n\nIt also said ${MISSILES_AGAIN.replace(/\.$/, "")}, a charge Moscow rejects.`);
  await page.getByRole("button", { name: "Save the article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const sourceId = new URL(page.url()).pathname.split("/").pop();

  // Selecting the paraphrase offers the claim already tracked, before anything is typed.
  await selectInArticle(page, PARAPHRASE);
  const attach = page.getByRole("link", { name: `Attach to this claim: ${TROOPS}` });
  await expect(attach).toBeVisible();
  await expect(page.getByText("Possibly already tracked:")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await attach.click();

  // The attribution form opens with that claim chosen and the quote taken.
  await expect(page.getByText("Chosen claim:")).toContainText(TROOPS);
  await expect(page.locator("blockquote")).toHaveText(PARAPHRASE);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel(/^Who/).fill("Ukrainian military");
  await page.getByRole("button", { name: "Add attribution" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TROOPS);
  await expect(page.getByText(/in 2 sources/)).toBeVisible();
  await expect(page.locator(".card").filter({ hasText: "Ukrainian military" })).toContainText(PARAPHRASE);

  // The new-claim form offers the tracked claim too; this time a new claim is made anyway.
  await page.goto(`/sources/${sourceId}`);
  await selectInArticle(page, MISSILES_AGAIN.replace(/\.$/, ""));
  await page.getByRole("link", { name: "New claim from this quote" }).click();
  await expect(page.getByRole("link", { name: `Attach to this claim: ${MISSILES}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("The claim, in neutral words").fill(MISSILES_AGAIN);
  await page.getByLabel("Topic").selectOption({ label: "Missile transfers" });
  await page.getByLabel(/^Who/).fill("Ukrainian military");
  await page.getByRole("button", { name: "Create claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MISSILES_AGAIN);
  const mergedUrl = new URL(page.url()).pathname;

  // Its page says it is possibly the same claim as the tracked one; compare and merge.
  const same = page.getByRole("region", { name: "Possibly the same claim" });
  await expect(same.getByRole("link", { name: MISSILES, exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await same.getByRole("link", { name: `Compare and merge with: ${MISSILES}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare and merge");
  await expect(page.getByRole("region", { name: /stays, gets everything/ })).toContainText(MISSILES);
  await expect(page.getByRole("region", { name: /merged, then redirects/ })).toContainText(MISSILES_AGAIN);
  await expectNoSeriousA11yViolations(page);
  const verdictChoice = page.getByRole("group", { name: "The verdicts differ: which one stands?" });
  if (await verdictChoice.count()) await verdictChoice.getByRole("radio").first().check();
  await page.getByLabel(/Why are they the same claim/).fill("The same accusation, in other words.");
  await page.getByRole("button", { name: /^Merge claim \d+ into claim \d+$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MISSILES);
  const survivorUrl = new URL(page.url()).pathname;
  await expect(page.locator(".card").filter({ hasText: "Ukrainian military" })).toBeVisible();

  // The merged claim's old link leads to the survivor, permanently.
  await page.goto(mergedUrl);
  await expect(page).toHaveURL(new RegExp(`${survivorUrl}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MISSILES);
  const api = await page.request.get(`/api${mergedUrl}`, { maxRedirects: 0 });
  expect(api.status()).toBe(308);
  expect(api.headers().location).toBe(`/api${survivorUrl}`);
});
