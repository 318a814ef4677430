import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/accessibility";
import { expectNoSidewaysScroll } from "./support/layout";
import { signIn } from "./support/sign-in";

/*
 * /import with close quotes (issue 17): rows quoting the seed article in other words than
 * its own (straight quotes, a typo) are listed with the article's words; nothing can be
 * imported until each is accepted (row by row, or all at once), and then the article's
 * words are what is stored.
 */

const SOURCE_TITLE = "Putin's Spokesperson Has A Rather Cagey Response To Fears North Korea And Russia Could Join Forces";
const ARTICLE_WORDS = "the treaty’s wording was “quite unambiguous”";
const TYPED = `the treaty's wording was "quite unambiguous"`;
const TYPO_ARTICLE_WORDS = "Peskov has denounced those claims as “fake news”";
const TYPO = "Peskov has denounced those clams as “fake news”";
const CLAIM = "E2E close quotes: Peskov found the treaty's wording clear";

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const file = () =>
  Buffer.from(
    [
      "claim,topic,status,actor,stance,source_title,source_outlet,quote",
      [CLAIM, "diplomacy", "unreviewed", "Dmitry Peskov", "asserts", SOURCE_TITLE, "HuffPost UK", TYPED].map(csvCell).join(","),
      [`${CLAIM}, and denied the reports`, "diplomacy", "unreviewed", "Dmitry Peskov", "denies", SOURCE_TITLE, "HuffPost UK", TYPO].map(csvCell).join(","),
    ].join("\r\n") + "\r\n",
    "utf8",
  );

test("close quotes are refused until accepted, row by row or all at once, and are imported as the article's words", async ({ page }) => {
  await signIn(page, "factChecker", "/import");
  await page.getByLabel(/attributions\.csv file/).setInputFiles({ name: "close.csv", mimeType: "text/csv", buffer: file() });
  await page.getByRole("button", { name: "1. Check" }).click();

  const closeQuotes = page.getByRole("table", { name: "Rows whose quotes match the article only approximately" });
  await expect(closeQuotes.getByRole("row")).toHaveCount(3);
  await expect(closeQuotes.getByRole("row").nth(1).locator("mark")).toHaveText(ARTICLE_WORDS);
  await expect(closeQuotes.getByRole("row").nth(1)).toContainText(TYPED);
  await expect(closeQuotes.getByRole("row").nth(2).locator("mark")).toHaveText(TYPO_ARTICLE_WORDS);
  const importButton = page.getByRole("button", { name: "2. Import" });
  await expect(importButton).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScroll(page);

  // One row accepted, from the keyboard: the other still holds the import back.
  await page.getByLabel("Accept line 2").focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Accept line 2")).toBeChecked();
  await expect(importButton).toBeDisabled();
  // Then all of them.
  await page.getByRole("button", { name: /Accept all 2 with the article's words/ }).click();
  await expect(page.getByLabel("Accept line 3")).toBeChecked();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Imported close.csv" })).toContainText("2 close quotes taken as the article's own words");

  // The claim quotes the article's words, not the file's.
  await page.goto(`/claims?q=${encodeURIComponent("close quotes Peskov found")}`);
  await page.getByRole("link", { name: CLAIM, exact: true }).click();
  await expect(page.locator("section.card mark")).toHaveText(ARTICLE_WORDS);
});
