import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations as expectAccessible } from "./support/accessibility";
import { signIn } from "./support/sign-in";

/*
 * Selecting words in an article with the mouse (issue 10, item 5): the toolbar above the
 * article never moves the text while the mouse is down, a drag that starts inside a
 * highlighted quote selects words (instead of dragging or following the link), and the
 * keyboard way (typing the quote) stays.
 */

async function openSeedArticle(page: Page) {
  // The example article (stored with its text and quotes highlighted in it).
  const claims = (await (await page.request.get(`/api/claims?q=${encodeURIComponent("ballistic missiles ammunition")}`)).json()).items;
  const sourceId = claims[0].attributions[0].source.id as number;
  await signIn(page, "factChecker", `/sources/${sourceId}`);
  await expect(page.locator(".article-text")).toBeVisible();
  return sourceId;
}

const articleTop = (page: Page) => page.locator(".article-text").evaluate((el) => el.getBoundingClientRect().top);

/** Page coordinates of the character `offset` into the first plain (unhighlighted) stretch of text long enough. */
async function plainTextPoint(page: Page, offset: number) {
  return page.locator(".article-text").evaluate((container, at) => {
    for (const span of container.querySelectorAll<HTMLSpanElement>(":scope > span[data-start]")) {
      const node = span.firstChild;
      if (node && node.textContent && node.textContent.length > at + 1) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error("no plain text long enough");
  }, offset);
}

test("dragging across two lines never moves the article, and the selection is what was dragged over", async ({ page }) => {
  await openSeedArticle(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const from = await plainTextPoint(page, 2);
  const lineHeight = await page.locator(".article-text").evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const to = { x: from.x + 40, y: from.y + lineHeight };
  const before = await articleTop(page);

  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const tops: number[] = [];
  for (let step = 1; step <= 8; step++) {
    await page.mouse.move(from.x + ((to.x - from.x) * step) / 8, from.y + ((to.y - from.y) * step) / 8);
    tops.push(await articleTop(page));
  }
  await expect(page.getByText("Selected:")).toBeVisible();
  tops.push(await articleTop(page));
  await page.mouse.up();
  tops.push(await articleTop(page));

  expect(tops.every((top) => top === before), `article top moved: ${before} → ${tops.join(", ")}`).toBe(true);
  // Two lines' worth of words, not a word or two (the end did not land on the wrong line).
  expect((await page.evaluate(() => window.getSelection()!.toString())).length).toBeGreaterThan(30);
  await expectAccessible(page);
});

test("a drag that starts inside a highlighted quote selects words and stays on the page", async ({ page }) => {
  const sourceId = await openSeedArticle(page);
  const highlight = page.locator(".article-text a.highlight").first();
  await highlight.scrollIntoViewIfNeeded();
  const box = (await highlight.boundingBox())!;
  await page.mouse.move(box.x + 3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + Math.min(box.width - 3, 120), box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByText("Selected:")).toBeVisible();
  expect((await page.evaluate(() => window.getSelection()!.toString())).length).toBeGreaterThan(3);
  await expect(page).toHaveURL(new RegExp(`/sources/${sourceId}$`));

  // A plain click on a highlight still follows its link.
  await page.evaluate(() => window.getSelection()!.removeAllRanges());
  await highlight.click();
  await expect(page).toHaveURL(/\/claims\/\d+#attribution-\d+$/);
});

test("the keyboard way stays: a quote can be typed instead of selected", async ({ page }) => {
  const sourceId = await openSeedArticle(page);
  const typeInstead = page.getByRole("link", { name: "type a quote instead" });
  await typeInstead.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/claims/new\\?source=${sourceId}$`));
  await expect(page.getByLabel("Exact words quoted from the article")).toBeVisible();
});
