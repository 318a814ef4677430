import type { Page } from "@playwright/test";

/** Select `words` inside the article text, as a mouse drag would (the words must lie in one text node). */
export async function selectInArticle(page: Page, words: string) {
  await page.locator(".article-text").evaluate((container, target) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`"${target}" is not in one text node of the article`);
  }, words);
}
