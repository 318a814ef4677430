import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/accessibility";
import { signIn } from "./support/sign-in";
import { selectInArticle } from "./support/select-in-article";

const TROOPS = "Six North Korean soldiers have been killed on the front line in Ukraine.";

async function openClaim(page: Page, text: string) {
  // The claim's own words find it (each word matches as a prefix).
  await page.goto(`/claims?q=${encodeURIComponent(text.split(" ").slice(0, 6).join(" "))}`);
  await page.getByRole("link", { name: text }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

test("a fact-checker sets a verdict, adds a note, pastes an article and makes a claim from a selection", async ({ page }) => {
  await signIn(page, "factChecker");

  // Verdict with rationale and evidence; it shows in the history.
  await openClaim(page, TROOPS);
  await expectNoSeriousA11yViolations(page);
  const verdict = page.getByRole("form", { name: "Set the verdict" });
  await verdict.getByRole("combobox", { name: "Verdict" }).selectOption("unverifiable");
  await verdict.getByLabel("Rationale (required)").fill("No independent confirmation of the deaths; Kyiv's reports cite no names.");
  await verdict.getByLabel("Evidence links, one per line").fill("https://example.org/report-1\nhttps://example.org/report-2");
  await verdict.getByRole("button", { name: "Save verdict" }).click();
  await expect(page.getByText("Verdict saved.")).toBeVisible();
  const history = page.getByRole("list", { name: "Verdict history" });
  await expect(history).toContainText("No independent confirmation of the deaths");
  await expect(history.getByRole("link", { name: "https://example.org/report-2" })).toBeVisible();
  await expect(page.locator("h1 + p .badge").first()).toHaveText("Unverifiable");
  // A final verdict is published on the page as schema.org ClaimReview.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "ClaimReview", claimReviewed: TROOPS, reviewRating: { alternateName: "Unverifiable" } });

  // A note for a colleague, with Markdown; raw HTML stays inert text.
  await page.getByLabel("Add a note on this claim").fill("Ask the **Kyiv desk** for sources. <img src=x onerror=alert(1)>");
  await page.getByRole("button", { name: "Add note" }).last().click();
  await expect(page.locator(".note__body strong")).toHaveText("Kyiv desk");
  await expect(page.locator(".note__body img")).toHaveCount(0);

  // A new article, pasted.
  await page.goto("/sources/new");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Headline").fill("Grain corridor reopens");
  await page.getByLabel("Outlet").fill("Odesa Courier");
  await page.getByLabel("Published on (optional)").fill("2024-11-02");
  await page
    .getByLabel("Full text of the article")
    .fill("Grain corridor reopens\n\nThe port authority said the first three ships left Odesa on Friday.\nInsurers, however, called the route unsafe.");
  await page.getByRole("button", { name: "Save the article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grain corridor reopens");

  // Select a sentence and make a claim from it.
  await selectInArticle(page, "the first three ships left Odesa on Friday");
  await expect(page.getByText("Selected:")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "New claim from this quote" }).click();
  await expect(page.locator("blockquote")).toHaveText("the first three ships left Odesa on Friday");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("The claim, in neutral words").fill("Three grain ships left Odesa on 1 November 2024.");
  await page.getByLabel("Topic").selectOption({ index: 1 });
  await page.getByLabel("Who (person, government, outlet, or e.g. “reports from Kyiv”)").fill("Odesa port authority");
  await page.getByLabel("Kind, if this is a new actor").selectOption("government");
  await page.getByLabel("Verb the article uses").fill("said");
  await page.getByRole("button", { name: "Create claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Three grain ships left Odesa on 1 November 2024.");
  await expect(page.locator("section.card mark")).toHaveText("the first three ships left Odesa on Friday");

  // And it is in the claim table.
  await page.goto("/claims?q=grain");
  await expect(page.getByRole("link", { name: "Three grain ships left Odesa on 1 November 2024." })).toBeVisible();
});

test("a stale verdict is refused and shows what changed meanwhile", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "factChecker");
  await signIn(second, "secondChecker");
  const claim = "North Korea has given Russia ballistic missiles and ammunition.";
  await openClaim(first, claim);
  await openClaim(second, claim);

  const firstForm = first.getByRole("form", { name: "Set the verdict" });
  await firstForm.getByRole("combobox", { name: "Verdict" }).selectOption("mostly_true");
  await firstForm.getByLabel("Rationale (required)").fill("US intelligence and later debris analysis support it.");
  await firstForm.getByRole("button", { name: "Save verdict" }).click();
  await expect(first.getByText("Verdict saved.")).toBeVisible();

  // The second checker still has the old version open.
  const secondForm = second.getByRole("form", { name: "Set the verdict" });
  await secondForm.getByRole("combobox", { name: "Verdict" }).selectOption("false");
  await secondForm.getByLabel("Rationale (required)").fill("Both governments deny it.");
  await secondForm.getByRole("button", { name: "Save verdict" }).click();
  const notice = second.getByRole("alert").filter({ hasText: "Changed meanwhile" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("row", { name: /Verdict/ })).toContainText("Mostly true");
  await expect(notice.getByRole("row", { name: /Verdict/ })).toContainText("False");
  await expect(notice).toContainText("US intelligence and later debris analysis support it.");
  await expectNoSeriousA11yViolations(second);
  // Nothing was overwritten, and the second checker's text is still there to resubmit.
  await expect(secondForm.getByLabel("Rationale (required)")).toHaveValue("Both governments deny it.");
  await first.reload();
  await expect(first.locator("h1 + p .badge").first()).toHaveText("Mostly true");
});

test("a viewer sees no editing forms, and anonymous visitors are invited to sign in", async ({ page }) => {
  await page.goto("/sources/new");
  await expect(page.locator(".form-message[role=alert]")).toContainText("Sign in");
  await signIn(page, "viewer");
  await openClaim(page, TROOPS);
  await expect(page.getByRole("button", { name: "Save verdict" })).toHaveCount(0);
  await page.goto("/sources/new");
  await expect(page.locator(".form-message[role=alert]")).toContainText("may not");
});
