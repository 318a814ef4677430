import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/accessibility";
import { expectNoSidewaysScroll } from "./support/layout";
import { signIn } from "./support/sign-in";

/*
 * Issue 17: a quote typed as people type it (straight quotes, a typo) is not stored; the
 * new-claim form offers the article's own words in their sentence, one keyboard-usable
 * button takes them, and what is stored and highlighted is the article's words.
 */

const ARTICLE_WORDS = "the ceasefire was “holding well” despite sporadic shelling";
const TYPED = 'the ceasfire was "holding well" despite sporadic shelling';

test("a quote with straight quotes and a typo is offered as the article's words, which are stored and highlighted", async ({ page }) => {
  await signIn(page, "factChecker");

  // An article in newspaper typography: curly quotes.
  const headline = `Ceasefire report ${Date.now()}`;
  await page.goto("/sources/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Outlet").fill("Kherson Daily");
  await page.getByLabel("Full text of the article").fill(`${headline}\n\nA regional official said ${ARTICLE_WORDS}, and that aid convoys would resume on Monday.`);
  await page.getByRole("button", { name: "Save the article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const sourceId = new URL(page.url()).pathname.split("/").pop();

  // The new-claim form without a selection: the quote is typed by hand.
  await page.goto(`/claims/new?source=${sourceId}`);
  await page.getByLabel("The claim, in neutral words").fill("The ceasefire in Kherson region held despite shelling.");
  // The topic starts on "Choose a topic…" (issue 10): a claim needs one chosen.
  await page.getByLabel("Topic").selectOption({ label: "Diplomacy" });
  await page.getByLabel("Exact words quoted from the article").fill(TYPED);
  await page.getByLabel("Who (person, government, outlet, or e.g. “reports from Kyiv”)").fill("Regional official");
  await page.getByRole("button", { name: "Create claim" }).click();

  // Refused, with the article's words in their sentence; everything typed is still there.
  const offer = page.getByRole("group", { name: /Did you mean/ });
  await expect(offer).toBeVisible();
  await expect(offer.locator("mark")).toHaveText(ARTICLE_WORDS);
  await expect(offer.locator("blockquote")).toHaveText(`A regional official said ${ARTICLE_WORDS}, and that aid convoys would resume on Monday.`);
  await expect(page.getByLabel("Exact words quoted from the article")).toHaveValue(TYPED);
  await expect(page.getByLabel("The claim, in neutral words")).toHaveValue("The ceasefire in Kherson region held despite shelling.");
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScroll(page);

  // One press of the button, from the keyboard, takes the article's words.
  await offer.getByRole("button", { name: "Use the article's words" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Exact words quoted from the article")).toHaveValue(ARTICLE_WORDS);
  await expect(page.getByLabel("Exact words quoted from the article")).toBeFocused();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "The article's words" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Create claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The ceasefire in Kherson region held despite shelling.");
  await expect(page.locator("section.card mark")).toHaveText(ARTICLE_WORDS);

  // The source page highlights exactly the article's words.
  await page.goto(`/sources/${sourceId}`);
  await expect(page.locator(".article-text mark")).toHaveText(ARTICLE_WORDS);
  await expect(page.locator(".article-text")).not.toContainText(TYPED);
});
